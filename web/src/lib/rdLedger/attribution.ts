/**
 * Pro-rata attribution of payments to financiers.
 *
 * The escrow pools a project's money, so a payment is not paid "by" one financier. The rule (docs/RD-LEDGER.md,
 * DESIGN.md, EVENTS.md): a payment is attributed to the project's financiers in proportion to their net
 * contributions at the time of the payment — Σ Funded − Σ Refunded of each financier over the project's events
 * strictly before the payment's log (block number, then log index). The payment's fen amount is split by the
 * largest-remainder method (floor of each share, then the fen left over one by one to the largest remainders,
 * ties to the lower address), so the shares sum exactly to the payment.
 */
import type { Hex, LedgerEvent } from "./types.ts";

export interface Share {
  financier: Hex;
  fen: bigint;
}

/** Splits `fen` over `weights` (financier → weight > 0) by the largest-remainder method. */
export function splitProRata(fen: bigint, weights: ReadonlyMap<string, bigint>): Share[] {
  const entries = [...weights.entries()].filter(([, w]) => w > 0n).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const total = entries.reduce((s, [, w]) => s + w, 0n);
  if (total === 0n) return [];
  const shares = entries.map(([financier, w]) => ({
    financier: financier as Hex,
    fen: (fen * w) / total,
    remainder: (fen * w) % total,
  }));
  let left = fen - shares.reduce((s, x) => s + x.fen, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? (a.financier < b.financier ? -1 : 1) : a.remainder > b.remainder ? -1 : 1,
  );
  for (const s of byRemainder) {
    if (left === 0n) break;
    s.fen += 1n;
    left -= 1n;
  }
  return shares.map(({ financier, fen: f }) => ({ financier, fen: f }));
}

/**
 * Walks the events in chain order and keeps each project's net contributions; `atPayment` is called for every
 * Disbursed event with the weights just before it. Events must be sorted (see `sortEvents`).
 */
export function walkContributions(
  events: readonly LedgerEvent[],
  atPayment: (e: Extract<LedgerEvent, { kind: "Disbursed" }>, weights: ReadonlyMap<string, bigint>) => void,
): void {
  const net = new Map<bigint, Map<string, bigint>>();
  const of = (projectId: bigint) => {
    let m = net.get(projectId);
    if (!m) net.set(projectId, (m = new Map()));
    return m;
  };
  for (const e of events) {
    if (e.kind === "Funded" || e.kind === "Refunded") {
      const m = of(e.projectId);
      const key = e.financier.toLowerCase();
      m.set(key, (m.get(key) ?? 0n) + (e.kind === "Funded" ? e.amount : -e.amount));
    } else if (e.kind === "Disbursed") {
      atPayment(e, new Map(of(e.projectId)));
    }
  }
}

/** The events in chain order (block number, then log index). */
export function sortEvents<T extends { blockNumber: bigint; logIndex: number }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
}
