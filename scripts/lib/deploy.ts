/**
 * Deploys the stack to the connected network and records it: deployments/<network>.json and the web's
 * generated module. scripts/deploy/deploy.ts is the command line; tests call {@link deployAndRecord} directly.
 */
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { LOCAL_CHAIN_IDS } from "./config-checks.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";
import { localReporters, readDeployConfig, type DeployConfig } from "./deploy-config.js";
import { deployStack, type DeployedStack } from "./deploy-stack.js";
import { writeDeployment, type DeploymentRecord } from "./deployments.js";
import { writeWebDeployments, WEB_DEPLOYMENTS_FILE } from "./web-deployments.js";

export { LOCAL_CHAIN_IDS } from "./config-checks.js";
export type { DeployConfig } from "./deploy-config.js";

/**
 * Reads the deploy configuration from the environment (checked: scripts/lib/deploy-config.ts); on local chains
 * the demo accounts fill the gaps. Throws a ConfigError naming the variable that is wrong.
 */
export async function configFromEnvironment(
  ethers: HardhatEthers,
  chainId: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DeployConfig> {
  return readDeployConfig(env, chainId, LOCAL_CHAIN_IDS.has(chainId) ? await localReporters(ethers) : []);
}

export interface DeployResult {
  stack: DeployedStack;
  record: DeploymentRecord;
  recordPath: string;
}

export async function deployAndRecord(
  ethers: HardhatEthers,
  networkName: string,
  config: DeployConfig,
  options: { deploymentsDir?: string; webModuleFile?: string; deployer?: HardhatEthersSigner } = {},
): Promise<DeployResult> {
  const deploymentsDir = options.deploymentsDir ?? "deployments";
  const chainId = Number((await ethers.provider.getNetwork()).chainId);
  const stack = await deployStack(ethers, {
    deployer: options.deployer,
    tokenAddress: config.tokenAddress,
    reporters: config.reporters,
    quorum: config.quorum,
    guardian: config.guardian,
    maxReportAge: config.maxReportAge,
    projectTokens: config.projectTokens,
  });
  const block = await ethers.provider.getBlock(stack.deploymentBlock);
  const entry = (address: string, deployedOnBlock: number) => ({ address, deployedOnBlock });
  const record: DeploymentRecord = {
    network: networkName,
    chainId,
    deployer: stack.deployer,
    deployedAtBlock: stack.deploymentBlock,
    deployedAtBlockHash: block?.hash ?? "",
    contracts: {
      ...(config.tokenAddress === undefined
        ? { DemoStablecoin: entry(stack.addresses.token, stack.deployedOnBlock.token) }
        : {}),
      SupplyChainRegistry: entry(stack.addresses.registry, stack.deployedOnBlock.registry),
      RDEscrow: entry(stack.addresses.escrow, stack.deployedOnBlock.escrow),
      DisruptionOracle: entry(stack.addresses.oracle, stack.deployedOnBlock.oracle),
      ContingencyPool: entry(stack.addresses.pool, stack.deployedOnBlock.pool),
    },
  };
  if (LOCAL_CHAIN_IDS.has(chainId)) {
    const signers = await ethers.getSigners();
    record.roles = Object.fromEntries(
      DEMO_ACCOUNTS.filter((a) => a.index < signers.length).map((a) => [
        signers[a.index].address,
        { role: a.role, name: a.name },
      ]),
    );
  }
  const recordPath = writeDeployment(networkName, record, deploymentsDir);
  writeWebDeployments(deploymentsDir, options.webModuleFile ?? WEB_DEPLOYMENTS_FILE);
  return { stack, record, recordPath };
}
