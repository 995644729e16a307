"use client";
/** The deployment the dashboard reads (the target chain's), its contracts' addresses and known names. */
import { useAccount } from "wagmi";
import type { Address } from "viem";
import { appConfig } from "@/config";
import { deployments, type WebDeployment as Deployment } from "@/generated/deployments";
import { useI18n } from "@/i18n";
import type { ContractName } from "@/generated/abis";
import { normalizeNames, type KnownNames, type RoleLabels } from "@/lib/address";
import { contractWords } from "@/i18n/chainWords";
import type { SourceContract } from "@/lib/events";
import type { Locale } from "@/lib/format";

export interface DeploymentInfo {
  /** The chain the dashboard reads. */
  chainId: number;
  deployment: Deployment | undefined;
  /** Lower-cased address → { role, name } (demo labels from the deployment). */
  names: KnownNames;
  /** Address of one of our contracts, if deployed and in this build's ABIs. */
  addressOf: (name: ContractName) => Address | undefined;
  /** Lower-cased contract address → contract name (every contract of the deployment). */
  contractByAddress: Map<string, SourceContract>;
}

export function deploymentFor(chainId: number): Deployment | undefined {
  return deployments[chainId];
}

/** One DeploymentInfo per language (names are localised): every component shares it, nothing subscribes. */
const infoByLocale = new Map<Locale, DeploymentInfo>();
function deploymentInfo(locale: Locale): DeploymentInfo {
  let info = infoByLocale.get(locale);
  if (!info) {
    const chainId = appConfig.targetChainId;
    const deployment = deploymentFor(chainId);
    const contracts = (deployment?.contracts ?? {}) as Partial<Record<string, Address>>;
    const names = normalizeNames(locale, deployment?.roles as RoleLabels | undefined);
    const contractByAddress = new Map<string, SourceContract>();
    for (const [name, address] of Object.entries(contracts)) {
      if (address) {
        contractByAddress.set(address.toLowerCase(), name as SourceContract);
        names[address.toLowerCase()] ??= { role: "contract", name: contractWords(name)?.[locale] ?? name };
      }
    }
    info = {
      chainId,
      deployment,
      names,
      addressOf: (name: ContractName) => contracts[name],
      contractByAddress,
    };
    infoByLocale.set(locale, info);
  }
  return info;
}

/**
 * The deployment the dashboard reads, in the current language. Static for a build: it does not subscribe to
 * the wallet (dozens of addresses and amounts on a page use it; see useWalletChain for the wallet's chain).
 */
export function useDeployment(): DeploymentInfo {
  return deploymentInfo(useI18n().locale);
}

/** The connected wallet's chain, and whether it is another than the one the dashboard reads. */
export function useWalletChain(): { walletChainId: number | undefined; wrongChain: boolean } {
  const { chainId: walletChainId, isConnected } = useAccount();
  const chainId = appConfig.targetChainId;
  return {
    walletChainId: isConnected ? walletChainId : undefined,
    wrongChain: isConnected && walletChainId !== undefined && walletChainId !== chainId,
  };
}
