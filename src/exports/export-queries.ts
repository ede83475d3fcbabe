import { escapeLiteral } from 'pg';
import { displayNameSql } from '../officials/display-name.js';
import { subtree } from '../organizations/organization-tree.sql.js';
import { seesPersonalDataSql } from '../governments/governments.service.js';
import { today } from '../common/today.js';
import type { ExportFilters } from './dto/export-filters.js';

/**
 * The SELECTs behind each export. COPY takes no bind parameters, so values are inlined as
 * escaped literals — after validation, so they are ids, dates and enum names anyway.
 * Column order is part of the API: see docs/exports.md. Rows come in no particular order:
 * an ORDER BY would make PostgreSQL sort everything before sending the first row.
 */

export interface ResolvedFilters extends ExportFilters {
  /** The unit, resolved from organizationId or organizationCode. */
  unitId?: string;
  /** A key acting for these governments only: personal data of the officials it may see, blank for the others. */
  personalScope?: readonly string[];
}

const lit = (v: string) => escapeLiteral(v);
const unitTree = (id: string) => subtree(lit(id));
/** Every unit with its path of codes from the root, e.g. PEMKOT-BKS/DINKES/PKM-ARENJAYA. */
const PATHS = `paths AS (
  SELECT id, code::text AS path FROM organizations WHERE parent_id IS NULL
  UNION ALL SELECT o.id, paths.path || '/' || o.code FROM organizations o JOIN paths ON o.parent_id = paths.id)`;

/** How a column is typed where the format has types (XLSX); CSV and NDJSON carry PostgreSQL's text. */
export type ColumnType = 'id' | 'integer' | 'text' | 'date';

export interface ExportColumn {
  name: string;
  /** Over the aliases of the export's FROM. */
  sql: string;
  type: ColumnType;
  /** Personal data (UU 27/2022): the column is left out, not blanked, for callers who may not see it. */
  personal?: boolean;
}

const col = (name: string, sql: string, type: ColumnType = 'text', personal = false): ExportColumn => ({ name, sql, type, personal });

const APPOINTMENT_COLUMNS: readonly ExportColumn[] = [
  col('appointment_id', 'a.id', 'id'), col('official_id', 'o.id', 'id'), col('nip', 'o.nip', 'text', true), col('official_name', 'o.name'),
  col('honorific_prefix', 'o.honorific_prefix'), col('honorific_suffix', 'o.honorific_suffix'), col('display_name', displayNameSql('o')),
  col('position_id', 'p.id', 'id'), col('position_code', 'p.code'), col('position_title', 'p.title'), col('echelon', 'p.echelon'), col('category', 'p.category'),
  col('organization_id', 'u.id', 'id'), col('organization_code', 'u.code'), col('organization_name', 'u.name'), col('organization_path', 'paths.path'),
  col('capacity', 'a.capacity'), col('started_on', 'a.started_on', 'date'), col('ended_on', 'a.ended_on', 'date'),
  col('started_by_transfer_id', 'a.started_by_transfer_id', 'id'), col('started_by_event_id', 'st.event_id', 'id'),
  col('started_by_decree_number', 'se.decree_number'), col('started_by_decree_date', 'se.decree_date', 'date'),
  col('ended_by_transfer_id', 'a.ended_by_transfer_id', 'id'), col('ended_by_event_id', 'et.event_id', 'id'),
  col('ended_by_decree_number', 'ee.decree_number'), col('ended_by_decree_date', 'ee.decree_date', 'date'),
];

