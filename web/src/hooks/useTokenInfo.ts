"use client";
/** Decimals and symbol of a token (default: the deployment's demo stablecoin), read once and cached. */
import { useReadContracts } from "wagmi";
import { erc20Abi } from "viem";
import { useDeployment } from "./useDeployment";

export interface TokenInfo {
  address: `0x${string}` | undefined;
  decimals: number;
  symbol: string | undefined;
  isLoading: boolean;
}

export function useTokenInfo(token?: `0x${string}`): TokenInfo {
  const { chainId, deployment } = useDeployment();
  const address = token ?? deployment?.contracts.DemoStablecoin;
  const { data, isLoading } = useReadContracts({
    allowFailure: true,
    contracts: [
      { abi: erc20Abi, address, functionName: "decimals", chainId },
      { abi: erc20Abi, address, functionName: "symbol", chainId },
    ],
    query: { enabled: !!address, staleTime: Infinity, gcTime: Infinity },
  });
  const decimals = data?.[0]?.status === "success" ? Number(data[0].result) : 18;
  const symbol = data?.[1]?.status === "success" ? String(data[1].result) : undefined;
  return { address, decimals, symbol, isLoading };
}
