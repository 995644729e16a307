"use client";
/** Firm: my projects, payments made from them, substitute financing owed. */
import Link from "next/link";
import { useMemo } from "react";
import { Address } from "@/components/Address";
import { Amount } from "@/components/Amount";
import { Empty, Notice, PageHeader, Section } from "@/components/ui";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useLedger } from "@/hooks/useEventLog";
import { useT } from "@/i18n";
import { sameAddress } from "@/lib/address";
import { approvedCount, projectHeld } from "@/lib/projects";
import { buildComponents } from "@/lib/components";
import { buildSupplierStates } from "@/lib/suppliers";
import { HistoryStatus } from "@/features/events/HistoryStatus";
import { PaymentsTable } from "@/features/events/PaymentsTable";
import { CreateProjectForm, SupplierForms } from "@/features/actions/FirmForms";
import { SwitchSupplierForm } from "@/features/actions/SwitchSupplierForm";
import { ProjectStatusBadge } from "@/features/projects/ProjectStatusBadge";

export function FirmView() {
  const t = useT();
  const account = useConnectedAccount();
  const log = useLedger();
  const registry = useMemo(() => buildComponents(log.events), [log.events]);
  const states = useMemo(() => buildSupplierStates(log.events), [log.events]);
  if (!account) {
    return (
      <>
        <PageHeader title={t("firm.title")} />
        <Notice testId="connect-hint">{t("firm.connectHint")}</Notice>
      </>
    );
  }
  const mine = [...log.projects.values()].filter((p) => sameAddress(p.firm, account));
  const active = mine.filter((p) => p.status === "Active");
  const myComponents = registry.components.filter((c) => active.some((p) => p.id === c.projectId));
  const payments = mine.flatMap((p) => p.payments).reverse();
  return (
    <>
      <PageHeader title={t("firm.title")} />
      <HistoryStatus log={log} />
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
                const l = log.ledger.projects.get(p.id.toString());
                const owed = l ? l.totals.financed - l.totals.repaid : 0n;
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
                      <Amount value={owed > 0n ? owed : 0n} token={p.token} />
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
        <PaymentsTable
          payments={payments}
          showProject
          tokenOf={(e) => log.projects.get(String(e.args.projectId))?.token}
        />
      </Section>
      <p className="muted">{t("firm.actionsHint")}</p>
      <SupplierForms projects={active} suppliers={registry.suppliers} />
      <SwitchSupplierForm components={myComponents} states={states} />
      <CreateProjectForm />
    </>
  );
}
