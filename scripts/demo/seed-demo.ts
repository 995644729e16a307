/**
 * `npx hardhat run scripts/demo/seed-demo.ts --network localhost` — seeds the demo scenario on the deployed stack.
 *
 * Reads deployments/<network>.json (written by scripts/deploy/deploy.ts), attaches to the contracts, runs the scenario of
 * scripts/demo/seed-scenario.ts, and writes
 *   .demo/disruption-feed.json   the disruption for the reporter service (`tsx scripts/reporter/oracle-reporter.ts
 *                                --network localhost --feed .demo/disruption-feed.json` fires it)
 *   .demo/scenario.json          the scenario summary (ids, addresses, expected balances)
 * The seed's documents (project titles, specifications, supplier records, evidence, reasons) are published on chain
 * beside their hashes (DocumentPublished), as the dashboard publishes what its users write.
 * then prints what it built. Runs once per fresh deployment (it refuses an escrow that already has projects).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { network } from "hardhat";

import type {
  ContingencyPool,
  DemoStablecoin,
  DisruptionOracle,
  RDEscrow,
  SupplyChainRegistry,
} from "../../types/ethers-contracts/index.js";
import { MilestoneStatusNames, ProjectStatusNames, StageNames } from "../../web/src/generated/enums.js";
import { DEMO_ACCOUNTS, type DemoAccountKey } from "../lib/demo-accounts.js";
import { failureMessage } from "../lib/config-checks.js";
import { readDeployment } from "../lib/deployments.js";
import { checkSeedTarget } from "./seed-config.js";
import { formatCny, seedScenario, summaryReplacer, type ScenarioStack } from "./seed-scenario.js";

const OUT_DIR = ".demo";
const FEED_FILE = join(OUT_DIR, "disruption-feed.json");
const SUMMARY_FILE = join(OUT_DIR, "scenario.json");

// `network.create()` is Hardhat 3's name for the deprecated `network.connect()` (a new connection to --network).
const connection = await network.create();
const { ethers, networkName } = connection;

try {
  const record = readDeployment(networkName);
  // Checked before anything is sent (scripts/demo/seed-config.ts).
  const { chainId, addresses } = await checkSeedTarget(ethers, networkName, record);
  const stack: ScenarioStack = {
    token: (await ethers.getContractAt("DemoStablecoin", addresses.token)) as unknown as DemoStablecoin,
    registry: (await ethers.getContractAt("SupplyChainRegistry", addresses.registry)) as unknown as SupplyChainRegistry,
    escrow: (await ethers.getContractAt("RDEscrow", addresses.escrow)) as unknown as RDEscrow,
    oracle: (await ethers.getContractAt("DisruptionOracle", addresses.oracle)) as unknown as DisruptionOracle,
    pool: (await ethers.getContractAt("ContingencyPool", addresses.pool)) as unknown as ContingencyPool,
    addresses,
    deploymentBlock: record.deployedAtBlock,
  };

  console.log(`Seeding the demo scenario on ${networkName} (chain ${chainId})…`);
  const summary = await seedScenario(ethers, stack, { log: (line) => console.log(`  ${line}`) });

  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(FEED_FILE, JSON.stringify({ events: summary.feed }, null, 2) + "\n");
  writeFileSync(SUMMARY_FILE, JSON.stringify(summary, summaryReplacer, 2) + "\n");

  const name = (key: DemoAccountKey) => DEMO_ACCOUNTS.find((a) => a.key === key)!.name.zh;
  const statusName = (s: number) => ProjectStatusNames[s] ?? String(s);

  console.log("\nProjects (read back from the chain):");
  for (const project of Object.values(summary.projects)) {
    const view = await stack.escrow.getProject(project.id);
    const milestones = await stack.escrow.getMilestones(project.id);
    console.log(
      `  #${project.id} ${project.title.zh} / ${project.title.en} — ${name(project.firm)}, ${statusName(Number(view.status))}`,
    );
    console.log(
      `     target ${formatCny(view.target)}  funded ${formatCny(view.funded)}  disbursed ${formatCny(view.disbursed)}` +
        `  refunded ${formatCny(view.refunded)}  held ${formatCny(view.held)}`,
    );
    milestones.forEach((m, i) => {
      const planned = project.milestones[i];
      const onChain = MilestoneStatusNames[Number(m.status)];
      console.log(
        `     M${i} ${StageNames[Number(m.stage)].padEnd(8)} ${planned.state.padEnd(9)} (${onChain}) ` +
          `budget ${formatCny(m.budget)} paid ${formatCny(m.paid)} due ${new Date(Number(m.deadline) * 1000).toISOString().slice(0, 10)}` +
          `  ${planned.title.zh}`,
      );
    });
    const [poolBalance, terms] = await Promise.all([
      stack.pool.poolBalance(project.id),
      stack.pool.poolTerms(project.id),
    ]);
    if (poolBalance > 0n) {
      console.log(
        `     contingency pool ${formatCny(poolBalance)} (lends at most ${Number(terms.exposureBps) / 100}% of its ` +
          `value, ${Number(terms.disruptionBps) / 100}% per disruption; notice ${Number(terms.withdrawalNotice) / 3600} h, ` +
          `repayment term ${Number(terms.repaymentTerm) / 86_400} days)`,
      );
    }
  }

  console.log("\nCritical components:");
  for (const c of Object.values(summary.components)) {
    const current = await stack.registry.currentSupplier(c.projectId, c.id);
    const currentKey = DEMO_ACCOUNTS.find((a) => summary.accounts[a.key] === current)?.key;
    console.log(
      `  #${c.projectId}/${c.id} ${c.title.zh}: current ${currentKey ? name(currentKey) : current}; substitutes ` +
        c.substitutes.map((s) => `${name(s.supplier)} ${formatCny(s.advance)}`).join(", "),
    );
  }

  console.log("\nBalances (dCNY):");
  for (const account of DEMO_ACCOUNTS) {
    const balance = await stack.token.balanceOf(summary.accounts[account.key]);
    if (balance > 0n) console.log(`  ${formatCny(balance).padStart(18)}  ${account.name.zh} (${account.role})`);
  }
  console.log(`  ${formatCny(await stack.token.balanceOf(addresses.escrow)).padStart(18)}  RDEscrow`);
  console.log(`  ${formatCny(await stack.token.balanceOf(addresses.pool)).padStart(18)}  ContingencyPool`);

  const fire = summary.feed[0];
  console.log(`\nWrote ${FEED_FILE} (the disruption for the reporter service) and ${SUMMARY_FILE}.`);
  console.log(
    `Next: the reporter service confirms "${fire.id}" (${name(summary.disruption.supplier)}); the components it ` +
      `supplies switch to their substitutes: ` +
      summary.disruption.components.map((key) => summary.components[key].title.zh).join(", "),
  );
} catch (error) {
  console.error(`[seed] ${failureMessage(error)}`);
  process.exitCode = 1;
} finally {
  await connection.close();
}
