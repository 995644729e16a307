"use client";
/** A financier's two ways into an active project: fund its escrow, or commit to its contingency pool. */
import { useContractRead } from "@/hooks/useContractRead";
import { useT } from "@/i18n";
import type { ProjectModel } from "@/lib/projects";
import { TokenTransactionForm } from "./TokenTransactionForm";

export function FundAndCommit({ project }: { project: ProjectModel }) {
  const t = useT();
  const id = project.id.toString();
  // A commitment names the pool's terms: the pending ones while a change waits for its notice, else those in force.
  const current = useContractRead({ contract: "ContingencyPool", functionName: "poolTerms", args: [project.id] });
  const pending = useContractRead({
    contract: "ContingencyPool",
    functionName: "pendingPoolTerms",
    args: [project.id],
  });
  const accepted = pending.data && pending.data[1] !== 0n ? pending.data[0] : current.data;
  const terms = accepted ?? { exposureBps: 0, disruptionBps: 0, withdrawalNotice: 0, repaymentTerm: 0 };
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
        args={(amount) => [project.id, amount, terms] as const}
        amountLabel={t("actions.commitAmount")}
        submitLabel={t("actions.commitSubmit")}
        writeLabel={t("actions.commit", { id })}
        testId="commit"
      />
    </>
  );
}
