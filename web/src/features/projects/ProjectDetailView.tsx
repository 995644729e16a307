"use client";
/** One project: terms, milestones, payments, financiers and their shares, components and substitutes. */
import { useCallback, useMemo, useState } from "react";
import { Address } from "@/components/Address";
import { DocumentText } from "@/components/DocumentText";
import { Amount } from "@/components/Amount";
import { TxLink } from "@/components/TxLink";
import { Empty, PageHeader, Section, Notice } from "@/components/ui";
import { usePublishedDocuments } from "@/hooks/usePublishedDocuments";
import { useIndexed } from "@/hooks/useIndexer";
import { financingCount, paymentCount, useEventPage, usePagedEvents } from "@/hooks/useIndexedEvents";
import { useProjectSupplyChain } from "@/hooks/useSupplyChain";
import { projectFromRows } from "@/lib/projects";
import { totalsFromRows } from "@/lib/ledger";
import { eventsOfKind } from "@/lib/events";
import { shown } from "@/features/overview/readState";
import { useT } from "@/i18n";
import { formatPercent, formatTimestamp } from "@/lib/format";
import { projectHeld } from "@/lib/projects";
import { ProjectActions } from "@/features/actions/ProjectActions";
import { ComponentsTable } from "@/features/supply-chain/ComponentsTable";
import { HistoryStatus, PagedRows } from "@/features/events/HistoryStatus";
import { EventTable } from "@/features/events/EventTable";
import { FinancingsTable } from "@/features/events/FinancingsTable";
import { PaymentsTable } from "@/features/events/PaymentsTable";
import { TotalsGrid } from "@/features/overview/TotalsGrid";
import { MilestoneStatusBadge, ProjectStatusBadge, StageLabel } from "./ProjectStatusBadge";
import styles from "./projects.module.css";

/** Events per page of the project's trail. */
const EVENT_PAGE = 20;
/** Payments and substitute financings per page. */
const PAYMENT_PAGE = 20;
const FINANCING_PAGE = 10;
const isPayment = eventsOfKind("RDEscrow", "Disbursed");
const isFinancing = eventsOfKind("ContingencyPool", "SubstituteFinanced");

