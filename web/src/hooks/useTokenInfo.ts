"use client";
/**
 * Decimals and symbol of a token (default: the deployment's demo stablecoin), read once and cached. Every
 * rendered amount asks for these, so the query key is kept small (wagmi's useReadContracts hashes its whole
 * contracts parameter, ABI included, for each of dozens of amounts on every render).
 */
import { useQuery } from "@tanstack/react-query";
import { useConfig } from "wagmi";
import { readContracts } from "wagmi/actions";
import { erc20Abi } from "@/generated/abis";
import { useDeployment } from "./useDeployment";

export interface TokenInfo {
  address: `0x${string}` | undefined;
  decimals: number;
  symbol: string | undefined;
  isLoading: boolean;
}

export function useTokenInfo(token?: `0x${string}`): TokenInfo {
  const config = useConfig();
  const { chainId, deployment } = useDeployment();
  const address = token ?? deployment?.contracts.DemoStablecoin;
  const { data, isLoading } = useQuery({
    queryKey: ["tokenInfo", chainId, address],
    enabled: !!address,
    staleTime: Infinity,
    gcTime: Infinity,
    queryFn: async () => {
      const [decimals, symbol] = await readContracts(config, {
        allowFailure: true,
        contracts: [
          { abi: erc20Abi, address: address!, functionName: "decimals", chainId },
          { abi: erc20Abi, address: address!, functionName: "symbol", chainId },
        ],
      });
      return {
        decimals: decimals.status === "success" ? Number(decimals.result) : 18,
        symbol: symbol.status === "success" ? String(symbol.result) : undefined,
      };
    },
  });
  return { address, decimals: data?.decimals ?? 18, symbol: data?.symbol, isLoading };
}
