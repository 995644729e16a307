"use client";
/**
 * The tokens projects' pools may hold: the admin's changes from the indexer's ProjectTokenSet events
 * (lib/projectTokens) and, per token,
 * the chain's `ContingencyPool.isProjectToken(token)` now.
 */
import { useMemo } from "react";
import { useIndexedEvents } from "./useIndexedEvents";
import { useContractReads } from "./useContractRead";
import { projectTokens, type ProjectTokenEntry } from "@/lib/projectTokens";

export interface ProjectTokenLine extends ProjectTokenEntry {
  allowedOnChain?: boolean;
}

export function useProjectTokens(): { tokens: ProjectTokenLine[]; isReady: boolean } {
  const log = useIndexedEvents(["projectTokens"], { contract: "ContingencyPool", name: "ProjectTokenSet" });
  const entries = useMemo(() => projectTokens(log.data ?? []), [log.data]);
  const reads = useContractReads({
    contract: "ContingencyPool",
    functionName: "isProjectToken",
    argsList: entries.map((e) => [e.token] as const),
  });
  return {
    tokens: entries.map((e, i) => ({ ...e, allowedOnChain: reads.data?.[i] })),
    isReady: log.isReady && (entries.length === 0 || !!reads.data),
  };
}
