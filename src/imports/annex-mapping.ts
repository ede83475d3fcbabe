import type { TransferInput } from '../rotations/dto/rotation-event.input.js';
import type { RotationProblem } from '../rotations/dto/rotation-problem.js';
import { AnnexField, type AnnexRow, type ColumnMapping } from './annex-layout.js';
import { cellText, namesNoPost, readCapacity, readHints, readKind, readNip, splitNameAndNip, type Cell } from './annex-values.js';
import type { ImportProblem } from './dto/import-views.js';
import type { PostReference } from './post-matcher.js';

/*
 * From a data row to a lampiran row (TransferInput), and from a problem of the recorder back
 * to the cell the clerk should look at. Pure functions.
 */

/** A row read, before its officials and posts are looked up. */
export interface RowDraft {
  sheetRow: number;
  cells: Record<string, string>;
  nip: string | null;
  name: string | null;
  /** null: the row names no destination (the official leaves office). */
  to: PostReference | null;
  from: PostReference | null;
  transfer: Omit<TransferInput, 'nip' | 'toPositionCode' | 'fromPositionCode'>;
  problems: ImportProblem[];
}

/** Where a problem lies: the column holding `field`, its header and the cell's value. */
export function at(row: { sheetRow: number; cells: Record<string, string> } | null, columns: ColumnMapping[], fields: AnnexField[]): Pick<ImportProblem, 'sheetRow' | 'column' | 'header' | 'value'> {
  const column = fields.map((f) => columns.find((c) => c.field === f)).find(Boolean) ?? null;
  return { sheetRow: row?.sheetRow ?? null, column: column?.column ?? null, header: column?.header ?? null, value: column && row ? (row.cells[column.field] ?? null) : null };
}

export function problem(code: string, message: string, where: Pick<ImportProblem, 'sheetRow' | 'column' | 'header' | 'value'>, severity: ImportProblem['severity'] = 'ERROR', extra: Partial<ImportProblem> = {}): ImportProblem {
  return { code, severity, ...where, message, ...extra };
}

const NIP_FIELDS = [AnnexField.NIP, AnnexField.NAME_AND_NIP];

export function draftRow(row: AnnexRow, columns: ColumnMapping[]): RowDraft {
  const cells = Object.fromEntries(Object.entries(row.values).map(([f, v]) => [f, cellText(v as Cell)]));
  const draft: RowDraft = { sheetRow: row.sheetRow, cells, nip: null, name: null, to: null, from: null, transfer: {}, problems: [] };
  const where = (fields: AnnexField[]) => at(draft, columns, fields);

  // The official: a NIP column, or name and NIP in one cell.
  let nipCell: Cell | undefined = row.values[AnnexField.NIP];
  draft.name = cells[AnnexField.NAME] || null;
  if (row.values[AnnexField.NAME_AND_NIP] !== undefined) {
    const split = splitNameAndNip(cells[AnnexField.NAME_AND_NIP]);
    draft.name = split.name || draft.name;
    nipCell ??= split.nip ?? undefined;
  }
  if (nipCell === undefined) {
    draft.problems.push(problem('NIP_MISSING', 'The row has no NIP: the official is found by NIP.', where(NIP_FIELDS)));
  } else {
    const read = readNip(nipCell);
    if ('nip' in read) draft.nip = read.nip;
    else draft.problems.push(problem(read.problem, read.message, where(NIP_FIELDS)));
  }

  // The posts, with Plt/Plh before the title and what the remarks say.
  const remarks = cells[AnnexField.REMARKS] ?? '';
  const hints = readHints(cells[AnnexField.TO_POST] ?? '', remarks);
  const toCode = cells[AnnexField.TO_CODE];
  if (toCode || !namesNoPost(hints.post)) draft.to = toCode ? { code: toCode } : { title: hints.post, unit: cells[AnnexField.TO_UNIT] };
  const fromCode = cells[AnnexField.FROM_CODE];
  const fromText = cells[AnnexField.FROM_POST] ?? '';
  if (fromCode || !namesNoPost(fromText)) draft.from = fromCode ? { code: fromCode } : { title: readHints(fromText, '').post, unit: cells[AnnexField.FROM_UNIT] };
  // Explicit Jenis and Status columns win over what the post and the remarks suggest.
  const kindText = cells[AnnexField.KIND];
  const capacityText = cells[AnnexField.CAPACITY];
  const kind = kindText ? readKind(kindText) : hints.kind;
  const capacity = capacityText ? readCapacity(capacityText) : hints.capacity;
  if (kindText && !kind) draft.problems.push(problem('KIND_UNKNOWN', `"${kindText}" is not a kind of move (e.g. Rotasi, Mutasi, Promosi, Pensiun, Penyetaraan).`, where([AnnexField.KIND])));
  if (capacityText && !capacity) draft.problems.push(problem('CAPACITY_UNKNOWN', `"${capacityText}" is not a status (Definitif, Plt, Plh, Tugas Tambahan).`, where([AnnexField.CAPACITY])));
  draft.transfer = {
    ...(capacity ? { capacity } : {}),
    ...(kind ? { kind } : {}),
    ...(remarks ? { note: remarks.slice(0, 2000) } : {}),
  };
  return draft;
}

/** The columns a recorder problem's field points at. */
const FIELD_COLUMNS: Record<string, AnnexField[]> = {
  nip: NIP_FIELDS,
  officialId: NIP_FIELDS,
  toPositionCode: [AnnexField.TO_CODE, AnnexField.TO_POST],
  toPositionId: [AnnexField.TO_CODE, AnnexField.TO_POST],
  fromPositionCode: [AnnexField.FROM_CODE, AnnexField.FROM_POST],
  fromPositionId: [AnnexField.FROM_CODE, AnnexField.FROM_POST],
  kind: [AnnexField.KIND, AnnexField.REMARKS],
  capacity: [AnnexField.CAPACITY, AnnexField.REMARKS, AnnexField.TO_POST],
  note: [AnnexField.REMARKS],
};

/** A recorder problem, placed on the sheet: `rows[index]` is the row the transfer came from. */
export function placeRecorderProblem(p: RotationProblem, rows: { sheetRow: number; cells: Record<string, string> }[], columns: ColumnMapping[]): ImportProblem {
  const row = p.index === null || p.index === undefined ? null : rows[p.index];
  const where = at(row, columns, p.field ? (FIELD_COLUMNS[p.field] ?? []) : []);
  // Messages speak of "transfer N" by index: the clerk knows sheet rows.
  return problem(p.code, p.message.replace(/\btransfer (\d+)\b/g, (_, n) => `row ${rows[Number(n)]?.sheetRow ?? n}`), where, p.severity, { field: p.field, ...(p.sideEffect ? { sideEffect: p.sideEffect } : {}) });
}
