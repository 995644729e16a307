"use client";
/**
 * The published texts of the documents on screen, by hash: one cached point query per hash (the transport
 * batches the requests of one render into one HTTP call). Today it reads the `DocumentPublished` logs from the
 * node (publishedDocuments.ts); the interface — hashes in, a DocumentState per hash out — stays the same when
 * the source becomes the indexer's `document` table.
 */
import { useMemo } from "react";
import { useQueries } from "@tanstack/react-query";
import { useClient } from "wagmi";
import type { Address, Hex } from "viem";
import { useI18n } from "@/i18n";
import { documentLabel, documentState, isNoDocument, type DocumentState } from "@/lib/documents";
import { useDeployment } from "./useDeployment";

export interface PublishedDocuments {
  /**
   * What is known of the document behind `hash`. `offeredChoice`: the hash was written by a function that takes
   * the text too (description, specification, supplier record, evidence, reasons), so a hash without a text was
   * kept private by its writer; otherwise (an invoice, an oracle report) it is "not published".
   */
  stateOf: (hash: string | undefined, offeredChoice?: boolean) => DocumentState;
  /** What a person reads of the published text behind `hash`, in the reader's language; undefined if none. */
  labelOf: (hash: string | undefined) => string | undefined;
}

export const documentQueryKey = (chainId: number, hash: string) => ["publishedDocument", chainId, hash] as const;

export function usePublishedDocuments(hashes: readonly (string | undefined)[]): PublishedDocuments {
  const { chainId, deployment } = useDeployment();
  const { locale } = useI18n();
  const client = useClient({ chainId });
  const wanted = useMemo(
    () => [...new Set(hashes.filter((h): h is string => !isNoDocument(h)).map((h) => h.toLowerCase()))],
    [hashes],
  );
  const publishers = useMemo(
    () => (deployment ? [deployment.contracts.RDEscrow, deployment.contracts.SupplyChainRegistry] : []) as Address[],
    [deployment],
  );
  const results = useQueries({
    queries: wanted.map((hash) => ({
      queryKey: documentQueryKey(chainId, hash),
      enabled: !!client && !!deployment,
      // A text, once published, is final; a hash without one is asked again when a view mounts later.
      staleTime: (q: { state: { data?: { text: string | undefined } } }) =>
        q.state.data?.text !== undefined ? Infinity : 5_000,
      queryFn: async () => {
        // Loaded on first use: the reader carries the escrow's ABI, which the main route does not otherwise need.
        const { readPublishedText } = await import("./publishedDocuments");
        return { text: await readPublishedText(client!, publishers, hash as Hex, BigInt(deployment!.deployedAtBlock)) };
      },
    })),
  });
  const byHash = new Map(wanted.map((hash, i) => [hash, results[i]?.data]));
  const stateOf = (hash: string | undefined, offeredChoice = true): DocumentState =>
    isNoDocument(hash) ? { kind: "unknown" } : documentState(byHash.get(hash!.toLowerCase()), offeredChoice);
  const labelOf = (hash: string | undefined) => {
    const state = stateOf(hash);
    return state.kind === "published" ? documentLabel(state.text, locale) : undefined;
  };
  return { stateOf, labelOf };
}