const TRANSFER_COLUMNS: readonly ExportColumn[] = [
  col('transfer_id', 't.id', 'id'), col('event_id', 'e.id', 'id'), col('seq', 't.seq', 'integer'), col('effective_on', 'e.effective_on', 'date'),
  col('sworn_in_on', 'e.sworn_in_on', 'date'), col('issuer', 'e.issuer'), col('decree_number', 'e.decree_number'), col('decree_date', 'e.decree_date', 'date'),
  col('event_title', 'e.title'), col('official_id', 'o.id', 'id'), col('nip', 'o.nip', 'text', true), col('official_name', 'o.name'), col('display_name', displayNameSql('o')),
  col('from_position_id', 'fp.id', 'id'), col('from_position_code', 'fp.code'), col('from_position_title', 'fp.title'), col('from_organization_code', 'fo.code'),
  col('to_position_id', 'tp.id', 'id'), col('to_position_code', 'tp.code'), col('to_position_title', 'tp.title'), col('to_organization_code', 'tor.code'),
  col('kind', 't.kind'), col('capacity', 't.capacity'), col('note', 't.note'),
];

/** The columns a caller gets, in the documented order. */
export const appointmentColumns = (withPersonalData: boolean) => APPOINTMENT_COLUMNS.filter((c) => withPersonalData || !c.personal);
export const transferColumns = (withPersonalData: boolean) => TRANSFER_COLUMNS.filter((c) => withPersonalData || !c.personal);

/** A personal value, blank for an official the key may not see (the GraphQL fields' rule): a government's history holds people who work elsewhere now. */
const personal = (f: ResolvedFilters, sql: string) => (f.personalScope ? `CASE WHEN ${seesPersonalDataSql(lit(`{${f.personalScope.join(',')}}`), lit(today()))} THEN ${sql} END` : sql);

const selectList = (columns: readonly ExportColumn[], f: ResolvedFilters) => columns.map((c) => `${c.personal ? personal(f, c.sql) : c.sql} AS ${c.name}`).join(', ');

export function appointmentsQuery(f: ResolvedFilters, withPersonalData: boolean): string {
  const where = ['true'];
  if (f.to) where.push(`a.started_on <= ${lit(f.to)}::date`);
  if (f.from) where.push(`(a.ended_on IS NULL OR a.ended_on > ${lit(f.from)}::date)`);
  if (f.echelon) where.push(`p.echelon = ${lit(f.echelon)}`);
  if (f.category) where.push(`p.category = ${lit(f.category)}`);
  // A unit's appointments are picked first, through its posts (a barrier, so the plan looks each
  // row's official and decrees up by key rather than joining every appointment before filtering).
  const from = f.unitId
    ? `(SELECT a.* FROM positions p JOIN appointments a ON a.position_id = p.id WHERE p.organization_id IN ${unitTree(f.unitId)} OFFSET 0) a`
    : 'appointments a';
  return `WITH RECURSIVE ${PATHS}
  SELECT ${selectList(appointmentColumns(withPersonalData), f)}
  FROM ${from}
  JOIN officials o ON o.id = a.official_id
  JOIN positions p ON p.id = a.position_id
  JOIN organizations u ON u.id = p.organization_id
  JOIN paths ON paths.id = u.id
  JOIN transfers st ON st.id = a.started_by_transfer_id JOIN rotation_events se ON se.id = st.event_id
  LEFT JOIN transfers et ON et.id = a.ended_by_transfer_id LEFT JOIN rotation_events ee ON ee.id = et.event_id
  WHERE ${where.join(' AND ')}`;
}

/** The same rows as appointmentsQuery, one JSON object per row. */
export function appointmentsJsonQuery(f: ResolvedFilters, withPersonalData: boolean): string {
  return `SELECT json_strip_nulls(row_to_json(r))::text FROM (${appointmentsQuery(f, withPersonalData)}) r`;
}

/**
 * Each row of `sql` (whose columns are `columns`) as one JSON array of text or null per line,
 * for formats written in Node (XLSX): JSON text holds no raw line feed, so lines are rows, and
 * text keeps bigint ids exact until the column's type decides.
 */
export function jsonArrayRows(sql: string, columns: readonly ExportColumn[]): string {
  return `SELECT json_build_array(${columns.map((c) => `r.${c.name}::text`).join(', ')})::text FROM (${sql}) r`;
}

