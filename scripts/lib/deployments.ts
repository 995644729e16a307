/**
 * The deployment record the deploy script writes to deployments/<network>.json, its writer and its reader.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const CONTRACT_NAMES = [
  "DemoStablecoin",
  "SupplyChainRegistry",
  "RDEscrow",
  "DisruptionOracle",
  "ContingencyPool",
] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];

export interface DemoRole {
  role: string;
  name: { zh: string; en: string };
}

export interface DeploymentRecord {
  network: string;
  chainId: number;
  deployer: string;
  /** Block of the first deployment transaction: log scans start here. */
  deployedAtBlock: number;
  /** Hash of that block: lets readers detect a restarted local chain that reused the block number. */
  deployedAtBlockHash: string;
  contracts: Partial<Record<ContractName, { address: string; deployedOnBlock: number }>>;
  /** Demo labels for known addresses (local networks only). */
  roles?: Record<string, DemoRole>;
}

export function deploymentPath(networkName: string, dir = "deployments"): string {
  return join(dir, `${networkName}.json`);
}

/** Writes `record` to deployments/<network>.json (creating the directory); returns the path. */
export function writeDeployment(networkName: string, record: DeploymentRecord, dir = "deployments"): string {
  mkdirSync(dir, { recursive: true });
  const path = deploymentPath(networkName, dir);
  writeFileSync(path, JSON.stringify(record, null, 2) + "\n");
  return path;
}

export function readDeployment(networkName: string, dir = "deployments"): DeploymentRecord {
  const path = deploymentPath(networkName, dir);
  if (!existsSync(path)) {
    throw new Error(
      `No deployment for network "${networkName}" (${path}). Deploy first: npm run deploy -- --network ${networkName}`,
    );
  }
  return JSON.parse(readFileSync(path, "utf8")) as DeploymentRecord;
}

export function contractAddress(record: DeploymentRecord, name: ContractName): string {
  const entry = record.contracts[name];
  if (entry === undefined) throw new Error(`${name} is not in the ${record.network} deployment`);
  return entry.address;
}
