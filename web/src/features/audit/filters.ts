/**
 * Audit-trail filters (pure): project, party, type, time range, tx, block — as the indexer's GraphQL filter on its
 * `event` table (filtered and paginated on the server), and as URL parameters (the CSV export route reads the same).
 */
import { projectIdOf, type ChainEvent } from "@/lib/events";
import type { Where } from "@/lib/indexer";

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

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const DECIMAL = /^\d+$/;
const HASH = /^0x[0-9a-fA-F]{64}$/;

/** Whether the party field holds a whole address (the indexer matches parties exactly). */
export const isPartyAddress = (party: string | undefined): boolean => !!party && ADDRESS.test(party.trim());

/** The indexer filter for `f` (fields that do not parse are left out, so a half-typed value filters nothing). */
export function auditWhere(f: AuditFilter): Where {
  const where: Where = {};
  if (f.project && DECIMAL.test(f.project)) where.projectId = f.project;
  if (f.type) where.name = f.type;
  if (f.tx && HASH.test(f.tx)) where.transactionHash = f.tx.toLowerCase();
  if (f.block && DECIMAL.test(f.block)) where.blockNumber = f.block;
  if (f.party && isPartyAddress(f.party)) where.parties_has = f.party.trim().toLowerCase();
  if (f.from !== undefined) where.timestamp_gte = String(f.from);
  if (f.to !== undefined) where.timestamp_lte = String(f.to);
  return where;
}

const KEYS = [
  "project",
  "party",
  "type",
  "from",
  "to",
  "tx",
  "block",
] as const satisfies readonly (keyof AuditFilter)[];

/** The filter as URL search parameters (for the CSV export route). */
export function filterToParams(f: AuditFilter): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of KEYS) if (f[k] !== undefined && f[k] !== "") p.set(k, String(f[k]));
  return p;
}

/** The filter from URL search parameters. */
export function filterFromParams(p: URLSearchParams): AuditFilter {
  const num = (k: string) => (p.get(k) && DECIMAL.test(p.get(k)!) ? Number(p.get(k)) : undefined);
  const str = (k: string) => p.get(k) || undefined;
  return {
    project: str("project"),
    party: str("party"),
    type: str("type"),
    from: num("from"),
    to: num("to"),
    tx: str("tx"),
    block: str("block"),
  };
}

const plain = (v: unknown): string =>
  typeof v === "bigint"
    ? v.toString()
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
  return events.map((e) => {
    const projectId = projectIdOf(e);
    return [
      e.timestamp !== undefined ? new Date(e.timestamp * 1000).toISOString() : "",
      e.blockNumber.toString(),
      String(e.logIndex),
      e.transactionHash,
      e.contract,
      e.eventName,
      projectId !== undefined ? projectId.toString() : "",
      Object.entries(e.args as Record<string, unknown>)
        .filter(([k]) => !/^\d+$/.test(k))
        .map(([k, v]) => `${k}=${plain(v)}`)
        .join("; "),
    ];
  });
}
