"use client";
/**
 * The connected financier's exit from a project's pool at the chain's time: requested or not, executable from when
 * and until when, or free to leave at once (ContingencyPool.withdrawalRequest → lib/poolTerms.withdrawalState).
 */
import { useConnectedAccount } from "./useConnectedAccount";
import { useChainTime } from "./useChainTime";
import { useContractRead } from "./useContractRead";
import { withdrawalState, type WithdrawalState } from "@/lib/poolTerms";

export function useWithdrawalRequest(projectId: bigint): { state?: WithdrawalState; now?: number } {
  const account = useConnectedAccount();
  const now = useChainTime();
  const read = useContractRead({
    contract: "ContingencyPool",
    functionName: "withdrawalRequest",
    args: account ? [projectId, account] : undefined,
    enabled: !!account,
  });
  if (!read.data || now === undefined) return { now };
  const [executableAt, lapsesAt, exitsAtOnce] = read.data;
  return { state: withdrawalState({ executableAt, lapsesAt, exitsAtOnce }, now), now };
}
