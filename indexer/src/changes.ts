/**
 * Row changes: what a reducer (src/reducers/) returns for one event, and how a change meets the current row.
 *
 * Reducers are pure (event in → changes out); src/apply.ts writes the changes through Ponder's store and the unit
 * tests read them directly. Three kinds:
 *   - insert: a new row (history tables; the id is the event's id),
 *   - upsert: insert the row, or — when its key exists — add `add` to the existing numbers and overwrite `set`,
 *   - update: the same merge on a row that must exist (a missing row is a bug: Ponder's update throws).
 */
import type * as schema from "../ponder.schema";

type Tables = typeof schema;
export type TableName = keyof Tables;
export type Row<T extends TableName> = Tables[T]["$inferInsert"];
export type Selected<T extends TableName> = Tables[T]["$inferSelect"];

/** Columns of a table whose values are numbers (bigint or integer): the ones `add` may increment. */
type NumericColumns<T extends TableName> = {
  [C in keyof Selected<T>]-?: Selected<T>[C] extends bigint | number ? C : never;
}[keyof Selected<T>];

export type Increments<T extends TableName> = { [C in NumericColumns<T>]?: Selected<T>[C] };

export type Change = {
  [T in TableName]:
    | { kind: "insert"; table: T; row: Row<T> }
    | { kind: "upsert"; table: T; key: Partial<Row<T>>; row: Row<T>; add: Increments<T>; set: Partial<Row<T>> }
    | { kind: "update"; table: T; key: Partial<Row<T>>; add: Increments<T>; set: Partial<Row<T>> };
}[TableName];

export const insert = <T extends TableName>(table: T, row: Row<T>): Change =>
  ({ kind: "insert", table, row }) as Change;

/** Inserts `key` + `row`, or leaves the existing row as it is (the first write of a key wins). */
export const insertOnce = <T extends TableName>(table: T, key: Partial<Row<T>>, row: Partial<Row<T>>): Change =>
  ({ kind: "upsert", table, key, row: { ...key, ...row } as Row<T>, add: {}, set: {} }) as Change;

/**
 * Inserts `key` + `add` + `set` (+ the columns' defaults), or on a conflict adds `add` to the row and writes `set`.
 */
export const upsert = <T extends TableName>(
  table: T,
  key: Partial<Row<T>>,
  change: { add?: Increments<T>; set?: Partial<Row<T>> },
): Change =>
  ({
    kind: "upsert",
    table,
    key,
    row: { ...key, ...change.add, ...change.set } as Row<T>,
    add: change.add ?? {},
    set: change.set ?? {},
  }) as Change;

export const update = <T extends TableName>(
  table: T,
  key: Partial<Row<T>>,
  change: { add?: Increments<T>; set?: Partial<Row<T>> },
): Change => ({ kind: "update", table, key, add: change.add ?? {}, set: change.set ?? {} }) as Change;

/** The columns to write on an existing row: `row[c] + add[c]` for each increment, then `set`. */
export function merge(
  row: Record<string, unknown>,
  add: Record<string, unknown>,
  set: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, delta] of Object.entries(add)) {
    const current = row[column];
    if (typeof delta === "bigint") out[column] = (typeof current === "bigint" ? current : 0n) + delta;
    else if (typeof delta === "number") out[column] = (typeof current === "number" ? current : 0) + delta;
    else throw new Error(`increment of ${column} is not a number: ${String(delta)}`);
  }
  return { ...out, ...set };
}
