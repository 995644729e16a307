"use client";
/** Projects: every project with stage, progress and funding, from the indexer's project and milestone rows. */
import Link from "next/link";
import { Address } from "@/components/Address";
import { DocumentText } from "@/components/DocumentText";
import { Amount } from "@/components/Amount";
import { Empty, PageHeader, Section } from "@/components/ui";
import { useProjects } from "@/hooks/useIndexer";
import { useT } from "@/i18n";
import { formatPercent } from "@/lib/format";
import { approvedCount, currentStage, projectHeld } from "@/lib/projects";
import { HistoryStatus } from "@/features/events/HistoryStatus";
import { ProjectStatusBadge, StageLabel } from "./ProjectStatusBadge";
import styles from "./projects.module.css";

export function ProjectsView() {
  const t = useT();
  const read = useProjects(["all"]);
  const projects = [...(read.data?.values() ?? [])].sort((a, b) => (a.id < b.id ? 1 : -1));
  return (
    <>
      <PageHeader title={t("projects.title")} />
      <HistoryStatus reads={[read]} />
      <Section title={t("common.projects")} testId="projects-list">
        {!read.isReady ? null : projects.length === 0 ? (
          <Empty>{t("projects.empty")}</Empty>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th>#</th>
                <th>{t("projects.project")}</th>
                <th>{t("common.status")}</th>
                <th>{t("projects.stage")}</th>
                <th>{t("projects.progress")}</th>
                <th className="right">{t("projects.funding")}</th>
                <th className="right">{t("totals.disbursed")}</th>
                <th className="right">{t("totals.escrowHeld")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id.toString()} data-testid="project-row" data-project={p.id.toString()}>
                  <td className="num">{p.id.toString()}</td>
                  <td>
                    <DocumentText hash={p.metadataHash} testId="project-title" />
                    <div className="muted">
                      <Address address={p.firm} copy={false} />
                    </div>
                  </td>
                  <td>
                    <ProjectStatusBadge status={p.status} />
                  </td>
                  <td>
                    <StageLabel stage={currentStage(p)} />
                  </td>
                  <td className="num">
                    {approvedCount(p)} / {p.milestones.length}
                  </td>
                  <td className="right">
                    <div>
                      <Amount value={p.funded} token={p.token} /> /{" "}
                      <Amount value={p.target} token={p.token} symbol={false} />
                    </div>
                    <div className={styles.bar} aria-hidden>
                      <span style={{ width: formatPercent(p.funded, p.target === 0n ? 1n : p.target) }} />
                    </div>
                  </td>
                  <td className="right">
                    <Amount value={p.disbursed} token={p.token} />
                  </td>
                  <td className="right">
                    <Amount value={projectHeld(p)} token={p.token} />
                  </td>
                  <td>
                    <Link href={`/projects/${p.id}`}>{t("projects.open")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}