export function ProjectDetailView({ id }: { id: string }) {
  const t = useT();
  // The project's entity rows (project, milestones, positions, pool); how many substitute financings its pool made.
  const read = useIndexed(["projectDetail", id], async (c) => {
    const [projects, milestones, positions, pools] = await Promise.all([
      c.all("project", { where: { id } }),
      c.all("milestone", { where: { projectId: id } }),
      c.all("position", { where: { projectId: id } }),
      c.all("pool", { where: { projectId: id } }),
    ]);
    const row = projects[0];
    if (!row) return { project: undefined, totals: undefined, financingCount: 0 };
    return {
      project: projectFromRows(row, milestones, positions),
      totals: totalsFromRows([row], pools),
      financingCount: pools[0]?.financings ?? 0,
    };
  });
  // Its payments and financings grow with its history: the indexer reads them a page at a time.
  const paymentPage = usePagedEvents(
    { projectId: id, contract: "RDEscrow", name: "Disbursed" },
    PAYMENT_PAGE,
    isPayment,
    { count: paymentCount([id]) },
  );
  const financingPage = usePagedEvents(
    { projectId: id, contract: "ContingencyPool", name: "SubstituteFinanced" },
    FINANCING_PAGE,
    isFinancing,
    { enabled: (read.data?.financingCount ?? 0) > 0, count: financingCount(id) },
  );
  const [eventPage, setEventPage] = useState(0);
  const trail = useEventPage({ projectId: id }, eventPage, EVENT_PAGE);
  // The project's components, payees and the states of the suppliers they name.
  const chain = useProjectSupplyChain(["project"], [id]);
  const project = read.data?.project;
  const title = usePublishedDocuments([project?.metadataHash]).labelOf(project?.metadataHash);
  const totals = read.data?.totals;
  const payees = useMemo(() => [...(chain.data?.payees.values() ?? [])].map((x) => x.supplier), [chain.data]);
  const token = project?.token;
  const tokenOf = useCallback(() => token, [token]);
  if (!project) {
    return (
      <>
        <PageHeader title={t("projects.detailTitle", { id })} />
        <HistoryStatus reads={[read]} />
        {read.isReady && <Notice tone="warn">{t("projects.notFound", { id })}</Notice>}
      </>
    );
  }
  const financiers = [...project.contributions.entries()].sort((a, b) => (a[1] < b[1] ? 1 : -1));
  return (
    <>
      <PageHeader
        title={[t("projects.detailTitle", { id }), title].filter(Boolean).join(" · ")}
        actions={<ProjectStatusBadge status={project.status} />}
      />
      <HistoryStatus reads={[paymentPage, financingPage, trail]} />
      <Section title={t("common.details")} testId="project-meta">
        <dl className={styles.meta}>
          <div>
            <dt>{t("common.firm")}</dt>
            <dd>
              <Address address={project.firm} />
            </dd>
          </div>
          <div>
            <dt>{t("common.verifier")}</dt>
            <dd>
              <Address address={project.verifier} />
            </dd>
          </div>
          <div>
            <dt>{t("common.token")}</dt>
            <dd>
              <Address address={project.token} />
            </dd>
          </div>
          <div>
            <dt>{t("projects.target")}</dt>
            <dd>
              <Amount value={project.target} token={project.token} />
            </dd>
          </div>
          <div>
            <dt>{t("projects.metadata")}</dt>
            <dd>
              <DocumentText hash={project.metadataHash} testId="project-description" />
            </dd>
          </div>
          <div>
            <dt>{t("projects.created")}</dt>
            <dd>
              {formatTimestamp(project.createdAt)} · <TxLink hash={project.createdTx} />
            </dd>
          </div>
        </dl>
      </Section>
      <TotalsGrid totals={shown({ data: totals, error: read.error })} token={project.token} />
      <ProjectActions project={project} owed={totals ? totals.financed - totals.repaid : 0n} payees={payees} />
      <Section title={t("projects.milestones")} testId="milestones">
        <table className="data">
          <thead>
            <tr>
              <th>#</th>
              <th>{t("projects.stage")}</th>
              <th className="right">{t("projects.budget")}</th>
              <th className="right">{t("projects.paid")}</th>
              <th>{t("projects.deadline")}</th>
              <th>{t("common.status")}</th>
              <th>{t("supply.evidence")}</th>
            </tr>
          </thead>
          <tbody>
            {project.milestones.map((m) => (
              <tr key={m.index} data-testid="milestone-row" data-index={m.index}>
                <td className="num">{m.index + 1}</td>
                <td>
                  <StageLabel stage={m.stage} />
                </td>
                <td className="right">
                  <Amount value={m.budget} token={project.token} />
                </td>
                <td className="right">
                  <Amount value={m.paid} token={project.token} />
                </td>
                <td className="num">{formatTimestamp(m.deadline)}</td>
                <td>
                  <MilestoneStatusBadge status={m.status} />
                </td>
                <td>
                  <DocumentText hash={m.evidenceHash} testId="milestone-evidence" />
                  {m.status === "Rejected" && m.reasonHash && (
                    <div className="muted" data-testid="rejection-reason">
                      {t("projects.rejectedBecause")}: <DocumentText hash={m.reasonHash} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t("projects.payments")} testId="payments">
        <PagedRows list={paymentPage} testId="payments-unread">
          {(page, paging) => <PaymentsTable payments={page} paging={paging} tokenOf={tokenOf} />}
        </PagedRows>
      </Section>
      <Section title={t("projects.financiers")} testId="financiers">
        {financiers.length === 0 ? (
          <Empty>{t("common.none")}</Empty>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t("common.financier")}</th>
                <th className="right">{t("totals.funded")}</th>
                <th className="right">{t("common.share")}</th>
              </tr>
            </thead>
            <tbody>
              {financiers.map(([addr, amount]) => (
                <tr key={addr}>
                  <td>
                    <Address address={addr} />
                  </td>
                  <td className="right">
                    <Amount value={amount} token={project.token} />
                  </td>
                  <td className="right num">{formatPercent(amount, project.funded)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">
          {t("totals.escrowHeld")}: <Amount value={projectHeld(project)} token={project.token} />
        </p>
      </Section>
      <Section title={t("projects.components")} testId="components">
        <HistoryStatus reads={[chain]} />
        {chain.data && (
          <ComponentsTable components={chain.data.components} states={chain.data.states} token={project.token} />
        )}
      </Section>
      {(read.data?.financingCount ?? 0) > 0 && (
        <Section title={t("supply.financings")} testId="project-financings">
          <PagedRows list={financingPage} testId="financings-unread">
            {(page, paging) => (
              <FinancingsTable financings={page} paging={paging} tokenOf={tokenOf} testId="project-financings-table" />
            )}
          </PagedRows>
        </Section>
      )}
      <Section title={t("audit.title")} testId="project-events">
        <EventTable
          events={trail.data?.events ?? []}
          tokenOf={tokenOf}
          paging={{
            page: eventPage,
            pages: Math.max(1, Math.ceil((trail.data?.totalCount ?? 0) / EVENT_PAGE)),
            rows: trail.data?.totalCount ?? 0,
            onPage: setEventPage,
          }}
        />
      </Section>
    </>
  );
}
