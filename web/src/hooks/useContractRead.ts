"use client";
/**
 * Typed reads of our contracts: the contract name, function name, args and result type are checked
 * against the generated ABIs (a contract not yet in abis.ts is a type error, not a runtime surprise).
 */
import { useReadContract, useReadContracts } from "wagmi";
import type { Abi, ContractFunctionArgs, ContractFunctionName, ContractFunctionReturnType } from "viem";
import { abis, type ContractName } from "@/generated/abis";
import { useDeployment } from "./useDeployment";

type AbiOf<C extends ContractName> = (typeof abis)[C];
type ReadName<C extends ContractName> = ContractFunctionName<AbiOf<C>, "pure" | "view">;
type ReadArgs<C extends ContractName, F extends ReadName<C>> = ContractFunctionArgs<AbiOf<C>, "pure" | "view", F>;
export type ReadResult<C extends ContractName, F extends ReadName<C>> = ContractFunctionReturnType<
  AbiOf<C>,
  "pure" | "view",
  F
>;

export function useContractRead<C extends ContractName, F extends ReadName<C>>(params: {
  contract: C;
  functionName: F;
  args?: ReadArgs<C, F>;
  enabled?: boolean;
  /** Read from this address instead of the deployment's (e.g. the project's token). */
  address?: `0x${string}`;
}) {
  const { chainId, addressOf } = useDeployment();
  const address = params.address ?? addressOf(params.contract);
  const result = useReadContract({
    abi: abis[params.contract] as Abi,
    address,
    functionName: params.functionName as string,
    args: params.args as readonly unknown[] | undefined,
    chainId,
    query: { enabled: !!address && params.enabled !== false },
  });
  return { ...result, data: result.data as ReadResult<C, F> | undefined };
}

/** Many reads of one contract in one multicall-free batch (the local node has no Multicall3). */
export function useContractReads<C extends ContractName, F extends ReadName<C>>(params: {
  contract: C;
  functionName: F;
  argsList: readonly ReadArgs<C, F>[];
  enabled?: boolean;
}) {
  const { chainId, addressOf } = useDeployment();
  const address = addressOf(params.contract);
  const result = useReadContracts({
    allowFailure: true,
    contracts: params.argsList.map((args) => ({
      abi: abis[params.contract] as Abi,
      address,
      functionName: params.functionName as string,
      args: args as readonly unknown[],
      chainId,
    })),
    query: { enabled: !!address && params.enabled !== false && params.argsList.length > 0 },
  });
  return {
    ...result,
    data: result.data?.map((r) => (r.status === "success" ? (r.result as ReadResult<C, F>) : undefined)),
  };
}
