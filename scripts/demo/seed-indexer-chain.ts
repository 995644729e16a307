/**
 * Deploys the stack to a running node and seeds the demo scenario (scripts/demo/seed-scenario.ts), then fires its
 * disruption (as the reporter service does), so every movement kind and the oracle's events are on chain.
 * Used by the indexer's integration test and benchmark. Run from the repository root:
 *
 *   tsx scripts/demo/seed-indexer-chain.ts <rpc url> <deployments dir>
 *
 * Writes <deployments dir>/localhost.json (the deployment record; the demo's deployments/ is left alone) and
 * <deployments dir>/scenario.json (the scenario summary).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { network } from "hardhat";

import { configFromEnvironment, deployAndRecord } from "../lib/deploy.js";
import { fireDisruption, scenarioStack, seedScenario, summaryReplacer } from "./seed-scenario.js";

const [rpcUrl, outDir] = process.argv.slice(2);
if (!rpcUrl || !outDir) throw new Error("usage: tsx scripts/demo/seed-indexer-chain.ts <rpc url> <deployments dir>");
mkdirSync(outDir, { recursive: true });

const connection = await network.create({ network: "localhost", override: { url: rpcUrl } });
try {
  const { ethers } = connection;
  const chainId = Number((await ethers.provider.getNetwork()).chainId);
  const config = await configFromEnvironment(ethers, chainId, {});
  const { stack } = await deployAndRecord(ethers, "localhost", config, {
    deploymentsDir: outDir,
    webModuleFile: path.join(outDir, "web-deployments.ts"),
  });
  const scenario = scenarioStack(stack);
  const summary = await seedScenario(ethers, scenario);
  await fireDisruption(ethers, scenario, summary.feed);
  writeFileSync(path.join(outDir, "scenario.json"), JSON.stringify(summary, summaryReplacer, 2));
  console.log(`seeded ${rpcUrl}: deployment record in ${outDir}`);
} finally {
  await connection.close();
}
