"use client";
/** The verifier's review of a project's submitted milestones: approve, or reject with reasons (published or private). */
import { useState } from "react";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { documentArgs, documentSendable, type Visibility } from "@/lib/documents";
import { DocumentField } from "./DocumentField";
import type { ProjectModel } from "@/lib/projects";

export function MilestoneReview({ project }: { project: ProjectModel }) {
  const t = useT();
  const { write, isPending } = useWriteFlow();
  const [reason, setReason] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("publish");
  const submitted = project.milestones.filter((m) => m.status === "Submitted");
  if (submitted.length === 0) return <p className="muted">{t("actions.nothingToReview")}</p>;
  return (
    <>
      {submitted.map((m) => (
        <div className="formRow" key={m.index} data-testid="review-milestone" data-index={m.index}>
          <strong>
            {t("projects.milestone")} {m.index + 1}
          </strong>
          <button
            type="button"
            className="primary"
            disabled={isPending}
            data-testid="approve-milestone"
            onClick={() =>
              void write({
                contract: "RDEscrow",
                functionName: "approveMilestone",
                args: [project.id, BigInt(m.index)],
                label: t("actions.approveMilestone", { index: m.index + 1 }),
              })
            }
          >
            {t("actions.approveMilestone", { index: m.index + 1 })}
          </button>
          <DocumentField
            label={t("actions.rejectReason")}
            value={reason}
            onChange={setReason}
            visibility={visibility}
            onVisibility={setVisibility}
            size={30}
            testId="reject-reason"
          />
          <button
            type="button"
            disabled={isPending || !documentSendable(reason, visibility)}
            data-testid="reject-milestone"
            onClick={() =>
              void write({
                contract: "RDEscrow",
                functionName: "rejectMilestone",
                args: [project.id, BigInt(m.index), ...documentArgs(reason, visibility)],
                label: t("actions.rejectMilestone", { index: m.index + 1 }),
              })
            }
          >
            {t("actions.rejectMilestone", { index: m.index + 1 })}
          </button>
        </div>
      ))}
    </>
  );
}
