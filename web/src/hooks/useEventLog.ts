"use client";
/**
 * Every event of our contracts since the deployment block, cached with react-query and extended
 * incrementally when a new block arrives (only the new range is fetched). Decoded against our ABIs.
 * The first read takes the history the page preloaded from the dashboard's history route (historyPreload.ts) once
 * the node has confirmed it (checkedPreloadedHistory); otherwise, and for every later block, the node is read
 * directly. useEventLog only reads; useEventLogSync (mounted once, by the app shell) keeps it in step with the chain.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useBlockNumber, useClient } from "wagmi";
import { getBlockNumber } from "viem/actions";
import { appConfig } from "@/config";
import { buildFlowGraph, buildLedger, type FlowGraph, type Ledger } from "@/lib/ledger";
import { compareEvents, type ChainEvent, type Hex } from "@/lib/events";
import { buildProjects, type ProjectModel } from "@/lib/projects";
import { decodeLogs, fetchLogs, fillTimestamps, type EventHistory } from "./eventLog";
import { checkedPreloadedHistory } from "./historyPreload";
import { useDeployment } from "./useDeployment";
import { useNodeHealth } from "./useNodeHealth";

const NO_EVENTS: ChainEvent[] = [];

/** The query key of every event log (prefix of eventLogKey). */
export const EVENT_LOG_QUERY = ["eventLog"] as const;
export const eventLogKey = (chainId: number, deployedAtBlock: number | undefined) =>
  [...EVENT_LOG_QUERY, chainId, deployedAtBlock ?? -1] as const;

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
  // The bare client and viem's tree-shakable actions: usePublicClient would bundle every public action.
  const client = useClient({ chainId });
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ done: bigint; total: bigint }>();
  const key = eventLogKey(chainId, deployment?.deployedAtBlock);

  const query = useQuery({
    queryKey: key,
    enabled: !!deployment && !!client,
    staleTime: Infinity,
    structuralSharing: false,
    retry: false,
    queryFn: async (): Promise<EventHistory> => {
      if (!client || !deployment) throw new Error("no deployment");
      const prev = queryClient.getQueryData<EventHistory>(key);
      const addresses = [...eventSources.keys()] as Hex[];
      const from = prev ? prev.toBlock + 1n : BigInt(deployment.deployedAtBlock);
      let fresh: ChainEvent[];
      let head: bigint;
      const preloaded = prev ? undefined : await checkedPreloadedHistory(client, from, eventSources);
      if (preloaded) {
        ({ events: fresh, head } = preloaded);
      } else {
        head = await getBlockNumber(client, { cacheTime: 0 });
        if (prev && from > head) return prev;
        let done = 0n;
        const logs = await fetchLogs(client, addresses, from, head, {
          maxBlocks: appConfig.logPageSize,
          // Shown for the first read while parts of a range the node made us split are still missing.
          onProgress: (blocks) => {
            const total = head - from + 1n;
            if (!prev && (done += blocks) < total) setProgress({ done, total });
          },
        });
        fresh = decodeLogs(logs, eventSources);
      }
      const timestamps = new Map(prev?.timestamps ?? []);
      await fillTimestamps(client, fresh, timestamps);
      if (!prev) setProgress(undefined);
      // A reorg-free local chain is assumed; an indexer handles reorgs in production.
      // (The same list when a block brought none of our events: what is built from it stays memoised.)
      const events = !prev ? fresh.sort(compareEvents) : fresh.length > 0 ? [...prev.events, ...fresh] : prev.events;
      return { events, toBlock: head, timestamps };
    },
  });

  const { data } = query;
  return {
    events: data?.events ?? NO_EVENTS,
    isLoading: query.isLoading,
    isReady: data !== undefined,
    error: query.error,
    progress,
    toBlock: data?.toBlock,
  };
}

/**
 * Keeps the event log in step with the chain; mounted once, by the app shell (one set of effects however many
 * views read the log):
 * - extends it on every new block (the query function only fetches the new range);
 * - reads it again after a read failed while the node was down, once the node answers: once per outage (the
 *   health check's last failure), so an error that is not the node's (a range it refuses) is not retried in a loop;
 * - fetches contract reads (wagmi's readContract/readContracts queries) again whenever it grows: every state
 *   change of our contracts emits an event, so a view that shows a balance, a position or a flag follows changes
 *   made by anyone (another financier, the guardian, a reporter), not only the connected wallet's writes.
 */
export function useEventLogSync(): void {
  const { chainId, deployment } = useDeployment();
  const queryClient = useQueryClient();
  const { events, isReady, error, toBlock } = useEventLog();
  const deployedAtBlock = deployment?.deployedAtBlock;
  const refetch = useCallback(
    () => void queryClient.refetchQueries({ queryKey: eventLogKey(chainId, deployedAtBlock), exact: true }),
    [queryClient, chainId, deployedAtBlock],
  );

  const { data: latest } = useBlockNumber({
    chainId,
    watch: { enabled: !!deployment, pollingInterval: appConfig.pollingInterval },
  });
  useEffect(() => {
    if (latest !== undefined && toBlock !== undefined && latest > toBlock) refetch();
  }, [latest, toBlock, refetch]);

  const health = useNodeHealth();
  const retriedOutage = useRef(0);
  const isError = error !== null;
  useEffect(() => {
    const downAt = health.errorUpdatedAt;
    if (!isError || !health.isSuccess || downAt === 0 || health.dataUpdatedAt <= downAt) return;
    if (retriedOutage.current === downAt) return;
    retriedOutage.current = downAt;
    refetch();
  }, [isError, health.isSuccess, health.dataUpdatedAt, health.errorUpdatedAt, refetch]);

  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!isReady) return;
    if (seen.current !== undefined && events.length > seen.current) {
      void queryClient.invalidateQueries({
        predicate: (q) => q.queryKey[0] === "readContract" || q.queryKey[0] === "readContracts",
      });
    }
    seen.current = events.length;
  }, [events.length, isReady, queryClient]);
}

interface Derived {
  ledger: Ledger;
  graph: FlowGraph;
  projects: Map<string, ProjectModel>;
}

/**
 * What views build from one event list — ledger, flow graph, projects — each built on first use, once per list,
 * and shared by every view (the cached history's list changes only when new events arrive; switching views
 * reuses the builds, and a view that needs no flow graph never builds one).
 */
const derivedByEvents = new WeakMap<readonly ChainEvent[], Derived>();
function derive(events: readonly ChainEvent[]): Derived {
  let d = derivedByEvents.get(events);
  if (!d) {
    let ledger: Ledger | undefined;
    let graph: FlowGraph | undefined;
    let projects: Map<string, ProjectModel> | undefined;
    d = {
      get ledger() {
        return (ledger ??= buildLedger(events));
      },
      get graph() {
        return (graph ??= buildFlowGraph(events, this.ledger));
      },
      get projects() {
        return (projects ??= buildProjects(events));
      },
    };
    derivedByEvents.set(events, d);
  }
  return d;
}

/** The event log with the ledger, flow graph and projects rebuilt from it (memoised on the log, built lazily). */
export function useLedger(): EventLogResult & Derived {
  const log = useEventLog();
  const derived = derive(log.events);
  return {
    ...log,
    get ledger() {
      return derived.ledger;
    },
    get graph() {
      return derived.graph;
    },
    get projects() {
      return derived.projects;
    },
  };
}
