"use client";
/**
 * A financier's money that can come back, with the button that brings it: the refund claimable from a failed or
 * cancelled project's escrow, and the share withdrawable from a project's contingency pool (by request, after the
 * pool's notice); plus the pool exposure (its part of the financing the firm still owes) and overdue financing. Used
 * on the financier's page and on project pages.
 */
import { Amount } from "@/components/Amount";
import { Badge } from "@/components/ui";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useContractRead } from "@/hooks/useContractRead";
import { useWithdrawalRequest } from "@/hooks/useWithdrawalRequest";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { formatTimestamp } from "@/lib/format";
import { poolExposure } from "@/lib/pool";
import { mayWithdraw } from "@/lib/poolTerms";

type Hex = `0x${string}`;

/** The refund claimable from project `projectId`'s escrow, and the claim button (disabled when nothing is due). */
export function RefundClaim({ projectId, token }: { projectId: bigint; token?: Hex }) {
  const t = useT();
  const account = useConnectedAccount();
  const info = useTokenInfo(token);
  const { write, isPending } = useWriteFlow();
  const position = useContractRead({
    contract: "RDEscrow",
    functionName: "getPosition",
    args: account ? [projectId, account] : undefined,
    enabled: !!account,
  });
  const [, claimable, claimed] = position.data ?? [];
  return (
    <span data-testid="claimable">
      <Amount value={claimable} token={token} />{" "}
      <button
        type="button"
        disabled={!claimable || claimed || isPending}
        data-testid="claim-refund"
        onClick={() =>
          void write({
            contract: "RDEscrow",
            functionName: "claimRefund",
            args: [projectId],
            label: t("actions.claimRefund"),
            token: { decimals: info.decimals, symbol: info.symbol },
          })
        }
      >
        {t("actions.claimRefund")}
      </button>
    </span>
  );
}

/**
 * The connected financier's exit from project `projectId`'s pool: what it would receive, then by request — Request
 * withdrawal, the date it becomes executable (chain time), Withdraw once due (within the pool's window), or at once
 * when the project is closed or the terms lend nothing. A position with only a claim on repayments withdraws any time.
 */
export function PoolWithdrawal({ projectId, token }: { projectId: bigint; token?: Hex }) {
  const t = useT();
  const account = useConnectedAccount();
  const info = useTokenInfo(token);
  const { write, isPending } = useWriteFlow();
  const withdrawable = useContractRead({
    contract: "ContingencyPool",
    functionName: "withdrawable",
    args: account ? [projectId, account] : undefined,
    enabled: !!account,
  });
  const position = useContractRead({
    contract: "ContingencyPool",
    functionName: "getPosition",
    args: account ? [projectId, account] : undefined,
    enabled: !!account,
  });
  const { state } = useWithdrawalRequest(projectId);
  const hasShares = (position.data?.shares ?? 0n) > 0n;
  const canWithdraw = !!withdrawable.data && (!hasShares || (!!state && mayWithdraw(state)));
  const canRequest = hasShares && !!state && (state.kind === "none" || state.kind === "lapsed");
  const tokenUnits = { decimals: info.decimals, symbol: info.symbol };
  return (
    <span data-testid="withdrawable" data-state={hasShares ? (state?.kind ?? "") : "claimOnly"}>
      <Amount value={withdrawable.data} token={token} />{" "}
      {canRequest && (
        <button
          type="button"
          disabled={isPending}
          data-testid="pool-request-withdrawal"
          onClick={() =>
            void write({
              contract: "ContingencyPool",
              functionName: "requestWithdrawal",
              args: [projectId],
              label: t("withdraw.request"),
              token: tokenUnits,
            })
          }
        >
          {t(state?.kind === "lapsed" ? "withdraw.requestAgain" : "withdraw.request")}
        </button>
      )}
      {hasShares && state?.kind === "waiting" && (
        <span className="muted" data-testid="pool-withdrawal-due" data-executable-at={state.executableAt}>
          {t("withdraw.dueFrom", { date: formatTimestamp(state.executableAt) })}
        </span>
      )}
      {(canWithdraw || !canRequest) && (
        <button
          type="button"
          disabled={!canWithdraw || isPending}
          data-testid="pool-withdraw"
          onClick={() =>
            void write({
              contract: "ContingencyPool",
              functionName: "withdraw",
              args: [projectId],
              label: t("actions.withdraw"),
              token: tokenUnits,
            })
          }
        >
          {t("actions.withdraw")}
        </button>
      )}
      {hasShares && state?.kind === "executable" && state.lapsesAt > 0 && (
        <div className="muted" data-testid="pool-withdrawal-window">
          {t("withdraw.until", { date: formatTimestamp(state.lapsesAt) })}
        </div>
      )}
      {hasShares && state?.kind === "atOnce" && <div className="muted">{t("withdraw.atOnce")}</div>}
    </span>
  );
}

/** Financing of project `projectId`'s pool past its due date: flagged, with the amount (0 shows nothing). */
export function PoolOverdue({ projectId, token }: { projectId: bigint; token?: Hex }) {
  const t = useT();
  const overdue = useContractRead({ contract: "ContingencyPool", functionName: "overdueFinancing", args: [projectId] });
  if (!overdue.data) return null;
  return (
    <span data-testid="pool-overdue" data-amount={String(overdue.data)}>
      <Badge tone="negative">{t("withdraw.overdue")}</Badge> <Amount value={overdue.data} token={token} />
    </span>
  );
}

/** The connected financier's part of the financing the firm still owes project `projectId`'s pool. */
export function PoolExposure({ projectId, token }: { projectId: bigint; token?: Hex }) {
  const account = useConnectedAccount();
  const pool = useContractRead({ contract: "ContingencyPool", functionName: "getPool", args: [projectId] });
  const position = useContractRead({
    contract: "ContingencyPool",
    functionName: "getPosition",
    args: account ? [projectId, account] : undefined,
    enabled: !!account,
  });
  const exposure = pool.data && position.data ? poolExposure(pool.data, position.data) : undefined;
  return (
    <span data-testid="exposure">
      <Amount value={exposure} token={token} />
    </span>
  );
}
