"use client";
/** The deployment the dashboard reads (the target chain's), its contracts' addresses and known names. */
import { useMemo } from "react";
import { useAccount } from "wagmi";
import type { Address } from "viem";
import { appConfig } from "@/config";
import { deployments, type WebDeployment as Deployment } from "@/generated/deployments";
import { useI18n } from "@/i18n";
import { abis, type ContractName } from "@/generated/abis";
import { normalizeNames, type KnownNames, type RoleLabels } from "@/lib/address";
import type { SourceContract } from "@/lib/events";

export interface DeploymentInfo {
  /** The chain the dashboard reads. */
  chainId: number;
  deployment: Deployment | undefined;
  /** The connected wallet's chain, when connected. */
  walletChainId: number | undefined;
  /** Connected to a chain other than the one the dashboard reads. */
  wrongChain: boolean;
  /** Lower-cased address → { role, name } (demo labels from the deployment). */
  names: KnownNames;
  /** Address of one of our contracts, if deployed and in this build's ABIs. */
  addressOf: (name: ContractName) => Address | undefined;
  /** Lower-cased contract address → contract name (every contract of the deployment). */
  contractByAddress: Map<string, SourceContract>;
  /** The contracts whose events make the audit trail (the token is excluded: its Transfer/Approval
   * history is not ours and, for a production stablecoin, unbounded; our movement events cover it). */
  eventSources: Map<string, SourceContract>;
}

export function deploymentFor(chainId: number): Deployment | undefined {
  return deployments[chainId];
}

export function useDeployment(): DeploymentInfo {
  const { chainId: walletChainId, isConnected } = useAccount();
  const { locale } = useI18n();
  const chainId = appConfig.targetChainId;
  return useMemo(() => {
    const deployment = deploymentFor(chainId);
    const contracts = (deployment?.contracts ?? {}) as Partial<Record<string, Address>>;
    const names = normalizeNames(locale, deployment?.roles as RoleLabels | undefined);
    const contractByAddress = new Map<string, SourceContract>();
    for (const [name, address] of Object.entries(contracts)) {
      if (address) {
        contractByAddress.set(address.toLowerCase(), name as SourceContract);
        names[address.toLowerCase()] ??= { role: "contract", name };
      }
    }
    const eventSources = new Map([...contractByAddress].filter(([, name]) => name !== "DemoStablecoin"));
    return {
      chainId,
      eventSources,
      deployment,
      walletChainId: isConnected ? walletChainId : undefined,
      wrongChain: isConnected && walletChainId !== undefined && walletChainId !== chainId,
      names,
      addressOf: (name: ContractName) => (name in abis ? contracts[name] : undefined),
      contractByAddress,
    };
  }, [chainId, walletChainId, isConnected, locale]);
}
