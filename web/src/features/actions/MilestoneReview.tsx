"use client";
/** The verifier's review of a project's submitted milestones: approve, or reject with a published reason. */
import { useState } from "react";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { documentHash } from "@/lib/documents";
import type { ProjectModel } from "@/lib/projects";

export function MilestoneReview({ project }: { project: ProjectModel }) {
  const t = useT();
  const { write, isPending } = useWriteFlow();
  const [reason, setReason] = useState("");
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
          <label>
            {t("actions.rejectReason")}
            <input value={reason} onChange={(e) => setReason(e.target.value)} size={30} data-testid="reject-reason" />
          </label>
          <button
            type="button"
            disabled={isPending || reason.trim() === ""}
            data-testid="reject-milestone"
            onClick={() =>
              void write({
                contract: "RDEscrow",
                functionName: "rejectMilestone",
                args: [project.id, BigInt(m.index), documentHash(reason.trim())],
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
