/** Helpers the reducers share: address normalisation and the rows of one token movement. */
import type { Hex } from "viem";

import { insert, upsert, type Change } from "../changes";
import type { FlowKind } from "../vocabulary";
import type { EventMeta, Lookups } from "./types";

/** Addresses are stored lower-case (viem decodes them checksummed). */
export const lc = (address: Hex | string): Hex => address.toLowerCase() as Hex;

export const ZERO_ADDRESS: Hex = "0x0000000000000000000000000000000000000000";

/** The project's token, which every movement of the project moves (docs/EVENTS.md rule 1). */
export function projectToken(lookups: Lookups, projectId: bigint): Hex {
  if (lookups.projectToken === undefined) throw new Error(`project ${projectId} is not indexed (no ProjectCreated)`);
  return lc(lookups.projectToken);
}

/**
 * A token movement: the flow row, its edge in the fund-flow aggregate and both parties' totals. The contract side
 * is the emitting contract (escrow or pool), whose `net` is then what it holds of the token.
 */
export function movement(
  kind: FlowKind,
  projectId: bigint,
  from: Hex,
  to: Hex,
  token: Hex,
  amount: bigint,
  meta: EventMeta,
): Change[] {
  const [f, t] = [lc(from), lc(to)];
  return [
    insert("flow", {
      id: meta.id,
      kind,
      projectId,
      from: f,
      to: t,
      token,
      amount,
      blockNumber: meta.blockNumber,
      timestamp: meta.timestamp,
      transactionHash: meta.transactionHash,
    }),
    upsert("flowEdge", { from: f, to: t, token, kind, projectId }, { add: { amount, count: 1 } }),
    upsert("partyTotal", { party: f, token }, { add: { sent: amount, net: -amount, movements: 1 } }),
    upsert("partyTotal", { party: t, token }, { add: { received: amount, net: amount, movements: 1 } }),
  ];
}
