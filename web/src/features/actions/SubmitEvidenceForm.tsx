"use client";
/** The firm submits a milestone for review with the evidence it publishes (the chain keeps the text's hash). */
import { useState } from "react";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { documentHash } from "@/lib/documents";
import type { MilestoneState, ProjectModel } from "@/lib/projects";

export function SubmitEvidenceForm({ project, milestone }: { project: ProjectModel; milestone: MilestoneState }) {
  const t = useT();
  const { write, isPending } = useWriteFlow();
  const [evidence, setEvidence] = useState("");
  return (
    <div className="formRow">
      <label>
        {t("actions.evidence", { index: milestone.index + 1 })}
        <input value={evidence} onChange={(e) => setEvidence(e.target.value)} size={40} data-testid="evidence-text" />
      </label>
      <button
        type="button"
        className="primary"
        disabled={isPending || evidence.trim() === ""}
        data-testid="submit-evidence"
        onClick={async () => {
          const ok = await write({
            contract: "RDEscrow",
            functionName: "submitMilestone",
            args: [project.id, BigInt(milestone.index), documentHash(evidence.trim())],
            label: t("actions.submitEvidence"),
          });
          if (ok) setEvidence("");
        }}
      >
        {t("actions.submitEvidence")}
      </button>
    </div>
  );
}
