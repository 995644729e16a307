/**
 * Deploys the stack to the connected network and records it: deployments/<network>.json and the web's
 * generated module. scripts/deploy.ts is the command line; tests call {@link deployAndRecord} directly.
 */
import type { HardhatEthers, HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { DEMO_ACCOUNTS } from "./demo-accounts.js";
import { deployStack, type DeployedStack } from "./deploy-stack.js";
import { writeDeployment, type DeploymentRecord } from "./deployments.js";
import { writeWebDeployments, WEB_DEPLOYMENTS_FILE } from "./web-deployments.js";

export const LOCAL_CHAIN_IDS = new Set([31337, 1337]);

export interface DeployConfig {
  /** An existing ERC-20 (production); without it the DemoStablecoin is deployed. */
  tokenAddress?: string;
  reporters: string[];
  quorum: number;
  guardian?: string;
  maxReportAge?: number;
  /** Tokens projects' contingency pools may hold (default: the project token). */
  projectTokens?: string[];
}

/** Reads the deploy configuration from the environment; on local chains the demo accounts fill the gaps. */
export async function configFromEnvironment(
  ethers: HardhatEthers,
  chainId: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DeployConfig> {
  const list = (value: string | undefined) =>
    (value ?? "")
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
  let reporters = list(env.ORACLE_REPORTERS);
  if (reporters.length === 0) {
    if (!LOCAL_CHAIN_IDS.has(chainId)) {
      throw new Error("set ORACLE_REPORTERS (comma-separated addresses) and ORACLE_QUORUM to deploy on this network");
    }
    const signers = await ethers.getSigners();
    reporters = DEMO_ACCOUNTS.filter((a) => a.role === "reporter").map((a) => signers[a.index].address);
  }
  const quorum = Number(env.ORACLE_QUORUM ?? Math.min(2, reporters.length));
  if (!LOCAL_CHAIN_IDS.has(chainId) && env.TOKEN_ADDRESS === undefined) {
    throw new Error("set TOKEN_ADDRESS to the stablecoin the projects will use (the demo token mints only locally)");
  }
  return {
    tokenAddress: env.TOKEN_ADDRESS,
    reporters,
    quorum,
    guardian: env.ORACLE_GUARDIAN,
    maxReportAge: env.ORACLE_MAX_REPORT_AGE === undefined ? undefined : Number(env.ORACLE_MAX_REPORT_AGE),
    projectTokens: env.PROJECT_TOKENS?.split(",")
      .map((a) => a.trim())
      .filter((a) => a !== ""),
  };
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
