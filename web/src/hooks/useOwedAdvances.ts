"use client";
/**
 * Advances the token refused and still owed to their substitutes: one page of the indexer's `owed_advance` rows
 * (still owed first; lib/owedAdvances), each with the chain's current figure
 * `ContingencyPool.owedAdvance(projectId, substitute)` — what a Claim would pay now.
 */
import { useProjects, useIndexed, type IndexedRead } from "./useIndexer";
import { useContractReads } from "./useContractRead";
import { owedAdvancesFromRows, type OwedAdvance } from "@/lib/owedAdvances";
import type { Hex } from "@/lib/events";

export interface OwedAdvanceLine extends OwedAdvance {
  /** What the pool owes now (undefined until read); the Claim button pays exactly this. */
  owedOnChain?: bigint;
  token?: Hex;
}

export function useOwedAdvances(
  page: number,
  pageSize: number,
): { read: IndexedRead<unknown>; lines: OwedAdvanceLine[]; totalCount: number; isReady: boolean } {
  const read = useIndexed(["owedAdvances", page, pageSize], async (c) => {
    // Still-owed pairs first (owed > 0 sorts before 0), then those paid.
    const p = await c.page("owedAdvance", {
      orderBy: "owed",
      orderDirection: "desc",
      limit: pageSize,
      offset: page * pageSize,
    });
    return { pairs: owedAdvancesFromRows(p.items), totalCount: p.totalCount };
  });
  const pairs = read.data?.pairs ?? [];
  // Only the projects on the page (for their token), not every project with its milestones and positions.
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
  return {
    read,
    lines,
    totalCount: read.data?.totalCount ?? 0,
    isReady: read.isReady && (pairs.length === 0 || !!reads.data),
  };
}
