/** The audit trail's row for any event: its arguments as JSON and every address among them. */
import type { Hex } from "viem";

import { insert, upsert, type Change } from "./changes";
import { scopesOf } from "../../web/src/lib/indexer/eventCount";
import { lc } from "./reducers/common";
import type { EventMeta } from "./reducers/types";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** JSON-safe copy of decoded event arguments: bigints become decimal strings. */
export function jsonArgs(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(jsonArgs);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonArgs(v)]));
  }
  return value;
}

/** Every distinct address among the arguments (nested arrays and tuples included), lower-case, in order. */
export function partiesOf(args: unknown): Hex[] {
  const found = new Set<Hex>();
  const walk = (value: unknown): void => {
    if (typeof value === "string" && ADDRESS.test(value)) found.add(lc(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
  };
  walk(args);
  return [...found];
}

export function auditRow(contract: string, name: string, args: Record<string, unknown>, meta: EventMeta): Change {
  return insert("event", {
    id: meta.id,
    contract,
    name,
    address: lc(meta.address),
    projectId: typeof args.projectId === "bigint" ? args.projectId : null,
    parties: partiesOf(args),
    args: jsonArgs(args),
    blockNumber: meta.blockNumber,
    timestamp: meta.timestamp,
    transactionHash: meta.transactionHash,
    logIndex: meta.logIndex,
  });
}

/** One more event in each scope it counts in (the `event_count` rows of the trail pages' totals). */
export function auditCounts(name: string, args: Record<string, unknown>): Change[] {
  const projectId = typeof args.projectId === "bigint" ? args.projectId : null;
  return scopesOf(name, projectId).map((scope) => upsert("eventCount", { scope }, { add: { count: 1 } }));
}
