import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';

/**
 * Transaction time: the tables whose every state is kept (`<table>_history`) can be read as they
 * were at an instant through `<table>_at(t)`, an inlinable SQL function, so an as-recorded read
 * is the plain read's SQL with the relation swapped (docs/record-history.md).
 */

/** The instant an as-recorded row was read at (ISO 8601), carried on it so its relations are read at the same instant; absent: now. */
export interface AsRecorded {
  recordedAt?: string;
}

export const AS_RECORDED_DESCRIPTION =
  'Answer as the record stood at this instant (what Mutasi said then, before later amendments and voids). A future instant reads as now; an instant before anything was recorded finds nothing.';

@ArgsType()
export class AsRecordedArgs {
  @Field(() => Date, { nullable: true, description: AS_RECORDED_DESCRIPTION })
  @IsOptional()
  asRecordedAt?: Date;
}

/** The instant to carry on rows, from an optional argument. */
export const instantOf = (at: Date | null | undefined): string | undefined => (at ? at.toISOString() : undefined);

/** The relation to read `table` from: the table itself, or the table as recorded at the instant bound to `param`. */
export const recordedRelation = (table: string, param: string | undefined): string => (param ? `${table}_at(${param}::timestamptz)` : table);

/** A loader key for `key` read at `at` (none: now). Instants hold neither `@` nor `|`, which keys use. */
export const keyAt = (key: string, at: string | undefined): string => (at ? `${key}@${at}` : key);

function splitKey(key: string): [string, string | undefined] {
  const i = key.indexOf('@');
  return i < 0 ? [key, undefined] : [key.slice(0, i), key.slice(i + 1)];
}

/**
 * A loader batch over keys made by `keyAt`: `load` runs once per instant the batch names (one
 * statement for a query read at one instant, whatever the list sizes) with the bare keys, and
 * its answers go back in the keys' order.
 */
export async function perInstant<V>(keys: readonly string[], load: (keys: string[], at: string | undefined) => Promise<V[]>): Promise<V[]> {
  const groups = new Map<string | undefined, number[]>();
  keys.forEach((key, i) => {
    const at = splitKey(key)[1];
    groups.set(at, [...(groups.get(at) ?? []), i]);
  });
  const answers: V[] = new Array(keys.length);
  await Promise.all(
    [...groups].map(async ([at, indexes]) => {
      const values = await load(indexes.map((i) => splitKey(keys[i])[0]), at);
      indexes.forEach((i, n) => (answers[i] = values[n]));
    }),
  );
  return answers;
}

/** Marks rows read at `at` with it (in place), so their own relations are read at the same instant. */
export function stamp<T extends object>(rows: T[], at: string | undefined): (T & AsRecorded)[] {
  if (at) for (const row of rows) (row as AsRecorded).recordedAt = at;
  return rows;
}
