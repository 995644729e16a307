/**
 * `npm run bench` — the gas benchmark (not a test).
 *
 * Measures the baseline (a plain OpenZeppelin ERC-20 `transfer` to an address that already holds tokens), then
 * runs every measurement module on the same in-process chain, prints name / gas / ratio / target / ok, and writes
 * bench/gas.json:
 *
 *   { "baseline": { "erc20Transfer": <gas> }, "operations": { "<name>": { "gas": <gas>, "ratio": <gas / baseline> } } }
 *
 * Every figure is a whole transaction's receipt `gasUsed`. Exits non-zero when a target is missed.
 * To add a module, add its path to MODULES (its default export is a {@link GasModule}).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { network } from "hardhat";

import { gasOf, type GasContext, type GasModule } from "./types.js";

const MODULES: readonly string[] = ["./escrow-gas.js", "./supply-chain-gas.js"];

async function measureBaseline(ctx: GasContext): Promise<bigint> {
  const [owner, holder, recipient] = await ctx.ethers.getSigners();
  const token = await ctx.ethers.deployContract("DemoStablecoin", ["Baseline", "BASE", owner.address]);
  await token.mint(holder.address, 1_000_000n);
  await token.mint(recipient.address, 1n);
  return gasOf(token.connect(holder).transfer(recipient.address, 1_000n));
}

function ratio(gas: bigint, baseline: bigint): number {
  return Math.round((Number(gas) / Number(baseline)) * 1000) / 1000;
}

async function main(): Promise<void> {
  const ctx = await network.getOrCreate();
  const baseline = await measureBaseline(ctx);

  const operations: Record<string, { gas: number; ratio: number }> = {};
  const rows: string[][] = [["operation", "gas", "ratio", "target", "ok"]];
  rows.push(["erc20Transfer (baseline)", baseline.toString(), "1.000", "", ""]);
  let missed = 0;
  for (const path of MODULES) {
    const module = ((await import(path)) as { default: GasModule }).default;
    const measured = await module.measure(ctx);
    for (const [name, gas] of Object.entries(measured)) {
      const r = ratio(gas, baseline);
      const target = module.targets[name];
      const ok = target === undefined ? "" : r <= target ? "yes" : "NO";
      if (ok === "NO") missed++;
      operations[name] = { gas: Number(gas), ratio: r };
      rows.push([name, gas.toString(), r.toFixed(3), target === undefined ? "report" : `<= ${target}`, ok]);
    }
  }

  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));

  mkdirSync("bench", { recursive: true });
  writeFileSync("bench/gas.json", `${JSON.stringify({ baseline: { erc20Transfer: Number(baseline) }, operations }, null, 2)}\n`);
  console.log(`\nwrote bench/gas.json${missed === 0 ? "" : ` — ${missed} target(s) missed`}`);
  if (missed !== 0) process.exitCode = 1;
}

await main();
