/**
 * The tokens projects' pools may hold (ContingencyPool's allow-list, set at deploy and changed only by its owner,
 * each change a `ProjectTokenSet(token, allowed)` event). Pure: events in, the latest state per token out, in the
 * order the tokens first appeared; the chain's `isProjectToken(token)` is read beside it.
 */
import { inOrder, type ChainEvent, type Hex } from "./events";

export interface ProjectTokenEntry {
  token: Hex;
  allowed: boolean;
  /** The event that set the current state. */
  changedBy: ChainEvent;
  /** How many times the owner set it (1 = only at deploy, or once). */
  changes: number;
}

export function projectTokens(events: readonly ChainEvent[]): ProjectTokenEntry[] {
  const byToken = new Map<string, ProjectTokenEntry>();
  for (const e of inOrder(events)) {
    if (e.contract !== "ContingencyPool" || e.eventName !== "ProjectTokenSet") continue;
    const { token, allowed } = e.args;
    const prev = byToken.get(token.toLowerCase());
    byToken.set(token.toLowerCase(), { token, allowed, changedBy: e, changes: (prev?.changes ?? 0) + 1 });
  }
  return [...byToken.values()];
}
