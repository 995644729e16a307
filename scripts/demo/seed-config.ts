/**
 * What the demo seed (scripts/demo/seed-demo.ts) checks before it sends anything: the network answers (with
 * EXPECTED_CHAIN_ID when set), it is a local node (the seed mints the demo token and signs with the node's unlocked
 * test accounts), the deployment record is for this chain and its contracts hold code, and every demo account
 * exists and holds funds. Every refusal is a ConfigError in one sentence.
 */
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";

import { checkChainId, ConfigError, expectedChainId, LOCAL_CHAIN_IDS } from "../lib/config-checks.js";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts.js";
import { connectedChainId } from "../lib/deploy-config.js";
import { CONTRACT_NAMES, type ContractName, type DeploymentRecord } from "../lib/deployments.js";

export type SeedAddresses = Record<"token" | "registry" | "escrow" | "oracle" | "pool", string>;

const KEYS: Record<ContractName, keyof SeedAddresses> = {
  DemoStablecoin: "token",
  SupplyChainRegistry: "registry",
  RDEscrow: "escrow",
  DisruptionOracle: "oracle",
  ContingencyPool: "pool",
};

/** Checks the seed's target; returns the chain id and the stack's addresses from the record. */
export async function checkSeedTarget(
  ethers: HardhatEthers,
  networkName: string,
  record: DeploymentRecord,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ chainId: number; addresses: SeedAddresses }> {
  const chainId = await connectedChainId(ethers, networkName);
  checkChainId(`Network "${networkName}"`, chainId, expectedChainId(env));
  if (!LOCAL_CHAIN_IDS.has(chainId)) {
    throw new ConfigError(
      `Network "${networkName}" is chain ${chainId}, but the demo seed mints the demo token and uses a local node's ` +
        `test accounts; run it against a local node (--network localhost).`,
    );
  }
  if (record.chainId !== chainId) {
    throw new ConfigError(
      `deployments/${networkName}.json is for chain ${record.chainId}, but the network is chain ${chainId}; deploy again first.`,
    );
  }
  const addresses: Partial<SeedAddresses> = {};
  for (const name of CONTRACT_NAMES) {
    const address = record.contracts[name]?.address;
    if (address === undefined) {
      throw new ConfigError(
        `deployments/${networkName}.json has no ${name} (the seed needs the demo token and the whole stack); ` +
          `deploy on a local node first: npm run deploy -- --network ${networkName}.`,
      );
    }
    if ((await ethers.provider.getCode(address)) === "0x") {
      throw new ConfigError(
        `${name} has no code at ${address} (the node was restarted?); deploy again first: npm run deploy -- --network ${networkName}.`,
      );
    }
    addresses[KEYS[name]] = address;
  }
  const signers = await ethers.getSigners();
  for (const account of DEMO_ACCOUNTS) {
    const signer = signers[account.index];
    if (signer === undefined) {
      throw new ConfigError(
        `The node has ${signers.length} unlocked accounts, but the demo needs ${DEMO_ACCOUNTS.length}; ` +
          `start it with the default test accounts (npx hardhat node).`,
      );
    }
    if ((await ethers.provider.getBalance(signer.address)) === 0n) {
      throw new ConfigError(
        `The demo account ${signer.address} (${account.name.en}) holds no funds for gas; restart the node with funded test accounts.`,
      );
    }
  }
  return { chainId, addresses: addresses as SeedAddresses };
}
