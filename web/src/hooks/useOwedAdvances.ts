"use client";
/**
 * Advances the token refused and still owed to their substitutes: the pairs from the event log (lib/owedAdvances,
 * through useEventLog so the history source can change underneath), each with the chain's current figure
 * `ContingencyPool.owedAdvance(projectId, substitute)` — what a Claim would pay now.
 */
import { useMemo } from "react";
import { useLedger } from "./useEventLog";
import { useContractReads } from "./useContractRead";
import { owedAdvances, type OwedAdvance } from "@/lib/owedAdvances";
import type { Hex } from "@/lib/events";

export interface OwedAdvanceLine extends OwedAdvance {
  /** What the pool owes now (undefined until read); the Claim button pays exactly this. */
  owedOnChain?: bigint;
  token?: Hex;
}

export function useOwedAdvances(): { lines: OwedAdvanceLine[]; isReady: boolean } {
  const log = useLedger();
  const pairs = useMemo(() => owedAdvances(log.events), [log.events]);
  const reads = useContractReads({
    contract: "ContingencyPool",
    functionName: "owedAdvance",
    argsList: pairs.map((p) => [p.projectId, p.substitute] as const),
  });
  const lines = pairs.map((p, i) => ({
    ...p,
    owedOnChain: reads.data?.[i],
    token: log.ledger.projects.get(String(p.projectId))?.token,
  }));
  return { lines, isReady: log.isReady && (pairs.length === 0 || !!reads.data) };
}
