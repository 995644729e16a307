"use client";
/**
 * The R&D ledger's rows for one firm (chain → indexer: the RDEscrow events of the firm's projects → the pure builder
 * of lib/rdLedger), with the decimals of every project's token read from the token itself. The firms to choose
 * from are the indexer's project rows. (The year is chosen among the rows: a year's pro-rata attribution needs the
 * funding of earlier years, so the read is bounded by the firm, not by the year.)
 */
import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { getAddress } from "viem";
import { useConfig } from "wagmi";
import { readContracts } from "wagmi/actions";
import { erc20Abi } from "@/generated/abis";
import { useIndexed } from "@/hooks/useIndexer";
import { eventsOf } from "@/hooks/useIndexedEvents";
import { buildRows, LEDGER_EVENT_NAMES, ledgerTokens, toLedgerEvents, type LedgerRow } from "@/lib/rdLedger";

const NO_EVENTS: never[] = [];

export function useLedgerRows(firm: string | undefined): {
  firms: `0x${string}`[];
  rows: LedgerRow[];
  isReady: boolean;
  error: Error | null;
} {
  const config = useConfig();
  const firmsRead = useIndexed(["rdLedgerFirms"], async (c) => {
    const projects = await c.all("project", { orderBy: "id" });
    return [...new Set(projects.map((p) => getAddress(p.firm)))]; // checksummed, as the chain and the user spell it
  });
  const chosen = firm?.toLowerCase();
  const log = useIndexed(
    ["rdLedgerEvents", chosen],
    async (c) => {
      const ids = (await c.all("project", { where: { firm: chosen } })).map((p) => p.id);
      if (ids.length === 0) return [];
      return eventsOf(
        await c.all("event", {
          where: { contract: "RDEscrow", projectId_in: ids, name_in: LEDGER_EVENT_NAMES },
          orderBy: "id",
          orderDirection: "asc",
        }),
      );
    },
    !!chosen,
  );
  const logEvents = log.data ?? NO_EVENTS;
  const events = useMemo(() => toLedgerEvents(logEvents), [logEvents]);
  const tokens = useMemo(() => ledgerTokens(events), [events]);
  const decimals = useQuery({
    queryKey: ["rdLedgerDecimals", tokens],
    enabled: tokens.length > 0,
    staleTime: Infinity,
    queryFn: async () => {
      const answers = await readContracts(config, {
        allowFailure: false,
        contracts: tokens.map((address) => ({
          address: address as `0x${string}`,
          abi: erc20Abi,
          functionName: "decimals",
        })),
      });
      return new Map(tokens.map((t, i) => [t, Number(answers[i])]));
    },
  });
  const built = useMemo(() => {
    if (tokens.length > 0 && !decimals.data) return { rows: [] as LedgerRow[], error: null };
    try {
      return { rows: buildRows(events, decimals.data ?? new Map()), error: null };
    } catch (error) {
      return { rows: [] as LedgerRow[], error: error as Error };
    }
  }, [events, tokens, decimals.data]);
  return {
    firms: firmsRead.data ?? [],
    rows: built.rows,
    isReady: firmsRead.isReady && (!chosen || log.isReady) && (tokens.length === 0 || !!decimals.data),
    error: built.error ?? firmsRead.error ?? log.error ?? (decimals.error as Error | null),
  };
}
