"use client";
/**
 * A financier's two ways into an active project: fund its escrow, or commit to its contingency pool under the
 * pool's terms, shown first; the commitment names exactly the terms it accepts (the pending ones while a change
 * is pending), so a change the financier has not seen makes it revert instead of binding it.
 */
import { usePoolTerms } from "@/hooks/usePoolTerms";
import { useT } from "@/i18n";
import type { ProjectModel } from "@/lib/projects";
import { PoolTermsSummary } from "./PoolTermsSummary";
import { TokenTransactionForm } from "./TokenTransactionForm";

export function FundAndCommit({ project }: { project: ProjectModel }) {
  const t = useT();
  const id = project.id.toString();
  const { accept } = usePoolTerms(project.id);
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
      <PoolTermsSummary projectId={project.id} />
      <TokenTransactionForm
        token={project.token}
        contract="ContingencyPool"
        functionName="commit"
        args={(amount) => [project.id, amount, accept!] as const}
        disabled={!accept}
        amountLabel={t("actions.commitAmount")}
        submitLabel={t("actions.commitSubmit")}
        writeLabel={t("actions.commit", { id })}
        testId="commit"
      />
    </>
  );
}
