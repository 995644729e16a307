"use client";
/** The firm submits a milestone for review with its evidence: published beside its hash, or private (hash only). */
import { useState } from "react";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { documentArgs, documentSendable, type Visibility } from "@/lib/documents";
import { DocumentField } from "./DocumentField";
import type { MilestoneState, ProjectModel } from "@/lib/projects";

export function SubmitEvidenceForm({ project, milestone }: { project: ProjectModel; milestone: MilestoneState }) {
  const t = useT();
  const { write, isPending } = useWriteFlow();
  const [evidence, setEvidence] = useState("");
  // Evidence is often confidential (lab reports, customer data): private unless the firm chooses to publish.
  const [visibility, setVisibility] = useState<Visibility>("private");
  return (
    <div className="formRow">
      <DocumentField
        label={t("actions.evidence", { index: milestone.index + 1 })}
        value={evidence}
        onChange={setEvidence}
        visibility={visibility}
        onVisibility={setVisibility}
        testId="evidence-text"
      />
      <button
        type="button"
        className="primary"
        disabled={isPending || !documentSendable(evidence, visibility)}
        data-testid="submit-evidence"
        onClick={async () => {
          const ok = await write({
            contract: "RDEscrow",
            functionName: "submitMilestone",
            args: [project.id, BigInt(milestone.index), ...documentArgs(evidence, visibility)],
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
