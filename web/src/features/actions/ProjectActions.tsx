"use client";
/** Actions on one project for whoever is connected: fund / commit (financiers), claim refund and withdraw
 * (their positions), review (verifier), submit evidence, pay, repay (firm). All through useWriteFlow. */
import { Section } from "@/components/ui";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useT } from "@/i18n";
import { sameAddress } from "@/lib/address";
import type { ProjectModel } from "@/lib/projects";
import { FirmProjectActions } from "./FirmProjectActions";
import { FundAndCommit } from "./FundAndCommit";
import { MilestoneReview } from "./MilestoneReview";
import { ProjectPositions } from "./ProjectPositions";

export function ProjectActions({
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
  const account = useConnectedAccount();
  if (!account) {
    return (
      <Section title={t("actions.title")} testId="project-actions">
        <p className="muted">{t("wallet.connectToAct")}</p>
      </Section>
    );
  }
  const isFirm = sameAddress(account, project.firm);
  const isVerifier = sameAddress(account, project.verifier);
  return (
    <Section title={t("actions.title")} testId="project-actions">
      {!isFirm && !isVerifier && project.status === "Active" && <FundAndCommit project={project} />}
      {!isFirm && !isVerifier && <ProjectPositions project={project} />}
      {isVerifier && <MilestoneReview project={project} />}
      {isFirm && <FirmProjectActions project={project} owed={owed} payees={payees} />}
    </Section>
  );
}
