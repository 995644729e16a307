/** Helpers the reducers share: address normalisation and the rows of one token movement. */
import { keccak256, stringToHex, type Hex } from "viem";

import { insert, insertOnce, upsert, type Change } from "../changes";
import type { FlowKind } from "../vocabulary";
import type { EventMeta, Lookups } from "./types";

/** Addresses are stored lower-case (viem decodes them checksummed). */
export const lc = (address: Hex | string): Hex => address.toLowerCase() as Hex;

export const ZERO_ADDRESS: Hex = "0x0000000000000000000000000000000000000000";

/**
 * DocumentPublished (the escrow's and the registry's): the text by its hash, who published it and where, kept only
 * when it hashes to its hash (our contracts refuse any other; a reader checks again) and only the first time.
 */
export function documentPublished(args: { documentHash: Hex; text: string }, meta: EventMeta): Change[] {
  const documentHash = args.documentHash.toLowerCase() as Hex;
  if (keccak256(stringToHex(args.text)) !== documentHash) return [];
  return [
    insertOnce(
      "document",
      { documentHash },
      {
        text: args.text,
        publishedBy: lc(meta.from),
        contract: lc(meta.address),
        blockNumber: meta.blockNumber,
        timestamp: meta.timestamp,
        transactionHash: meta.transactionHash,
        logIndex: meta.logIndex,
      },
    ),
  ];
}

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
