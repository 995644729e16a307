/**
 * The wagmi config: the target chain (plus every chain that has a deployment), one HTTP transport each
 * (JSON-RPC batching on, so history and timestamps load in few requests), injected wallets discovered
 * through EIP-6963 plus window.ethereum, and on local chains the node's test accounts.
 * No connector that calls outside hosts (WalletConnect would need its own package and a project id:
 * deliberately not bundled).
 */
import { createConfig, http, injected, type CreateConnectorFn } from "wagmi";
import { defineChain, type Chain } from "viem";
import { hardhat } from "viem/chains";
import { appConfig, isLocalChain } from "@/config";
import { deployments } from "@/generated/deployments";
import { localAccounts } from "./localAccounts";

function chainFor(id: number): Chain {
  if (id === hardhat.id) {
    return { ...hardhat, rpcUrls: { default: { http: [appConfig.rpcUrl] } } };
  }
  return defineChain({
    id,
    name: deployments[id]?.network ?? `Chain ${id}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [id === appConfig.targetChainId ? appConfig.rpcUrl : ""] } },
  });
}

const chainIds = [...new Set([appConfig.targetChainId, ...Object.keys(deployments).map(Number)])];
export const targetChain = chainFor(appConfig.targetChainId);
export const chains = [targetChain, ...chainIds.filter((id) => id !== targetChain.id).map(chainFor)] as [
  Chain,
  ...Chain[],
];

const connectors: CreateConnectorFn[] = [injected({ shimDisconnect: true })];
if (isLocalChain(appConfig.targetChainId)) connectors.push(localAccounts({ rpcUrl: appConfig.rpcUrl }));

export const wagmiConfig = createConfig({
  chains,
  connectors,
  multiInjectedProviderDiscovery: true,
  ssr: true,
  pollingInterval: appConfig.pollingInterval,
  transports: Object.fromEntries(
    // Batches the requests of one tick (wait 0: a timer, so requests issued by every component's effects in one
    // render go together, and they go before work the indexer reads queue behind them).
    chains.map((c) => [c.id, http(c.rpcUrls.default.http[0], { batch: { batchSize: 100, wait: 0 }, retryCount: 0 })]),
  ),
});

declare module "wagmi" {
  interface Register {
    config: typeof wagmiConfig;
  }
}
