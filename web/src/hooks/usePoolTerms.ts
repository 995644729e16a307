"use client";
/**
 * A project's pool terms as a financier decides by them: those in force and a pending loosening with the date it
 * takes effect (ContingencyPool.poolTerms / pendingPoolTerms → lib/poolTerms), and the terms a commitment made now
 * must name.
 */
import { useContractRead } from "./useContractRead";
import { poolTermsState, termsToAccept, type PoolTerms, type PoolTermsState } from "@/lib/poolTerms";

export function usePoolTerms(projectId: bigint): {
  state?: PoolTermsState;
  /** The terms `commit` must name now; undefined while reading or when the firm has set none. */
  accept?: PoolTerms;
  isLoading: boolean;
} {
  const inForce = useContractRead({ contract: "ContingencyPool", functionName: "poolTerms", args: [projectId] });
  const pending = useContractRead({ contract: "ContingencyPool", functionName: "pendingPoolTerms", args: [projectId] });
  if (!inForce.data || !pending.data) return { isLoading: inForce.isLoading || pending.isLoading };
  const state = poolTermsState(inForce.data, pending.data[0], pending.data[1]);
  return { state, accept: termsToAccept(state), isLoading: false };
}
