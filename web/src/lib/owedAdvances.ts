/**
 * Advances the token refused (docs/EVENTS.md, ContingencyPool): a pair financed with `AdvanceOwed` moved no tokens;
 * the advance stays in the pool for that substitute until `claimAdvance(projectId, substitute)` pays everything it
 * is owed in the project (`AdvanceClaimed`). Pure: the indexer's `owed_advance` rows in, one line per (project,
 * substitute) out, with what the indexed events say is still owed. The chain's own figure
 * (`owedAdvance(projectId, substitute)`) is read beside it (hooks/useOwedAdvances.ts).
 */
import type { Hex } from "./events";
import type { Row } from "./indexer/rows";

export interface OwedAdvance {
  projectId: bigint;
  substitute: Hex;
  /** Σ AdvanceOwed − Σ AdvanceClaimed for the pair, in token units. */
  owed: bigint;
  /** Σ AdvanceClaimed so far. */
  claimed: bigint;
  /** How many times the token refused an advance to the pair. */
  refusals: number;
  /** Unix seconds and transaction of the latest refusal. */
  lastRefusedAt?: bigint;
  lastRefusalTx?: Hex;
}

/** The rows as lines, still-owed ones first, then by project. */
export function owedAdvancesFromRows(rows: readonly Row<"owedAdvance">[]): OwedAdvance[] {
  return rows
    .map((r) => ({
      projectId: r.projectId,
      substitute: r.substitute,
      owed: r.owed,
      claimed: r.claimed,
      refusals: r.refusals,
      lastRefusedAt: r.lastRefusedAt ?? undefined,
      lastRefusalTx: r.lastRefusalTx ?? undefined,
    }))
    .sort(
      (a, b) =>
        Number(b.owed > 0n) - Number(a.owed > 0n) ||
        (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0),
    );
}
