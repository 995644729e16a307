"use client";
/**
 * Decimals and symbol of a token (default: the deployment's demo stablecoin), read once and cached. Every
 * rendered amount asks for these, so the query key is kept small (wagmi's useReadContracts hashes its whole
 * contracts parameter, ABI included, for each of dozens of amounts on every render). It reads through viem's
 * standard `erc20Abi` (decimals and symbol are the same in ours): importing the generated module on every route
 * costs the main route about 8 KiB gzip of other contracts' errors and events.
 */
import { useQuery } from "@tanstack/react-query";
import { useConfig } from "wagmi";
import { erc20Abi } from "viem";
import { readContracts } from "wagmi/actions";
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
