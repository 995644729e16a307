"use client";
/** The connected financier's refund and pool positions in one project (shown only where it has one). */
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useContractRead } from "@/hooks/useContractRead";
import { useT } from "@/i18n";
import type { ProjectModel } from "@/lib/projects";
import { PoolExposure, PoolOverdue, PoolWithdrawal, RefundClaim } from "./PositionActions";

export function ProjectPositions({ project }: { project: ProjectModel }) {
  const t = useT();
  const account = useConnectedAccount();
  const inEscrow = useContractRead({
    contract: "RDEscrow",
    functionName: "getPosition",
    args: account ? [project.id, account] : undefined,
    enabled: !!account,
  });
  const inPool = useContractRead({
    contract: "ContingencyPool",
    functionName: "getPosition",
    args: account ? [project.id, account] : undefined,
    enabled: !!account,
  });
  const contributed = inEscrow.data?.[0] ?? 0n;
  const pooled = !!inPool.data && (inPool.data.shares > 0n || inPool.data.claimUnits > 0n);
  if (contributed === 0n && !pooled) return null;
  return (
    <div className="formRow">
      {contributed > 0n && (
        <span>
          {t("actions.claimable")}: <RefundClaim projectId={project.id} token={project.token} />
        </span>
      )}
      {pooled && (
        <>
          <span>
            {t("financier.exposure")}: <PoolExposure projectId={project.id} token={project.token} />
          </span>
          <span>
            {t("actions.withdrawable")}: <PoolWithdrawal projectId={project.id} token={project.token} />
          </span>
          <PoolOverdue projectId={project.id} token={project.token} />
        </>
      )}
    </div>
  );
}
