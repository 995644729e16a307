"use client";
/**
 * Whether the chain node answers: its block number, asked every 2 s (also in a background tab). One query shared
 * by the banner (ChainStatus) and the freshness line (IndexStatus: "chain at M").
 */
import { useQuery } from "@tanstack/react-query";
import { useClient } from "wagmi";
import { getBlockNumber } from "viem/actions";
import { useDeployment } from "./useDeployment";

export function useNodeHealth() {
  const { chainId } = useDeployment();
  const client = useClient({ chainId });
  return useQuery({
    queryKey: ["nodeHealth", chainId],
    queryFn: async () => (await getBlockNumber(client!, { cacheTime: 0 })).toString(),
    enabled: !!client,
    refetchInterval: 2_000,
    refetchIntervalInBackground: true,
    retry: false,
    structuralSharing: false,
  });
}
