import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CommonError, CommonErrorCode } from '../errors/common.errors.js';
import type { Page } from './connection.js';
import type { PaginationArgs } from './pagination.args.js';

const PREFIX = 'id:';

export function encodeCursor(id: string): string {
  return Buffer.from(PREFIX + id).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = raw.startsWith(PREFIX) ? raw.slice(PREFIX.length) : '';
  if (!/^[0-9]{1,19}$/.test(id)) {
    throw new CommonError(CommonErrorCode.INVALID_CURSOR, 'The cursor is not one this API gave out.', [
      { field: 'after', code: CommonErrorCode.INVALID_CURSOR, message: 'Pass the endCursor of a previous page unchanged.' },
    ]);
  }
  return id;
}

/**
 * Keyset pagination in id order: stable across identical queries and O(page) however deep.
 * `qb` carries the filters; the count runs on the same filters without the cursor.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(qb: SelectQueryBuilder<T>, args: PaginationArgs): Promise<Page<T>> {
  const alias = qb.alias;
  const counter = qb.clone();
  if (args.after) qb.andWhere(`${alias}.id > :after`, { after: decodeCursor(args.after) });
  const [rows, totalCount] = await Promise.all([qb.orderBy(`${alias}.id`, 'ASC').take(args.first + 1).getMany(), counter.getCount()]);
  const hasNextPage = rows.length > args.first;
  const edges = rows.slice(0, args.first).map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: args.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