export function transfersQuery(f: ResolvedFilters, withPersonalData: boolean): string {
  const where = [`e.status = 'RECORDED'`];
  if (f.from) where.push(`e.effective_on >= ${lit(f.from)}::date`);
  if (f.to) where.push(`e.effective_on <= ${lit(f.to)}::date`);
  if (f.unitId) where.push(`(fp.organization_id IN ${unitTree(f.unitId)} OR tp.organization_id IN ${unitTree(f.unitId)})`);
  if (f.kind) where.push(`t.kind = ${lit(f.kind)}`);
  if (f.echelon) where.push(`(fp.echelon = ${lit(f.echelon)} OR tp.echelon = ${lit(f.echelon)})`);
  if (f.category) where.push(`(fp.category = ${lit(f.category)} OR tp.category = ${lit(f.category)})`);
  return `SELECT ${selectList(transferColumns(withPersonalData), f)}
  FROM transfers t
  JOIN rotation_events e ON e.id = t.event_id
  JOIN officials o ON o.id = t.official_id
  LEFT JOIN positions fp ON fp.id = t.from_position_id LEFT JOIN organizations fo ON fo.id = fp.organization_id
  LEFT JOIN positions tp ON tp.id = t.to_position_id LEFT JOIN organizations tor ON tor.id = tp.organization_id
  WHERE ${where.join(' AND ')}`;
}

/**
 * Popolo (popoloproject.com): one JSON object per row for each of the four collections.
 * Memberships are the appointments the filters select; persons those memberships name; posts
 * and organizations those of the unit (all, without one).
 */
export function popoloQueries(f: ResolvedFilters, withPersonalData: boolean): Record<'persons' | 'organizations' | 'posts' | 'memberships', string> {
  const members = `SELECT appointment_id, official_id, position_id, organization_id, capacity, started_on, ended_on FROM (${appointmentsQuery(f, false)}) m`;
  const units = f.unitId ? `WHERE u.id IN ${unitTree(f.unitId)}` : '';
  const posts = f.unitId ? `WHERE p.organization_id IN ${unitTree(f.unitId)}` : '';
  return {
    persons: `SELECT json_strip_nulls(json_build_object('id', 'person/' || o.id, 'name', o.name,
        'honorific_prefix', o.honorific_prefix, 'honorific_suffix', o.honorific_suffix,
        ${withPersonalData ? `'gender', ${personal(f, 'lower(o.gender::text)')}, 'birth_date', ${personal(f, 'o.birth_date')}, 'identifiers', ${personal(f, `CASE WHEN o.nip IS NOT NULL THEN json_build_array(json_build_object('scheme', 'nip', 'identifier', o.nip)) END`)},` : ''}
        'sort_name', o.name))::text
      FROM officials o WHERE o.id IN (SELECT official_id FROM (${members}) x)`,
    organizations: `SELECT json_strip_nulls(json_build_object('id', 'organization/' || u.id, 'name', u.name, 'classification', lower(u.kind::text),
        'parent_id', 'organization/' || u.parent_id, 'founding_date', u.established_on, 'dissolution_date', u.dissolved_on,
        'identifiers', json_build_array(json_build_object('scheme', 'mutasi', 'identifier', u.code))))::text
      FROM organizations u ${units}`,
    posts: `SELECT json_strip_nulls(json_build_object('id', 'post/' || p.id, 'label', p.title, 'role', p.category::text,
        'organization_id', 'organization/' || p.organization_id, 'start_date', p.established_on, 'end_date', p.abolished_on))::text
      FROM positions p ${posts}`,
    memberships: `SELECT json_strip_nulls(json_build_object('id', 'membership/' || m.appointment_id, 'person_id', 'person/' || m.official_id,
        'organization_id', 'organization/' || m.organization_id, 'post_id', 'post/' || m.position_id, 'role', m.capacity,
        'start_date', m.started_on, 'end_date', m.ended_on))::text
      FROM (${members}) m`,
  };
}
