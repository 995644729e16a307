/**
 * Which chain and contracts the indexer follows: the deployment record scripts/deploy/deploy.ts writes
 * (deployments/<network>.json, format in scripts/lib/deployments.ts) and the environment.
 *
 *   PONDER_NETWORK     the record's network name (default "localhost")
 *   DEPLOYMENTS_DIR    where the records are (default: the repository's deployments/)
 *   PONDER_RPC_URL     the chain's JSON-RPC endpoint (default http://127.0.0.1:8545)
 *   PONDER_CHAIN_ID    must equal the record's chain id when set (guards against indexing the wrong chain)
 *   DATABASE_URL       Postgres; unset: embedded PGlite in PGLITE_DIR (default: see {@link defaultPgliteDir})
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { CONTRACT_ABIS, type ContractName } from "./reducers/types";

const indexerRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The fields of scripts/lib/deployments.ts's DeploymentRecord the indexer reads. */
export interface DeploymentRecord {
  network: string;
  chainId: number;
  deployedAtBlock: number;
  /** Hash of that block: tells a restarted local chain (same block numbers, other blocks) from the old one. */
  deployedAtBlockHash?: string;
  contracts: Partial<Record<string, { address: string; deployedOnBlock: number }>>;
}

export interface IndexerSettings {
  network: string;
  chainId: number;
  rpcUrl: string;
  record: DeploymentRecord;
  recordPath: string;
}

export function settings(env: NodeJS.ProcessEnv = process.env): IndexerSettings {
  const network = env.PONDER_NETWORK ?? "localhost";
  const dir = env.DEPLOYMENTS_DIR ?? path.join(indexerRoot, "..", "deployments");
  const recordPath = path.resolve(dir, `${network}.json`);
  let record: DeploymentRecord;
  try {
    record = JSON.parse(readFileSync(recordPath, "utf8")) as DeploymentRecord;
  } catch (error) {
    throw new Error(
      `indexer: no deployment record at ${recordPath} (${(error as Error).message}). ` +
        `Deploy first (npm run deploy -- --network ${network}) or set DEPLOYMENTS_DIR / PONDER_NETWORK.`,
    );
  }
  if (env.PONDER_CHAIN_ID !== undefined && Number(env.PONDER_CHAIN_ID) !== record.chainId) {
    throw new Error(`indexer: ${recordPath} is for chain ${record.chainId}, PONDER_CHAIN_ID is ${env.PONDER_CHAIN_ID}`);
  }
  return {
    network,
    chainId: record.chainId,
    rpcUrl: env.PONDER_RPC_URL ?? "http://127.0.0.1:8545",
    record,
    recordPath,
  };
}

/** The contracts of the record that the indexer has ABIs (and reducers) for, in a fixed order. */
export function indexedContracts(record: DeploymentRecord = settings().record): ContractName[] {
  return (Object.keys(CONTRACT_ABIS) as ContractName[]).filter((name) => record.contracts[name] !== undefined);
}

/**
 * Embedded PGlite's directory for a deployment: one per chain id and deployment block hash, so an indexer started
 * against a restarted local chain (same chain id and block numbers, other blocks) begins from an empty database
 * instead of resuming the old chain's checkpoint.
 */
export function defaultPgliteDir(record: DeploymentRecord): string {
  const hash = (record.deployedAtBlockHash ?? "").replace(/^0x/, "").slice(0, 12) || "unknown";
  return path.join(".ponder", "pglite", `${record.chainId}-${hash}`);
}
