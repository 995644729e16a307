"use client";
/**
 * Financier: my contributions per project (with the refund claimable from a failed or cancelled one), my pool
 * commitments (exposure, withdrawable share, withdraw), totals; the green-finance report of my money.
 */
import Link from "next/link";
import { Amount } from "@/components/Amount";
import { Empty, Notice, PageHeader, Section, Stat, StatGrid } from "@/components/ui";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useIndexed } from "@/hooks/useIndexer";
import { movementCount, usePagedEvents } from "@/hooks/useIndexedEvents";
import { useT } from "@/i18n";
import { formatPercent } from "@/lib/format";
import { HistoryStatus, PagedRows } from "@/features/events/HistoryStatus";
import { MovementsTable } from "@/features/events/MovementsTable";
import { PROJECT_STATUS } from "@/lib/projects";
import { financierMovementsWhere, isFinancierMovement, type MovementEvent } from "@/lib/events";
import { PoolExposure, PoolOverdue, PoolWithdrawal, RefundClaim } from "@/features/actions/PositionActions";
import { ProjectStatusBadge } from "@/features/projects/ProjectStatusBadge";
import { GreenReportPanel } from "@/features/greenReport/GreenReportPanel";

/** My movements per page. */
const MOVEMENTS_PAGE = 20;

export function FinancierView() {
  const t = useT();
  const account = useConnectedAccount();
  const me = account?.toLowerCase();
  // My positions (entity rows), their projects and pools: bounded by the projects I am in. My totals are the
  // positions' sums; my movements (events by me) grow with my history, so the indexer reads them a page at a time.
  const read = useIndexed(
    ["financier", me],
    async (c) => {
      const positions = await c.all("position", { where: { financier: me } });
      const ids = positions.map((p) => p.projectId);
      const [projects, pools] = await Promise.all([
        ids.length ? c.all("project", { where: { id_in: ids } }) : [],
        ids.length ? c.all("pool", { where: { projectId_in: ids } }) : [],
      ]);
      const projectOf = new Map(projects.map((p) => [p.id, p]));
      const poolOf = new Map(pools.map((p) => [p.projectId, p]));
      const rows = positions.flatMap((pos) => {
        const project = projectOf.get(pos.projectId);
        if (!project) return [];
        const pool = poolOf.get(pos.projectId);
        return [
          {
            p: {
              projectId: pos.projectId,
              token: project.token,
              totals: { funded: project.funded, committed: pool?.committed ?? 0n, financed: pool?.financed ?? 0n },
            },
            pos,
            model: { status: PROJECT_STATUS[project.status] },
          },
        ];
      });
      return { rows };
    },
    !!me,
  );
  const movements = usePagedEvents(financierMovementsWhere(me ?? ""), MOVEMENTS_PAGE, isFinancierMovement, {
    enabled: !!me,
    count: movementCount(me ?? ""),
  });
  if (!account || !me) {
    return (
      <>
        <PageHeader title={t("financier.title")} />
        <Notice testId="connect-hint">{t("financier.connectHint")}</Notice>
      </>
    );
  }
  const rows = (read.data?.rows ?? []).filter((r) => r.pos.funded > 0n || r.pos.committed > 0n);
  const tokenOf = (e: MovementEvent) => rows.find((r) => r.p.projectId === e.args.projectId)?.p.token;
  // Unknown (undefined) until read: a failed read never shows as 0.
  const sum = (k: "funded" | "refunded" | "committed" | "withdrawn") =>
    read.data ? rows.reduce((acc, r) => acc + r.pos[k], 0n) : undefined;
  const total = {
    funded: sum("funded"),
    refunded: sum("refunded"),
    committed: sum("committed"),
    withdrawn: sum("withdrawn"),
  };
  return (
    <>
      <PageHeader title={t("financier.title")} />
      <HistoryStatus reads={[read, movements]} />
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
        <PagedRows list={movements} testId="movements-unread">
          {(page, paging) => <MovementsTable movements={page} paging={paging} tokenOf={tokenOf} />}
        </PagedRows>
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
