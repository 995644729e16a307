"use client";
/**
 * The chain's time: the latest block's timestamp (Unix seconds), polled. Notice periods and due dates are decided by
 * the chain's clock, which on a local chain can run ahead of the browser's (evm_increaseTime), so views compare with
 * this, never with Date.now().
 */
import { useBlock } from "wagmi";
import { useDeployment } from "./useDeployment";

export function useChainTime(): number | undefined {
  const { chainId } = useDeployment();
  const block = useBlock({ chainId, query: { refetchInterval: 4_000 } });
  return block.data ? Number(block.data.timestamp) : undefined;
}
