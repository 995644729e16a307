"use client";
/** Verifier: milestones submitted for review on the projects I verify. */
import { DocumentText } from "@/components/DocumentText";
import Link from "next/link";
import { Amount } from "@/components/Amount";
import { Empty, Notice, PageHeader, Section } from "@/components/ui";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useProjects } from "@/hooks/useIndexer";
import { useT } from "@/i18n";
import { sameAddress } from "@/lib/address";
import { formatTimestamp } from "@/lib/format";
import { HistoryStatus } from "@/features/events/HistoryStatus";
import { MilestoneStatusBadge, StageLabel } from "@/features/projects/ProjectStatusBadge";

export function VerifierView() {
  const t = useT();
  const account = useConnectedAccount();
  const read = useProjects(["verifier", account], { verifier: account?.toLowerCase() }, !!account);
  if (!account) {
    return (
      <>
        <PageHeader title={t("verifier.title")} />
        <Notice testId="connect-hint">{t("verifier.connectHint")}</Notice>
      </>
    );
  }
  const queue = [...(read.data?.values() ?? [])]
    .filter((p) => sameAddress(p.verifier, account) && p.status === "Active")
    .flatMap((p) => p.milestones.filter((m) => m.status === "Submitted").map((m) => ({ p, m })));
  return (
    <>
      <PageHeader title={t("verifier.title")} />
      <HistoryStatus reads={[read]} />
      <Section title={t("verifier.queue")} testId="verifier-queue">
        {!read.isReady ? null : queue.length === 0 ? (
          <Empty>{t("common.none")}</Empty>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>{t("common.project")}</th>
                <th>{t("projects.milestone")}</th>
                <th>{t("projects.stage")}</th>
                <th className="right">{t("projects.budget")}</th>
                <th>{t("projects.deadline")}</th>
                <th>{t("supply.evidence")}</th>
                <th>{t("common.status")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.map(({ p, m }) => (
                <tr key={`${p.id}-${m.index}`} data-testid="review-row">
                  <td>
                    <Link href={`/projects/${p.id}`}>#{p.id.toString()}</Link>
                  </td>
                  <td className="num">{m.index + 1}</td>
                  <td>
                    <StageLabel stage={m.stage} />
                  </td>
                  <td className="right">
                    <Amount value={m.budget} token={p.token} />
                  </td>
                  <td className="num">{formatTimestamp(m.deadline)}</td>
                  <td>
                    <DocumentText hash={m.evidenceHash} />
                  </td>
                  <td>
                    <MilestoneStatusBadge status={m.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <p className="muted">{t("verifier.actionsHint")}</p>
    </>
  );
}
