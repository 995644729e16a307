"use client";
/**
 * Projects: stage, progress and funding of each project, newest first, from the indexer's project and milestone
 * rows — one page at a time, paged on the server (the page's rows and the number of all projects).
 */
import { useState } from "react";
import Link from "next/link";
import { Address } from "@/components/Address";
import { DocumentText } from "@/components/DocumentText";
import { Amount } from "@/components/Amount";
import { Empty, PageHeader, Section } from "@/components/ui";
import { useProjectPage } from "@/hooks/useIndexer";
import { useT } from "@/i18n";
import { formatPercent } from "@/lib/format";
import { approvedCount, currentStage, projectHeld } from "@/lib/projects";
import { HistoryStatus } from "@/features/events/HistoryStatus";
import { Pager } from "@/features/events/Pager";
import { ProjectStatusBadge, StageLabel } from "./ProjectStatusBadge";
import styles from "./projects.module.css";

/** Projects listed per page. */
export const PROJECTS_PAGE = 50;

const ALL_PROJECTS = {};

export function ProjectsView() {
  const t = useT();
  const [page, setPage] = useState(0);
  const read = useProjectPage(ALL_PROJECTS, page, PROJECTS_PAGE);
  const projects = read.data?.projects ?? [];
  const totalCount = read.data?.totalCount ?? 0;
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
        {read.isReady && totalCount > PROJECTS_PAGE && (
          <Pager page={page} pages={Math.ceil(totalCount / PROJECTS_PAGE)} rows={totalCount} onPage={setPage} />
        )}
      </Section>
    </>
  );
}
