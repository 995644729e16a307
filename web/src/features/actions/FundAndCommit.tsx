"use client";
/** A financier's two ways into an active project: fund its escrow, or commit to its contingency pool. */
import { useT } from "@/i18n";
import type { ProjectModel } from "@/lib/projects";
import { TokenTransactionForm } from "./TokenTransactionForm";

export function FundAndCommit({ project }: { project: ProjectModel }) {
  const t = useT();
  const id = project.id.toString();
  return (
    <>
      <TokenTransactionForm
        token={project.token}
        contract="RDEscrow"
        functionName="fund"
        args={(amount) => [project.id, amount] as const}
        amountLabel={t("actions.fundAmount")}
        submitLabel={t("actions.fundSubmit")}
        writeLabel={t("actions.fund", { id })}
        testId="fund"
        primary
      />
      <TokenTransactionForm
        token={project.token}
        contract="ContingencyPool"
        functionName="commit"
        // The whole commitment may finance exposure and any one disruption (the pool's allowances).
        args={(amount) => [project.id, amount, amount, amount] as const}
        amountLabel={t("actions.commitAmount")}
        submitLabel={t("actions.commitSubmit")}
        writeLabel={t("actions.commit", { id })}
        testId="commit"
      />
    </>
  );
}
