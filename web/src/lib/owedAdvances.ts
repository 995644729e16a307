/**
 * Advances the token refused (docs/EVENTS.md, ContingencyPool): a pair financed with `AdvanceOwed` moved no tokens;
 * the advance stays in the pool for that substitute until `claimAdvance(projectId, substitute)` pays everything it
 * is owed in the project (`AdvanceClaimed`). Pure: events in, one line per (project, substitute) out, with what the
 * events say is still owed. The chain's own figure (`owedAdvance(projectId, substitute)`) is read beside it.
 */
import { inOrder, type ChainEvent, type Hex } from "./events";

export interface OwedAdvance {
  projectId: bigint;
  substitute: Hex;
  /** Σ AdvanceOwed − Σ AdvanceClaimed for the pair, in token units. */
  owed: bigint;
  /** Σ AdvanceClaimed so far. */
  claimed: bigint;
  /** The AdvanceOwed events of the pair, oldest first (component, disrupted supplier, confirmation). */
  refusals: ChainEvent[];
  /** Unix seconds of the latest AdvanceOwed (undefined when the event log has no timestamps). */
  lastRefusedAt?: number;
}

/** Every (project, substitute) that was ever owed an advance, still-owed ones first, then by project. */
export function owedAdvances(events: readonly ChainEvent[]): OwedAdvance[] {
  const byPair = new Map<string, OwedAdvance>();
  for (const e of inOrder(events)) {
    if (e.contract !== "ContingencyPool") continue;
    if (e.eventName !== "AdvanceOwed" && e.eventName !== "AdvanceClaimed") continue;
    const { projectId, substitute, amount } = e.args;
    const key = `${projectId}:${substitute.toLowerCase()}`;
    let line = byPair.get(key);
    if (!line) byPair.set(key, (line = { projectId, substitute, owed: 0n, claimed: 0n, refusals: [] }));
    if (e.eventName === "AdvanceOwed") {
      line.owed += amount;
      line.refusals.push(e);
      if (e.timestamp !== undefined) line.lastRefusedAt = e.timestamp;
    } else {
      line.owed -= amount;
      line.claimed += amount;
    }
  }
  return [...byPair.values()].sort(
    (a, b) =>
      Number(b.owed > 0n) - Number(a.owed > 0n) || (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0),
  );
}
