/** Audit-trail filtering (pure): project, party, type, time range, tx, block. */
import { partiesOf, type ChainEvent } from "@/lib/events";

export interface AuditFilter {
  project?: string;
  party?: string;
  type?: string;
  /** Unix seconds, inclusive. */
  from?: number;
  /** Unix seconds, inclusive. */
  to?: number;
  tx?: string;
  block?: string;
}

export function filterEvents(events: readonly ChainEvent[], f: AuditFilter): readonly ChainEvent[] {
  const party = f.party?.trim().toLowerCase();
  const tx = f.tx?.toLowerCase();
  const none = !f.project && !f.type && !tx && !f.block && !party && f.from === undefined && f.to === undefined;
  if (none) return events; // no filter: the list itself (the audit trail opens on 10,000s of events)
  return events.filter((e) => {
    if (f.project && e.args.projectId?.toString() !== f.project) return false;
    if (f.type && e.eventName !== f.type) return false;
    if (tx && e.transactionHash.toLowerCase() !== tx) return false;
    if (f.block && e.blockNumber.toString() !== f.block) return false;
    if (party && !partiesOf(e).some((a) => a.toLowerCase().includes(party))) return false;
    if (f.from !== undefined && (e.timestamp ?? 0) < f.from) return false;
    if (f.to !== undefined && (e.timestamp ?? Infinity) > f.to) return false;
    return true;
  });
}

const plain = (v: unknown): string =>
  typeof v === "bigint"
    ? v.toString()
    : Array.isArray(v)
      ? JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x))
      : typeof v === "object" && v !== null
        ? JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x))
        : String(v);

export const CSV_HEADER = [
  "time_utc",
  "block",
  "log_index",
  "tx_hash",
  "contract",
  "event",
  "project_id",
  "args",
] as const;

export function csvRows(events: readonly ChainEvent[]): string[][] {
  return events.map((e) => [
    e.timestamp !== undefined ? new Date(e.timestamp * 1000).toISOString() : "",
    e.blockNumber.toString(),
    String(e.logIndex),
    e.transactionHash,
    e.contract,
    e.eventName,
    e.args.projectId !== undefined ? plain(e.args.projectId) : "",
    Object.entries(e.args)
      .filter(([k]) => !/^\d+$/.test(k))
      .map(([k, v]) => `${k}=${plain(v)}`)
      .join("; "),
  ]);
}
