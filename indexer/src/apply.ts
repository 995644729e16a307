/**
 * Runs one event through its reducer and writes the changes through Ponder's store (`context.db`). The only place
 * that touches the store; everything it writes comes from the pure reducers and src/audit.ts.
 */
import * as schema from "../ponder.schema";
import { auditCounts, auditRow, jsonArgs } from "./audit";
import { merge, type Change } from "./changes";
import { reducers, type ContractName, type EventMeta, type Lookups } from "./reducers";
import { readGreenLookups, type DecimalsOf, type FindRow } from "./reducers/green";

/** The part of Ponder's `context.db` the indexer uses (loosely typed: tables are picked by name at run time). */
export interface Store {
  find(table: unknown, key: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  insert(table: unknown): {
    values(row: Record<string, unknown>): PromiseLike<unknown> & {
      onConflictDoUpdate(fn: (row: Record<string, unknown>) => Record<string, unknown>): PromiseLike<unknown>;
      onConflictDoNothing(): PromiseLike<unknown>;
    };
  };
  update(
    table: unknown,
    key: Record<string, unknown>,
  ): {
    set(fn: (row: Record<string, unknown>) => Record<string, unknown>): PromiseLike<unknown>;
  };
}

export async function write(db: Store, change: Change): Promise<void> {
  const table = schema[change.table];
  const row = (change.kind === "update" ? change.key : change.row) as Record<string, unknown>;
  if (change.kind === "insert") {
    await db.insert(table).values(row);
    return;
  }
  const add = change.add as Record<string, unknown>;
  const set = change.set as Record<string, unknown>;
  if (change.kind === "upsert") {
    const pending = db.insert(table).values(row);
    if (Object.keys(add).length === 0 && Object.keys(set).length === 0) await pending.onConflictDoNothing();
    else await pending.onConflictDoUpdate((current) => merge(current, add, set));
    return;
  }
  await db.update(table, row).set((current) => merge(current, add, set));
}

/** Reads what the reducer needs besides the event (the project's token for project-scoped events). */
async function lookupsFor(find: FindRow, args: Record<string, unknown>): Promise<Lookups> {
  if (typeof args.projectId !== "bigint") return {};
  const found = await find("project", { id: args.projectId });
  return found === null ? {} : { projectToken: found.token };
}

/**
 * Ponder's `find` by table name, reading each row at most once for one event: the project row is needed both for
 * its token (lookupsFor) and, at a Disbursed, by the green lookups.
 */
function findOnce(db: Store): FindRow {
  const read = new Map<string, Promise<Record<string, unknown> | null>>();
  return ((table, key) => {
    const id = `${table}:${JSON.stringify(jsonArgs(key))}`;
    let row = read.get(id);
    if (row === undefined) read.set(id, (row = db.find(schema[table], key)));
    return row;
  }) as FindRow;
}

export async function handle(
  db: Store,
  contract: ContractName,
  name: string,
  args: Record<string, unknown>,
  meta: EventMeta,
  decimalsOf: DecimalsOf,
): Promise<void> {
  const reducer = (reducers[contract] as Record<string, (a: unknown, m: EventMeta, l: Lookups) => Change[]>)[name];
  if (reducer === undefined) throw new Error(`no reducer for ${contract}:${name} (add it to src/reducers/)`);
  const find = findOnce(db);
  const green = await readGreenLookups(find, decimalsOf, contract, name, args);
  const lookups = { ...(await lookupsFor(find, args)), ...(green ? { green } : {}) };
  await write(db, auditRow(contract, name, args, meta));
  for (const change of auditCounts(name, args)) await write(db, change);
  for (const change of reducer(args, meta, lookups)) await write(db, change);
}
