/**
 * The indexer's chain, contracts and database. Everything comes from the deployment record and the environment
 * (src/deployment.ts): the same code indexes the local demo chain into embedded PGlite and a consortium chain or
 * an L2 into Postgres (DATABASE_URL). See README.md.
 */
import { createConfig } from "ponder";
import type { Abi } from "viem";

import { defaultPgliteDir, indexedContracts, settings } from "./src/deployment";
import { CONTRACT_ABIS } from "./src/reducers/types";

const LOCAL_CHAIN_IDS = new Set([31337, 1337]);

const { chainId, rpcUrl, record } = settings();
const local = LOCAL_CHAIN_IDS.has(chainId);

const contracts = Object.fromEntries(
  indexedContracts(record).map((name) => {
    const entry = record.contracts[name]!;
    return [
      name,
      {
        abi: CONTRACT_ABIS[name] as Abi,
        chain: "chain",
        address: entry.address as `0x${string}`,
        startBlock: entry.deployedOnBlock ?? record.deployedAtBlock,
      },
    ];
  }),
);

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.PGLITE_DIR || defaultPgliteDir(record) },
  chains: {
    chain: {
      id: chainId,
      rpc: rpcUrl,
      // A local node restarts with the same chain id and new blocks: never reuse cached RPC answers there.
      disableCache: local,
      pollingInterval: local ? 200 : 1_000,
      // Hardhat and Anvil answer as fast as they can; a public or consortium RPC keeps Ponder's default pacing.
      ...(local ? { maxRequestsPerSecond: 10_000 } : {}),
    },
  },
  contracts,
});
