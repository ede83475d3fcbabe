/** The event's own fields in a revision (JSONB `header`). */
export interface RevisionHeader {
  title: string;
  issuer: string;
  decreeNumber: string | null;
  decreeDate: string | null;
  swornInOn: string;
  swornInAt: string | null;
  effectiveOn: string;
  location: string | null;
  sourceUrl: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  status: string;
}

/** One lampiran row in a revision (JSONB `lampiran`): one official's move, with the names and titles of that moment. */
export interface RevisionRow {
  seq: number;
  officialId: string;
  officialName: string;
  fromPositionId: string | null;
  fromCode: string | null;
  fromTitle: string | null;
  toPositionId: string | null;
  toCode: string | null;
  toTitle: string | null;
  kind: string;
  capacity: string;
  note: string | null;
  /** Whether the decree stated the origin (otherwise derived from the history). */
  fromStated: boolean;
  /** Whether the decree stated the kind (otherwise derived from the origin). */
  kindStated: boolean;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface RowChange {
  officialId: string;
  officialName: string;
  /** The row's number after the change. */
  seq: number;
  changes: FieldChange[];
}

export interface RevisionDiff {
  headerChanges: FieldChange[];
  rowsAdded: RevisionRow[];
  rowsRemoved: RevisionRow[];
  rowsChanged: RowChange[];
}

const HEADER_FIELDS: (keyof RevisionHeader)[] = [
  'title',
  'issuer',
  'decreeNumber',
  'decreeDate',
  'swornInOn',
  'swornInAt',
  'effectiveOn',
  'location',
  'sourceUrl',
  'signatoryName',
  'signatoryTitle',
  'status',
];

/** What a decree says of a row; titles and names follow from the codes and ids, so a renamed post is not a correction. */
const ROW_FIELDS: (keyof RevisionRow)[] = ['seq', 'fromCode', 'toCode', 'kind', 'capacity', 'note', 'fromStated', 'kindStated'];

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function changesOf<T extends object>(before: T, after: T, fields: (keyof T)[]): FieldChange[] {
  return fields.flatMap((field) => {
    const [b, a] = [text(before[field]), text(after[field])];
    return b === a ? [] : [{ field: String(field), before: b, after: a }];
  });
}

/** Rows keyed by official; an official named twice in one lampiran is told apart by the order of the rows. */
function byOfficial(rows: RevisionRow[]): Map<string, RevisionRow> {
  const keyed = new Map<string, RevisionRow>();
  const seen = new Map<string, number>();
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) {
    const n = (seen.get(row.officialId) ?? 0) + 1;
    seen.set(row.officialId, n);
    keyed.set(`${row.officialId}#${n}`, row);
  }
  return keyed;
}

/**
 * The field-level difference between two states of an event: header fields changed, and the
 * lampiran's rows matched by official (a row is one official's move) as added, removed or
 * changed. `before` is null for a first recording: every row is then added.
 */
export function revisionDiff(before: { header: RevisionHeader; lampiran: RevisionRow[] } | null, after: { header: RevisionHeader; lampiran: RevisionRow[] }): RevisionDiff {
  const old = byOfficial(before?.lampiran ?? []);
  const now = byOfficial(after.lampiran);
  const rowsChanged: RowChange[] = [];
  const rowsAdded: RevisionRow[] = [];
  for (const [key, row] of now) {
    const previous = old.get(key);
    if (!previous) {
      rowsAdded.push(row);
      continue;
    }
    const changes = changesOf(previous, row, ROW_FIELDS);
    if (changes.length) rowsChanged.push({ officialId: row.officialId, officialName: row.officialName, seq: row.seq, changes });
  }
  return {
    headerChanges: before ? changesOf(before.header, after.header, HEADER_FIELDS) : [],
    rowsAdded,
    rowsRemoved: [...old].filter(([key]) => !now.has(key)).map(([, row]) => row),
    rowsChanged,
  };
}
