/**
 * `npm run deploy -- --network <name> [--dry-run]` (or `npx hardhat run scripts/deploy/deploy.ts --network <name>`).
 *
 * Deploys SupplyChainRegistry, RDEscrow, DisruptionOracle and ContingencyPool (and the DemoStablecoin on
 * local chains) wired together, then writes deployments/<network>.json and web/src/generated/deployments.ts.
 * `--dry-run` checks the configuration and prints the plan (the addresses it will create, predicted from the
 * deployer's nonce, the wiring, reporters, quorum, guardian, token, estimated gas) without sending anything.
 *
 * Configuration (environment or Hardhat's keystore for the secrets; checked before anything is sent, see
 * scripts/lib/deploy-config.ts):
 *   RPC_URL, DEPLOYER_PRIVATE_KEY   for the `remote` network (see hardhat.config.ts)
 *   TOKEN_ADDRESS                   the stablecoin projects use (required off local chains)
 *   ORACLE_REPORTERS, ORACLE_QUORUM the reporter addresses and the quorum (required off local chains)
 *   ORACLE_GUARDIAN, ORACLE_MAX_REPORT_AGE (seconds, default 86400)
 *   PROJECT_TOKENS                  tokens projects' contingency pools may hold (comma-separated; default TOKEN_ADDRESS)
 *   EXPECTED_CHAIN_ID               refuse to deploy when the network answers with another chain id
 * The deployer becomes the oracle admin and the pool's owner (its token list): hand both to a multisig afterwards
 * (oracle: grantRole + renounceRole; pool: transferOwnership, then acceptOwnership from the multisig).
 * A refusal or a failure prints one sentence and exits 1.
 */
import { parseArgs } from "node:util";
import { network } from "hardhat";

import { failureMessage } from "../lib/config-checks.js";
import { configFromEnvironment, deployAndRecord } from "../lib/deploy.js";
import { connectedChainId, planDeployment, renderPlan } from "../lib/deploy-config.js";

// Under `hardhat run` Hardhat has already taken its own options (--network, --no-compile) from this argv; under
// tsx (`npm run deploy`) they are ours. Either way --network names the network and --dry-run is ours.
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { network: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  strict: false,
  allowPositionals: true,
});
const networkOption = typeof values.network === "string" ? values.network : undefined;

let connection: Awaited<ReturnType<typeof network.create>> | undefined;
try {
  connection = await network.create(networkOption === undefined ? undefined : { network: networkOption });
  const { ethers, networkName } = connection;
  const chainId = await connectedChainId(ethers, networkName);
  const config = await configFromEnvironment(ethers, chainId);
  const plan = await planDeployment(ethers, networkName, config);
  if (values["dry-run"] === true) {
    for (const line of renderPlan(plan)) console.log(line);
  } else {
    const { record, recordPath } = await deployAndRecord(ethers, networkName, config);
    console.log(`Deployed to ${networkName} (chain ${chainId}) from block ${record.deployedAtBlock}:`);
    for (const [name, entry] of Object.entries(record.contracts)) {
      console.log(`  ${name.padEnd(20)} ${entry?.address}`);
    }
    console.log(`Oracle: ${config.reporters.length} reporters, quorum ${config.quorum}`);
    console.log(`Wrote ${recordPath} and web/src/generated/deployments.ts`);
  }
} catch (error) {
  console.error(`[deploy] ${failureMessage(error)}`);
  process.exitCode = 1;
} finally {
  await connection?.close();
}
