"use client";
/** Firm: my projects, payments made from them, substitute financing owed. */
import Link from "next/link";
import { Address } from "@/components/Address";
import { Amount } from "@/components/Amount";
import { Empty, Notice, PageHeader, Section } from "@/components/ui";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useIndexed, useProjects } from "@/hooks/useIndexer";
import { paymentCount, usePagedEvents } from "@/hooks/useIndexedEvents";
import { useProjectSupplyChain } from "@/hooks/useSupplyChain";
import { eventsOfKind } from "@/lib/events";
import { useT } from "@/i18n";
import { sameAddress } from "@/lib/address";
import type { SupplierInfo } from "@/lib/components";
import type { SupplierState } from "@/lib/suppliers";
import { approvedCount, projectHeld } from "@/lib/projects";
import { HistoryStatus, PagedRows } from "@/features/events/HistoryStatus";
import { PaymentsTable } from "@/features/events/PaymentsTable";
import { CreateProjectForm, SupplierForms } from "@/features/actions/FirmForms";
import { SwitchSupplierForm } from "@/features/actions/SwitchSupplierForm";
import { ProjectStatusBadge } from "@/features/projects/ProjectStatusBadge";

const NO_PAYEES: ReadonlyMap<string, SupplierInfo> = new Map();
const NO_STATES: ReadonlyMap<string, SupplierState> = new Map();
/** My payments per page. */
const PAYMENTS_PAGE = 20;
const isPayment = eventsOfKind("RDEscrow", "Disbursed");

export function FirmView() {
  const t = useT();
  const account = useConnectedAccount();
  const me = account?.toLowerCase();
  const projects = useProjects(["firm", me], { firm: me }, !!me);
  const ids = [...(projects.data?.keys() ?? [])];
  // My projects' pools (financing owed): one row per project. My payments grow with my history: a page at a time.
  const money = useIndexed(
    ["firmMoney", me, ids.join(",")],
    async (c) => {
      const pools = await c.all("pool", { where: { projectId_in: ids } });
      return { owed: new Map(pools.map((p) => [p.projectId.toString(), p.financed - p.repaid])) };
    },
    ids.length > 0,
  );
  const payments = usePagedEvents(
    { projectId_in: ids.map(String), contract: "RDEscrow", name: "Disbursed" },
    PAYMENTS_PAGE,
    isPayment,
    { enabled: ids.length > 0, count: paymentCount(ids) },
  );
  // The supply chain of my active projects: their components, payees and the states of the suppliers they name.
  const activeIds = [...(projects.data?.values() ?? [])].filter((p) => p.status === "Active").map((p) => p.id);
  const chain = useProjectSupplyChain(["firm", me], activeIds, !!me);
  if (!account) {
    return (
      <>
        <PageHeader title={t("firm.title")} />
        <Notice testId="connect-hint">{t("firm.connectHint")}</Notice>
      </>
    );
  }
  const mine = [...(projects.data?.values() ?? [])].filter((p) => sameAddress(p.firm, account));
  const active = mine.filter((p) => p.status === "Active");
  return (
    <>
      <PageHeader title={t("firm.title")} />
      <HistoryStatus reads={[projects, money, payments, chain]} />
      <Section title={t("firm.myProjects")} testId="firm-projects">
        {mine.length === 0 ? (
          <Empty>{t("projects.empty")}</Empty>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>#</th>
                <th>{t("common.status")}</th>
                <th>{t("projects.progress")}</th>
                <th className="right">{t("totals.escrowHeld")}</th>
                <th className="right">{t("firm.financing")}</th>
                <th>{t("common.verifier")}</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((p) => {
                const owed = money.data?.owed.get(p.id.toString());
                return (
                  <tr key={p.id.toString()}>
                    <td>
                      <Link href={`/projects/${p.id}`}>#{p.id.toString()}</Link>
                    </td>
                    <td>
                      <ProjectStatusBadge status={p.status} />
                    </td>
                    <td className="num">
                      {approvedCount(p)} / {p.milestones.length}
                    </td>
                    <td className="right">
                      <Amount value={projectHeld(p)} token={p.token} />
                    </td>
                    <td className="right">
                      <Amount value={owed === undefined ? undefined : owed > 0n ? owed : 0n} token={p.token} />
                    </td>
                    <td>
                      <Address address={p.verifier} copy={false} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>
      <Section title={t("firm.payments")} testId="firm-payments">
        {projects.isReady && ids.length === 0 ? (
          <Empty>{t("common.none")}</Empty>
        ) : (
          <PagedRows list={payments} testId="payments-unread">
            {(page, paging) => (
              <PaymentsTable
                payments={page}
                paging={paging}
                showProject
                tokenOf={(e) => projects.data?.get(e.args.projectId.toString())?.token}
              />
            )}
          </PagedRows>
        )}
      </Section>
      <p className="muted">{t("firm.actionsHint")}</p>
      <SupplierForms projects={active} suppliers={chain.data?.payees ?? NO_PAYEES} />
      <SwitchSupplierForm components={chain.data?.components ?? []} states={chain.data?.states ?? NO_STATES} />
      <CreateProjectForm />
    </>
  );
}
