"use client";
/**
 * Every event of our contracts since the deployment block, cached with react-query and extended
 * incrementally when a new block arrives (only the new range is fetched). Decoded against our ABIs.
 */
import { useEffect, useMemo, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useBlockNumber, usePublicClient } from "wagmi";
import type { PublicClient } from "viem";
import { appConfig } from "@/config";
import { buildFlowGraph, buildLedger, type FlowGraph, type Ledger } from "@/lib/ledger";
import { compareEvents, type ChainEvent } from "@/lib/events";
import { buildProjects, type ProjectModel } from "@/lib/projects";
import { fetchEventRange, fillTimestamps, type EventHistory } from "./eventLog";
import { useDeployment } from "./useDeployment";

export const eventLogKey = (chainId: number, deployedAtBlock: number | undefined) =>
  ["eventLog", chainId, deployedAtBlock ?? -1] as const;

export interface EventLogResult {
  /** Oldest first. */
  events: ChainEvent[];
  isLoading: boolean;
  /** The history up to a recent head is loaded (what views render from). */
  isReady: boolean;
  error: Error | null;
  progress: { done: bigint; total: bigint } | undefined;
  toBlock: bigint | undefined;
}

export function useEventLog(): EventLogResult {
  const { chainId, deployment, eventSources } = useDeployment();
  const client = usePublicClient({ chainId }) as PublicClient | undefined;
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ done: bigint; total: bigint }>();
  const key = eventLogKey(chainId, deployment?.deployedAtBlock);
  const { data: latest } = useBlockNumber({
    chainId,
    watch: { enabled: !!deployment, pollingInterval: appConfig.pollingInterval },
  });

  const query = useQuery({
    queryKey: key,
    enabled: !!deployment && !!client,
    staleTime: Infinity,
    structuralSharing: false,
    retry: false,
    queryFn: async (): Promise<EventHistory> => {
      if (!client || !deployment) throw new Error("no deployment");
      const prev = queryClient.getQueryData<EventHistory>(key);
      const head = await client.getBlockNumber({ cacheTime: 0 });
      const from = prev ? prev.toBlock + 1n : BigInt(deployment.deployedAtBlock);
      if (prev && from > head) return prev;
      const fresh = await fetchEventRange(client, eventSources, from, head, appConfig.logPageSize, (done, total) =>
        prev ? undefined : setProgress({ done, total }),
      );
      const timestamps = new Map(prev?.timestamps ?? []);
      await fillTimestamps(client, fresh, timestamps);
      setProgress(undefined);
      // A reorg-free local chain is assumed; an indexer handles reorgs in production.
      const events = prev ? [...prev.events, ...fresh] : fresh.sort(compareEvents);
      return { events, toBlock: head, timestamps };
    },
  });

  // Extend on every new block (the query function only fetches the new range).
  const { refetch, data } = query;
  useEffect(() => {
    if (latest !== undefined && data && latest > data.toBlock) void refetch();
  }, [latest, data, refetch]);

  return {
    events: data?.events ?? [],
    isLoading: query.isLoading,
    isReady: data !== undefined,
    error: query.error,
    progress,
    toBlock: data?.toBlock,
  };
}

/** The ledger and flow graph rebuilt from the event log (memoised on the log). */
export function useLedger(): EventLogResult & {
  ledger: Ledger;
  graph: FlowGraph;
  projects: Map<string, ProjectModel>;
} {
  const log = useEventLog();
  const ledger = useMemo(() => buildLedger(log.events), [log.events]);
  const graph = useMemo(() => buildFlowGraph(log.events, ledger), [log.events, ledger]);
  const projects = useMemo(() => buildProjects(log.events), [log.events]);
  return { ...log, ledger, graph, projects };
}
