"use client";
/**
 * What still needs someone after a confirmation, so the R&D does not stall unnoticed: notifications the oracle
 * could not deliver yet (triggers paused by the guardian, or the pool reverted) with a Deliver button, disruption
 * jobs waiting in the pool's queue with a Process button (anyone may press either), and affected components the
 * pool did not finance, with the reason in words.
 */
import { Address } from "@/components/Address";
import { Amount } from "@/components/Amount";
import { Badge, Empty, Notice, Section } from "@/components/ui";
import { SkipReasonNames, type SkipReasonName } from "@/generated/enums";
import { useContractRead, useContractReads } from "@/hooks/useContractRead";
import type { IndexedRead } from "@/hooks/useIndexer";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT, type MessageKey } from "@/i18n";
import type { Row } from "@/lib/indexer";
import type { UndeliveredConfirmation } from "@/lib/suppliers";
import { formatTimestamp } from "@/lib/format";
import { Pager } from "@/features/events/Pager";

/** Queued jobs processed per click (the pool bounds the work per transaction). */
const QUEUE_BATCH = 10n;

/** FinancingSkipped.reason → catalog key (SupplyChainTypes.SkipReason; a new reason is a type error here). */
const SKIP_REASONS: Record<SkipReasonName, MessageKey> = {
  NoHealthySubstitute: "followUp.skip.noHealthySubstitute",
  InsufficientLiquidity: "followUp.skip.insufficientLiquidity",
  ExposureCapReached: "followUp.skip.exposureCap",
  DisruptionCapReached: "followUp.skip.disruptionCap",
  ProjectClosed: "followUp.skip.projectClosed",
};

export function FailoverFollowUp({
  undelivered: undeliveredRead,
  skips,
  skipPaging,
}: {
  /** Confirmations whose notifications were deferred or failed (the chain says which still wait). */
  undelivered: IndexedRead<UndeliveredConfirmation[]>;
  /** One page of the pairs the pool did not finance, newest first. */
  skips: IndexedRead<{ skips: Row<"financingSkip">[]; totalCount: number }>;
  skipPaging?: { page: number; pages: number; rows: number; onPage: (page: number) => void };
}) {
  const t = useT();
  const { write, isPending } = useWriteFlow();
  const config = useContractRead({ contract: "DisruptionOracle", functionName: "config" });
  const paused = config.data?.[3] ?? false;
  const pendingJobs = useContractRead({ contract: "ContingencyPool", functionName: "pendingJobs" });

  const undelivered = undeliveredRead.data ?? [];
  const deliveries = useContractReads({
    contract: "DisruptionOracle",
    functionName: "pendingDelivery",
    argsList: undelivered.map((d) => [d.confirmationId] as const),
  });
  const waiting = undelivered
    .map((d, i) => ({ ...d, id: d.confirmationId, pending: deliveries.data?.[i] }))
    .filter((d) => d.pending && d.pending.subscriberMask !== 0);

  const skipped = skips.data?.skips ?? [];
  const jobs = pendingJobs.data ?? 0n;

  return (
    <Section title={t("followUp.title")} testId="failover-follow-up">
      {paused && (
        <Notice tone="warn" testId="triggers-paused">
          {t("followUp.paused")}
        </Notice>
      )}
      {undeliveredRead.isReady && skips.isReady && waiting.length === 0 && jobs === 0n && skipped.length === 0 && (
        <Empty>{t("followUp.nothing")}</Empty>
      )}
      {waiting.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th>{t("followUp.confirmation")}</th>
              <th>{t("common.supplier")}</th>
              <th>{t("supply.state")}</th>
              <th>{t("followUp.why")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {waiting.map((d) => (
              <tr key={d.id.toString()} data-testid="undelivered-row" data-confirmation={d.id.toString()}>
                <td className="num">
                  #{d.id.toString()} · {formatTimestamp(d.timestamp)}
                </td>
                <td>
                  <Address address={d.pending!.supplier} copy={false} />
                </td>
                <td>
                  <Badge tone={d.pending!.disrupted ? "negative" : "positive"}>
                    {t(d.pending!.disrupted ? "supply.disrupted" : "supply.healthy")}
                  </Badge>
                </td>
                <td>{t(d.why === "paused" ? "followUp.deferred" : "followUp.failed")}</td>
                <td className="right">
                  <button
                    type="button"
                    className="primary"
                    disabled={paused || isPending}
                    data-testid="deliver"
                    onClick={() =>
                      void write({
                        contract: "DisruptionOracle",
                        functionName: "deliver",
                        args: [d.id],
                        label: t("followUp.deliver", { id: d.id.toString() }),
                      })
                    }
                  >
                    {t("followUp.deliver", { id: d.id.toString() })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {jobs > 0n && (
        <div className="formRow" data-testid="queue">
          <span>{t("followUp.queue", { count: jobs.toString() })}</span>
          <button
            type="button"
            className="primary"
            disabled={isPending}
            data-testid="process-queue"
            onClick={() =>
              void write({
                contract: "ContingencyPool",
                functionName: "processQueue",
                args: [QUEUE_BATCH],
                label: t("followUp.processQueue"),
              })
            }
          >
            {t("followUp.processQueue")}
          </button>
        </div>
      )}
      {skipped.length > 0 && (
        <table className="data" data-testid="skipped-table">
          <thead>
            <tr>
              <th>{t("common.project")}</th>
              <th>{t("supply.component")}</th>
              <th>{t("supply.disruptedSupplier")}</th>
              <th className="right">{t("supply.advance")}</th>
              <th>{t("followUp.why")}</th>
            </tr>
          </thead>
          <tbody>
            {skipped.map((e) => (
              <tr key={e.id} data-testid="skipped-row">
                <td className="num">#{e.projectId.toString()}</td>
                <td className="num">#{e.componentId.toString()}</td>
                <td>
                  <Address address={e.disruptedSupplier} copy={false} />
                </td>
                <td className="right">
                  <Amount value={e.advance} />
                </td>
                <td>{t(SKIP_REASONS[SkipReasonNames[e.reason]] ?? "followUp.skip.unknown")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {skipped.length > 0 && skipPaging && <Pager {...skipPaging} />}
    </Section>
  );
}
