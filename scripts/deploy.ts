/**
 * `npm run deploy -- --network <name>` (or `npx hardhat run scripts/deploy.ts --network <name>`).
 *
 * Deploys SupplyChainRegistry, RDEscrow, DisruptionOracle and ContingencyPool (and the DemoStablecoin on
 * local chains) wired together, then writes deployments/<network>.json and web/src/generated/deployments.ts.
 *
 * Configuration (environment or Hardhat's keystore for the secrets):
 *   RPC_URL, DEPLOYER_PRIVATE_KEY   for the `remote` network (see hardhat.config.ts)
 *   TOKEN_ADDRESS                   the stablecoin projects use (required off local chains)
 *   ORACLE_REPORTERS, ORACLE_QUORUM the reporter addresses and the quorum (required off local chains)
 *   ORACLE_GUARDIAN, ORACLE_MAX_REPORT_AGE (seconds, default 86400)
 *   PROJECT_TOKENS                  tokens projects' contingency pools may hold (comma-separated; default TOKEN_ADDRESS)
 * The deployer becomes the oracle admin and the pool's owner (its token list): hand both to a multisig afterwards
 * (oracle: grantRole + renounceRole; pool: transferOwnership, then acceptOwnership from the multisig).
 */
import { network } from "hardhat";

import { configFromEnvironment, deployAndRecord } from "./lib/deploy.js";

const connection = await network.connect();
const { ethers, networkName } = connection;
const chainId = Number((await ethers.provider.getNetwork()).chainId);
const config = await configFromEnvironment(ethers, chainId);
const { record, recordPath } = await deployAndRecord(ethers, networkName, config);

console.log(`Deployed to ${networkName} (chain ${chainId}) from block ${record.deployedAtBlock}:`);
for (const [name, entry] of Object.entries(record.contracts)) {
  console.log(`  ${name.padEnd(20)} ${entry?.address}`);
}
console.log(`Oracle: ${config.reporters.length} reporters, quorum ${config.quorum}`);
console.log(`Wrote ${recordPath} and web/src/generated/deployments.ts`);
await connection.close();
