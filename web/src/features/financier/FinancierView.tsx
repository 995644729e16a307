"use client";
/**
 * Financier: my contributions per project (with the refund claimable from a failed or cancelled one), my pool
 * commitments (exposure, withdrawable share, withdraw), totals; the green-finance report of my money.
 */
import Link from "next/link";
import { Amount } from "@/components/Amount";
import { Empty, Notice, PageHeader, Section, Stat, StatGrid } from "@/components/ui";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useLedger } from "@/hooks/useEventLog";
import { useT } from "@/i18n";
import { formatPercent } from "@/lib/format";
import { positionsByParty, zeroPosition } from "@/lib/ledger";
import { HistoryStatus } from "@/features/events/HistoryStatus";
import { MovementsTable, financierMovements } from "@/features/events/MovementsTable";
import type { ChainEvent } from "@/lib/events";
import { PoolExposure, PoolOverdue, PoolWithdrawal, RefundClaim } from "@/features/actions/PositionActions";
import { ProjectStatusBadge } from "@/features/projects/ProjectStatusBadge";
import { GreenReportPanel } from "@/features/greenReport/GreenReportPanel";

export function FinancierView() {
  const t = useT();
  const account = useConnectedAccount();
  const log = useLedger();
  if (!account) {
    return (
      <>
        <PageHeader title={t("financier.title")} />
        <Notice testId="connect-hint">{t("financier.connectHint")}</Notice>
      </>
    );
  }
  const me = account.toLowerCase();
  const movements = financierMovements(log.events, me).reverse();
  const tokenOf = (e: ChainEvent) => log.ledger.projects.get(String(e.args.projectId))?.token;
  const total = positionsByParty(log.ledger).get(me) ?? zeroPosition();
  const rows = [...log.ledger.projects.values()]
    .map((p) => ({ p, pos: p.parties.get(me), model: log.projects.get(p.projectId.toString()) }))
    .filter((r) => r.pos && (r.pos.funded > 0n || r.pos.committed > 0n));
  return (
    <>
      <PageHeader title={t("financier.title")} />
      <HistoryStatus log={log} />
      <StatGrid>
        <Stat label={t("totals.funded")} testId="my-funded">
          <Amount value={total.funded} />
        </Stat>
        <Stat label={t("totals.refunded")}>
          <Amount value={total.refunded} />
        </Stat>
        <Stat label={t("totals.committed")} testId="my-committed">
          <Amount value={total.committed} />
        </Stat>
        <Stat label={t("totals.withdrawn")}>
          <Amount value={total.withdrawn} />
        </Stat>
      </StatGrid>
      <Section title={t("financier.contributions")} testId="my-contributions">
        {rows.filter((r) => r.pos!.funded > 0n).length === 0 ? (
          <Empty>{t("common.none")}</Empty>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t("common.project")}</th>
                <th>{t("common.status")}</th>
                <th className="right">{t("totals.funded")}</th>
                <th className="right">{t("common.share")}</th>
                <th className="right">{t("totals.refunded")}</th>
                <th className="right">{t("actions.claimable")}</th>
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((r) => r.pos!.funded > 0n)
                .map(({ p, pos, model }) => (
                  <tr key={p.projectId.toString()} data-testid="contribution-row" data-project={p.projectId.toString()}>
                    <td>
                      <Link href={`/projects/${p.projectId}`}>#{p.projectId.toString()}</Link>
                    </td>
                    <td>{model && <ProjectStatusBadge status={model.status} />}</td>
                    <td className="right">
                      <Amount value={pos!.funded} token={p.token} />
                    </td>
                    <td className="right num">{formatPercent(pos!.funded, p.totals.funded)}</td>
                    <td className="right">
                      <Amount value={pos!.refunded} token={p.token} />
                    </td>
                    <td className="right">
                      {model && (model.status === "Failed" || model.status === "Cancelled") ? (
                        <RefundClaim projectId={p.projectId} token={p.token} />
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={t("financier.movements")} testId="my-movements">
        <MovementsTable movements={movements} tokenOf={tokenOf} />
      </Section>
      <Section title={t("financier.commitments")} testId="my-commitments">
        {rows.filter((r) => r.pos!.committed > 0n).length === 0 ? (
          <Empty>{t("common.none")}</Empty>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t("common.project")}</th>
                <th className="right">{t("totals.committed")}</th>
                <th className="right">{t("common.share")}</th>
                <th className="right">{t("totals.financed")}</th>
                <th className="right">{t("totals.withdrawn")}</th>
                <th className="right">{t("financier.netInPool")}</th>
                <th className="right">{t("financier.exposure")}</th>
                <th className="right">{t("actions.withdrawable")}</th>
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((r) => r.pos!.committed > 0n)
                .map(({ p, pos }) => (
                  <tr key={p.projectId.toString()} data-testid="commitment-row" data-project={p.projectId.toString()}>
                    <td>
                      <Link href={`/projects/${p.projectId}`}>#{p.projectId.toString()}</Link>
                    </td>
                    <td className="right">
                      <Amount value={pos!.committed} token={p.token} />
                    </td>
                    <td className="right num">{formatPercent(pos!.committed, p.totals.committed)}</td>
                    <td className="right">
                      <Amount value={p.totals.financed} token={p.token} />
                      <PoolOverdue projectId={p.projectId} token={p.token} />
                    </td>
                    <td className="right">
                      <Amount value={pos!.withdrawn} token={p.token} />
                    </td>
                    <td className="right">
                      <Amount value={pos!.committed - pos!.withdrawn} token={p.token} />
                    </td>
                    <td className="right">
                      <PoolExposure projectId={p.projectId} token={p.token} />
                    </td>
                    <td className="right">
                      <PoolWithdrawal projectId={p.projectId} token={p.token} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
        <p className="muted">{t("financier.actionsHint")}</p>
      </Section>
      <GreenReportPanel financier={account} />
    </>
  );
}
