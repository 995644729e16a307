"use client";
/**
 * Every page's freshness line: "indexed to block N, chain at M" (the indexer's /status vs the node's block number),
 * amber once the indexer trails by more than `appConfig.indexerLagWarnBlocks`; a red notice while the indexer does
 * not answer (history and totals are then unknown, and say so).
 */
import { appConfig } from "@/config";
import { useIndexerStatus } from "@/hooks/useIndexer";
import { useNodeHealth } from "@/hooks/useNodeHealth";
import { useMounted } from "@/hooks/useMounted";
import { useT } from "@/i18n";
import { reasonOf } from "@/features/overview/readState";
import { Notice } from "./ui";

/** How far behind the node the indexer is, in blocks (0 when it is ahead of the last head we read). */
export function indexLag(indexed: bigint, head: bigint | undefined): bigint {
  return head === undefined || head <= indexed ? 0n : head - indexed;
}

export function IndexStatus() {
  const t = useT();
  const mounted = useMounted();
  const status = useIndexerStatus();
  const node = useNodeHealth();
  if (!mounted) return null;
  if (status.isError) {
    return (
      <Notice tone="error" testId="indexer-down">
        {t("status.indexerDown", { url: appConfig.indexerUrl, reason: reasonOf(status.error) })}
      </Notice>
    );
  }
  if (!status.data) return null;
  const head = node.data !== undefined ? BigInt(node.data) : undefined;
  const lag = indexLag(status.data.blockNumber, head);
  const behind = lag > BigInt(appConfig.indexerLagWarnBlocks);
  const text = t("status.indexedTo", {
    indexed: status.data.blockNumber.toString(),
    head: head?.toString() ?? "?",
  });
  return (
    <p
      className={behind ? "index-status index-status-behind" : "index-status"}
      data-testid="index-status"
      data-indexed={status.data.blockNumber.toString()}
      data-lag={lag.toString()}
      data-behind={behind ? "true" : "false"}
      role="status"
    >
      {text}
      {behind && ` — ${t("status.indexerLag", { lag: lag.toString() })}`}
    </p>
  );
}
