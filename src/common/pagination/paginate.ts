import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CommonError, CommonErrorCode } from '../errors/common.errors.js';
import { isDatabaseId } from '../input-safety.js';
import { isCalendarDate } from '../scalars/date.scalar.js';
import type { Page } from './connection.js';
import type { PaginationArgs } from './pagination.args.js';

/** The largest PostgreSQL `integer` (sequence numbers, counts). */
const INT4_MAX = 2147483647;

const invalidCursor = () =>
  new CommonError(CommonErrorCode.INVALID_CURSOR, 'The cursor is not one this API gave out.', [
    { field: 'after', code: CommonErrorCode.INVALID_CURSOR, message: 'Pass the endCursor of a previous page unchanged.' },
  ]);

/** An opaque cursor for a row's sort key (e.g. [date, id]). */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key inside a cursor, checked against the shapes the query expects. */
export function decodeCursor(cursor: string, shape: readonly ('id' | 'date' | 'int' | 'number')[]): (string | number)[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const ok =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((v, i) =>
      shape[i] === 'id' ? typeof v === 'string' && isDatabaseId(v)
      : shape[i] === 'date' ? isCalendarDate(v)
      : shape[i] === 'int' ? Number.isInteger(v) && Math.abs(v) <= INT4_MAX
      : typeof v === 'number' && Number.isFinite(v),
    );
  if (!ok) throw invalidCursor();
  return key as (string | number)[];
}

/** A page from rows fetched with LIMIT first + 1, in order; `count` runs at most once, if the total is asked for. */
export function toPage<T>(rows: T[], args: PaginationArgs, count: () => Promise<number>, keyOf: (row: T) => readonly (string | number)[]): Page<T> {
  const hasNextPage = rows.length > args.first;
  const edges = rows.slice(0, args.first).map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    get totalCount() {
      return (total ??= count());
    },
    pageInfo: { hasNextPage, hasPreviousPage: args.after !== undefined, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/**
 * Keyset pagination in id order: stable across identical queries and O(page) however deep.
 * `qb` carries the filters; the count runs on the same filters without the cursor.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(qb: SelectQueryBuilder<T>, args: PaginationArgs): Promise<Page<T>> {
  const alias = qb.alias;
  const counter = qb.clone();
  if (args.after) qb.andWhere(`${alias}.id > :after`, { after: decodeCursor(args.after, ['id'])[0] });
  const rows = await qb.orderBy(`${alias}.id`, 'ASC').take(args.first + 1).getMany();
  return toPage(rows, args, () => counter.getCount(), (r) => [r.id]);
}

/** `SELECT count(*)` over a hand-written `FROM … WHERE …`, for the total of a page. */
export async function countRows(dataSource: DataSource, fromWhere: string, params: unknown[]): Promise<number> {
  const [{ n }]: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n ${fromWhere}`, params);
  return n;
}
