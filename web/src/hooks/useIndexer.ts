"use client";
/**
 * The dashboard's reads of history and aggregates: typed pages and aggregates from the indexer (lib/indexer), cached
 * with react-query under one key prefix and read again whenever the indexer reaches a new block. Views never read
 * logs from the node; they ask for a page or an aggregate here (chain → indexer → these hooks → view).
 */
import { useEffect, useRef } from "react";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { appConfig } from "@/config";
import { createIndexerClient, type IndexerClient, type Where } from "@/lib/indexer/client";
import type { Row } from "@/lib/indexer/rows";
import { flowGraphFromEdges, totalsFromRows, type FlowGraph, type Totals } from "@/lib/ledger";
import { projectsFromRows, type ProjectModel } from "@/lib/projects";
import { useDeployment } from "./useDeployment";

/** The one indexer client of the page. */
export const indexer: IndexerClient = createIndexerClient(appConfig.indexerUrl);

/** The query-key prefix of every indexer read. */
export const INDEXER_QUERY = "indexer";

/** What a view renders from: the data once read, or why it cannot be read (then it shows "unknown", never zero). */
export interface IndexedRead<T> {
  data: T | undefined;
  error: Error | null;
  isLoading: boolean;
  /** Data is there (possibly the previous answer while the next is read). */
  isReady: boolean;
}

/** One indexer read, refetched when the indexer reaches a new block (useIndexerSync). */
export function useIndexed<T>(
  key: readonly unknown[],
  read: (client: IndexerClient) => Promise<T>,
  enabled = true,
): IndexedRead<T> {
  const q = useQuery({
    queryKey: [INDEXER_QUERY, ...key],
    queryFn: () => read(indexer),
    enabled,
    retry: false,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    structuralSharing: false,
  });
  // A read that failed shows its failure even if an older answer is kept: never stale data as if it were current.
  const failed = q.isError && !q.isFetching;
  return {
    data: failed ? undefined : q.data,
    error: q.error,
    isLoading: q.isLoading,
    isReady: q.data !== undefined && !failed,
  };
}

/** How far the indexer has indexed the deployment's chain (its /status), polled. */
export function useIndexerStatus() {
  const { chainId } = useDeployment();
  return useQuery({
    queryKey: ["indexerStatus", chainId],
    queryFn: () => indexer.status(chainId),
    refetchInterval: appConfig.pollingInterval,
    refetchIntervalInBackground: true,
    retry: false,
    structuralSharing: false,
  });
}

/**
 * Keeps every indexer read and contract read in step with the chain; mounted once by the app shell. When the
 * indexer reaches a new block — a higher number, or a block of the same height with another time after a chain
 * reorganisation — (or answers again after an outage) every indexer query is read again, and so are the
 * contract reads (every state change of our contracts emits an event, so a balance, a position or a flag shown
 * follows changes made by anyone).
 */
export function useIndexerSync(): void {
  const queryClient = useQueryClient();
  const status = useIndexerStatus();
  // Number and time: an equal-height reorganisation changes the head's time, not its number.
  const block = status.data && `${status.data.blockNumber}@${status.data.timestamp}`;
  const seen = useRef<string | undefined>(undefined);
  const wasDown = useRef(false);
  useEffect(() => {
    if (!status.isError) return;
    // The indexer stopped answering: read again, so what was shown turns "unknown" instead of staying as if current.
    if (!wasDown.current) void queryClient.invalidateQueries({ queryKey: [INDEXER_QUERY] });
    wasDown.current = true;
  }, [status.isError, queryClient]);
  useEffect(() => {
    if (block === undefined) return;
    const recovered = wasDown.current;
    wasDown.current = false;
    if (seen.current === block && !recovered) return;
    const first = seen.current === undefined;
    seen.current = block;
    if (first && !recovered) return;
    void queryClient.invalidateQueries({ queryKey: [INDEXER_QUERY] });
    void queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === "readContract" || q.queryKey[0] === "readContracts",
    });
  }, [block, status.dataUpdatedAt, queryClient]);
}

// ---- typed reads the views use --------------------------------------------------------------------------------

/** Projects (entity rows: project + milestones + positions) matching `where` on the project table. */
export function useProjects(
  key: readonly unknown[],
  where: Where = {},
  enabled = true,
): IndexedRead<Map<string, ProjectModel>> {
  return useIndexed(
    ["projects", ...key],
    async (c) => {
      const models = await projectModels(c, await c.all("project", { where, orderBy: "id" }));
      return new Map(models.map((m) => [m.id.toString(), m]));
    },
    enabled,
  );
}

/** The project rows' entities (milestones and positions) of the projects given, in their order. */
async function projectModels(c: IndexerClient, projects: readonly Row<"project">[]): Promise<ProjectModel[]> {
  const ids = projects.map((p) => p.id);
  if (ids.length === 0) return [];
  const [milestones, positions] = await Promise.all([
    c.all("milestone", { where: { projectId_in: ids } }),
    c.all("position", { where: { projectId_in: ids } }),
  ]);
  const byId = projectsFromRows(projects, milestones, positions);
  return ids.flatMap((id) => byId.get(id.toString()) ?? []);
}

/** The request for page `page` (0-based) of `pageSize` rows matching `where`, newest (highest id) first. */
export function newestFirstPage(where: Where, page: number, pageSize: number) {
  return { where, orderBy: "id", orderDirection: "desc", limit: pageSize, offset: page * pageSize } as const;
}

/** One page of projects matching `where` (newest first), with the number of all that match: the server pages. */
export function useProjectPage(
  where: Where,
  page: number,
  pageSize: number,
): IndexedRead<{ projects: ProjectModel[]; totalCount: number }> {
  return useIndexed(["projectPage", where, page, pageSize], async (c) => {
    const p = await c.page("project", newestFirstPage(where, page, pageSize));
    return { projects: await projectModels(c, p.items), totalCount: p.totalCount };
  });
}

export interface Aggregates {
  totals: Totals;
  graph: FlowGraph;
  projects: Map<string, Row<"project">>;
}

/** The overview's aggregates: totals from the project and pool rows, the fund-flow graph from flow_edge. */
export function useAggregates(): IndexedRead<Aggregates> {
  return useIndexed(["aggregates"], async (c) => {
    const [projects, pools, edges] = await Promise.all([c.all("project"), c.all("pool"), c.all("flowEdge")]);
    const byId = new Map(projects.map((p) => [p.id.toString(), p]));
    return {
      totals: totalsFromRows(projects, pools),
      graph: flowGraphFromEdges(edges, (id) => byId.get(id.toString())?.firm),
      projects: byId,
    };
  });
}
