import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validationFailed } from '../common/errors/common.errors.js';
import type { Page } from '../common/pagination/connection.js';
import { countRows, decodeCursor, toPage } from '../common/pagination/paginate.js';
import { subtree } from '../organizations/organization-tree.sql.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import type { Correction, CorrectionsArgs, LampiranRowState } from './dto/correction.js';
import { revisionDiff, type RevisionHeader, type RevisionRow } from './revision-diff.js';
import { RevisionKind } from './revision.enums.js';

interface RevisionPair {
  id: string;
  event_id: string;
  revision: number;
  version: number;
  kind: RevisionKind;
  recorded_at: string;
  reason: string | null;
  header: RevisionHeader;
  lampiran: RevisionRow[];
  prev_revision: number | null;
  prev_header: RevisionHeader | null;
  prev_lampiran: RevisionRow[] | null;
}

/** The newest corrections of a unit (or all), with how many there are and when the last was made. */
export interface CorrectionsFeed {
  corrections: Correction[];
  total: number;
  latest: Date | null;
}

/**
 * Every amendment, void and back-fill, each with its difference from the state before it, from
 * the kept revisions (rotation_event_revisions): one statement per page whatever the lampiran sizes.
 */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  /** Newest first (in the order they became the record). */
  async list(args: CorrectionsArgs): Promise<Page<Correction>> {
    if (args.from && args.to && args.from > args.to) {
      throw validationFailed([{ field: 'to', code: 'DATES_OUT_OF_ORDER', message: `to (${args.to.toISOString()}) is before from (${args.from.toISOString()})` }]);
    }
    const params: unknown[] = [];
    const $ = (value: unknown) => `$${params.push(value)}`;
    const where = ['r.kind <> \'RECORDED\''];
    if (args.from) where.push(`r.recorded_at >= ${$(args.from)}`);
    if (args.to) where.push(`r.recorded_at < ${$(args.to)}`);
    const unit = await this.organizations.unitId(args);
    if (unit) where.push(touchesUnit(subtree($(unit))));
    const base = `${FROM} WHERE ${where.join(' AND ')}`;
    const countParams = [...params];
    const after = args.after ? ` AND r.id < ${$(decodeCursor(args.after, ['id'])[0])}::bigint` : '';
    const rows: RevisionPair[] = await this.dataSource.query(`${SELECT} ${base}${after} ORDER BY r.id DESC LIMIT ${$(args.first + 1)}`, params);
    return toPage(rows.map(correction), args, () => countRows(this.dataSource, base, countParams), (c) => [c.revisionRowId]);
  }

  /** The latest `limit` corrections touching the unit or the post (all when neither), for a feed. */
  async latest(scope: { unitId?: string; postId?: string }, limit: number): Promise<CorrectionsFeed> {
    const params: unknown[] = [limit];
    const where = ['r.kind <> \'RECORDED\''];
    if (scope.unitId) where.push(touchesUnit(subtree(`$${params.push(scope.unitId)}`)));
    if (scope.postId) where.push(touchesPost(`$${params.push(scope.postId)}`));
    // The window runs before LIMIT: the count and latest instant are of every matching correction.
    const rows: (RevisionPair & { total: number; latest: string })[] = await this.dataSource.query(
      `${SELECT}, count(*) OVER ()::int AS total, max(r.recorded_at) OVER () AS latest ${FROM} WHERE ${where.join(' AND ')} ORDER BY r.id DESC LIMIT $1`,
      params,
    );
    return { corrections: rows.map(correction), total: rows[0]?.total ?? 0, latest: rows[0] ? new Date(rows[0].latest) : null };
  }
}

const SELECT = `SELECT r.id::text AS id, r.event_id::text AS event_id, r.revision, r.version, r.kind, r.recorded_at, r.reason, r.header, r.lampiran,
  p.revision AS prev_revision, p.header AS prev_header, p.lampiran AS prev_lampiran`;

/** Each revision with the one before it. */
const FROM = `FROM rotation_event_revisions r
  LEFT JOIN LATERAL (SELECT p.revision, p.header, p.lampiran FROM rotation_event_revisions p
    WHERE p.event_id = r.event_id AND p.revision < r.revision ORDER BY p.revision DESC LIMIT 1) p ON true`;

/** A correction touches a unit when a row before or after it names a post of the unit (or of its sub-units). */
function touchesUnit(unit: string): string {
  return `EXISTS (SELECT 1 FROM jsonb_array_elements(r.lampiran || COALESCE(p.lampiran, '[]'::jsonb)) x
    JOIN positions ps ON ps.id = (x->>'fromPositionId')::bigint OR ps.id = (x->>'toPositionId')::bigint
    WHERE ps.organization_id IN ${unit})`;
}

/** A row before or after the correction starts from or goes to the post. */
function touchesPost(post: string): string {
  return `EXISTS (SELECT 1 FROM jsonb_array_elements(r.lampiran || COALESCE(p.lampiran, '[]'::jsonb)) x
    WHERE (x->>'fromPositionId')::bigint = ${post}::bigint OR (x->>'toPositionId')::bigint = ${post}::bigint)`;
}

type CorrectionWithKey = Correction & { revisionRowId: string };

function correction(row: RevisionPair): CorrectionWithKey {
  const diff = revisionDiff(row.prev_header ? { header: row.prev_header, lampiran: row.prev_lampiran ?? [] } : null, row);
  const state = (r: RevisionRow) => r as unknown as LampiranRowState;
  return {
    revisionRowId: row.id,
    id: `${row.event_id}/${row.revision}`,
    eventId: row.event_id,
    revision: row.revision,
    previousRevision: row.prev_revision,
    version: row.version,
    kind: row.kind,
    recordedAt: new Date(row.recorded_at),
    reason: row.reason,
    headerChanges: diff.headerChanges,
    rowsAdded: diff.rowsAdded.map(state),
    rowsRemoved: diff.rowsRemoved.map(state),
    rowsChanged: diff.rowsChanged,
    header: row.header,
  };
}
