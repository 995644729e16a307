"use client";
/** The firm's actions on its project: submit the next milestone's evidence, pay from approved budget, set its
 * pool's terms, repay the substitute financing it owes the contingency pool. */
import { Amount } from "@/components/Amount";
import { useT } from "@/i18n";
import type { ProjectModel } from "@/lib/projects";
import { DisburseForm } from "./DisburseForm";
import { SetPoolTermsForm } from "./SetPoolTermsForm";
import { SubmitEvidenceForm } from "./SubmitEvidenceForm";
import { TokenTransactionForm } from "./TokenTransactionForm";

export function FirmProjectActions({
  project,
  owed,
  payees,
}: {
  project: ProjectModel;
  /** Substitute financing the firm still owes the pool. */
  owed: bigint;
  /** Registered suppliers of the project (besides the firm). */
  payees: readonly string[];
}) {
  const t = useT();
  const submittable = project.milestones.find((m) => m.status === "Pending" || m.status === "Rejected");
  const payable = project.milestones.filter((m) => m.status === "Approved" && m.paid < m.budget);
  return (
    <>
      {project.status === "Active" && submittable && (
        <SubmitEvidenceForm key={submittable.index} project={project} milestone={submittable} />
      )}
      {payable.length > 0 && <DisburseForm project={project} payable={payable} payees={payees} />}
      {project.status === "Active" && <SetPoolTermsForm projectId={project.id} />}
      {owed > 0n && (
        <TokenTransactionForm
          token={project.token}
          contract="ContingencyPool"
          functionName="repay"
          args={(amount) => [project.id, amount] as const}
          amountLabel={t("actions.repayAmount")}
          submitLabel={t("actions.repay")}
          writeLabel={t("actions.repay")}
          testId="repay"
        >
          <span data-testid="financing-owed">
            {t("firm.financing")}: <Amount value={owed} token={project.token} />
          </span>
        </TokenTransactionForm>
      )}
    </>
  );
}
