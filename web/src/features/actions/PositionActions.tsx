"use client";
/**
 * A financier's money that can come back, with the button that brings it: the refund claimable from a failed or
 * cancelled project's escrow, and the share withdrawable from a project's contingency pool; plus the pool
 * exposure (its part of the financing the firm still owes). Used on the financier's page and on project pages.
 */
import { Amount } from "@/components/Amount";
import { useConnectedAccount } from "@/hooks/useConnectedAccount";
import { useContractRead } from "@/hooks/useContractRead";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { useWriteFlow } from "@/hooks/useWriteFlow";
import { useT } from "@/i18n";
import { poolExposure } from "@/lib/pool";

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
 * What the connected financier can withdraw from project `projectId`'s pool, the request button (shares exit after
 * the pool's notice) and the withdraw button (the contract refuses an exit that is not due, with its date).
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
  const request = useContractRead({
    contract: "ContingencyPool",
    functionName: "withdrawalRequest",
    args: account ? [projectId, account] : undefined,
    enabled: !!account,
  });
  const [executableAt, , exitsAtOnce] = request.data ?? [0n, 0n, false];
  return (
    <span data-testid="withdrawable">
      <Amount value={withdrawable.data} token={token} />{" "}
      <button
        type="button"
        disabled={!withdrawable.data || exitsAtOnce || executableAt !== 0n || isPending}
        data-testid="pool-request-withdrawal"
        data-executable-at={executableAt.toString()}
        onClick={() =>
          void write({
            contract: "ContingencyPool",
            functionName: "requestWithdrawal",
            args: [projectId],
            label: t("actions.requestWithdrawal"),
            token: { decimals: info.decimals, symbol: info.symbol },
          })
        }
      >
        {t("actions.requestWithdrawal")}
      </button>{" "}
      <button
        type="button"
        disabled={!withdrawable.data || isPending}
        data-testid="pool-withdraw"
        onClick={() =>
          void write({
            contract: "ContingencyPool",
            functionName: "withdraw",
            args: [projectId],
            label: t("actions.withdraw"),
            token: { decimals: info.decimals, symbol: info.symbol },
          })
        }
      >
        {t("actions.withdraw")}
      </button>
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
