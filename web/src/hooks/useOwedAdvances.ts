"use client";
/**
 * Advances the token refused and still owed to their substitutes: the pairs from the indexer's AdvanceOwed and
 * AdvanceClaimed events (lib/owedAdvances), each with the chain's current figure
 * `ContingencyPool.owedAdvance(projectId, substitute)` — what a Claim would pay now.
 */
import { useMemo } from "react";
import { useProjects } from "./useIndexer";
import { useIndexedEvents } from "./useIndexedEvents";
import { useContractReads } from "./useContractRead";
import { owedAdvances, type OwedAdvance } from "@/lib/owedAdvances";
import type { Hex } from "@/lib/events";

export interface OwedAdvanceLine extends OwedAdvance {
  /** What the pool owes now (undefined until read); the Claim button pays exactly this. */
  owedOnChain?: bigint;
  token?: Hex;
}

export function useOwedAdvances(): { lines: OwedAdvanceLine[]; isReady: boolean } {
  const log = useIndexedEvents(["owedAdvances"], {
    contract: "ContingencyPool",
    name_in: ["AdvanceOwed", "AdvanceClaimed"],
  });
  const pairs = useMemo(() => owedAdvances(log.data ?? []), [log.data]);
  // Only the projects owed advances name (for their token), not every project with its milestones and positions.
  const ids = [...new Set(pairs.map((p) => p.projectId))];
  const projects = useProjects(["owedAdvances", ...ids.map(String)], { id_in: ids }, ids.length > 0);
  const reads = useContractReads({
    contract: "ContingencyPool",
    functionName: "owedAdvance",
    argsList: pairs.map((p) => [p.projectId, p.substitute] as const),
  });
  const lines = pairs.map((p, i) => ({
    ...p,
    owedOnChain: reads.data?.[i],
    token: projects.data?.get(String(p.projectId))?.token,
  }));
  return { lines, isReady: log.isReady && (pairs.length === 0 || !!reads.data) };
}
