"use client";
/**
 * The R&D ledger's rows from the event log (chain → useEventLog → the pure builder of lib/rdLedger), with the
 * decimals of every project's token read from the token itself.
 */
import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { useConfig } from "wagmi";
import { readContracts } from "wagmi/actions";
import { erc20Abi } from "@/generated/abis";
import { useEventLog } from "@/hooks/useEventLog";
import { buildRows, ledgerTokens, toLedgerEvents, type LedgerRow } from "@/lib/rdLedger";

export function useLedgerRows(): { rows: LedgerRow[]; isReady: boolean; error: Error | null } {
  const config = useConfig();
  const log = useEventLog();
  const events = useMemo(() => toLedgerEvents(log.events), [log.events]);
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
    rows: built.rows,
    isReady: log.isReady && (tokens.length === 0 || !!decimals.data),
    error: built.error ?? log.error ?? (decimals.error as Error | null),
  };
}
