/**
 * `npm test`: every test and gate of the project, in order, failing fast on none of them
 * (every step runs, so one run shows all failures), then one closing line:
 *
 *   tests: N passed, N failed
 *
 * N sums the test cases reported by each runner (mocha, Solidity tests, Playwright, ...);
 * a gate without test cases of its own (lint, type check, build) counts as one.
 * The process exits non-zero when any step failed.
 */
import { countTests, runAndCapture } from "../lib/test-runs.js";

interface Step {
  /** Shown in the summary. */
  name: string;
  /** Command line, run through the shell from the repository root. */
  command: string;
  /** Whether the step reports test cases (parsed from its output) or is a single gate. */
  reportsTests: boolean;
}

const steps: Step[] = [
  { name: "lint (solhint, prettier, tsc)", command: "npm run --silent lint", reportsTests: false },
  {
    // web/src/generated/{abis,enums}.ts and the tables of docs/EVENTS.md, regenerated in memory and compared.
    name: "generated files fresh",
    command: "hardhat build --quiet && tsx scripts/codegen/generate.ts --check",
    reportsTests: false,
  },
  {
    name: "contracts (Solidity + mocha tests, with coverage)",
    command: "tsx scripts/ci/coverage-run.ts",
    reportsTests: true,
  },
  {
    name: "coverage gate (100% of contract lines, >= 95% of branches)",
    command: "tsx scripts/ci/check-coverage.ts",
    reportsTests: false,
  },
  { name: "error gate (every custom error asserted)", command: "tsx scripts/ci/check-errors.ts", reportsTests: false },
  // The web's generated deployments module is gitignored: write it (from deployments/*.json, possibly none) first.
  {
    name: "web typecheck (tsc)",
    command: "tsx scripts/codegen/generate-web-deployments.ts && npm run --silent typecheck -w web",
    reportsTests: false,
  },
  { name: "web unit (node:test)", command: "npm run --silent test -w web", reportsTests: true },
  { name: "indexer typecheck (tsc)", command: "npm run --silent typecheck -w indexer", reportsTests: false },
  { name: "indexer unit (node:test)", command: "npm run --silent test -w indexer", reportsTests: true },
  {
    // Starts and stops its own Hardhat node (127.0.0.1:8547), PostgreSQL cluster and indexers (free ports). Like the
    // e2e step it binds ports: whoever runs `npm test` on a shared machine holds the port lock for the whole run
    // (`flock /tmp/ports.lock npm test`); taking it again here would wait on that very lock forever.
    name: "indexer integration (PGlite + PostgreSQL, node:test)",
    // The coverage step leaves instrumented artifacts (too large to deploy): build the real ones first, as the e2e does.
    command: "hardhat build --quiet --no-tests && npm run --silent test:integration -w indexer",
    reportsTests: true,
  },
  {
    // Starts and stops its own Hardhat node (127.0.0.1:8545) and production build (127.0.0.1:3000).
    name: "web e2e (Playwright, headless Chromium)",
    command: "npm run --silent test:e2e -w web",
    reportsTests: true,
  },
];

interface Outcome {
  step: Step;
  exitCode: number;
  passed: number;
  failed: number;
  /** Wall-clock seconds the step took (to see where the time of `npm test` goes). */
  seconds: number;
}

function run(step: Step): Promise<{ exitCode: number; output: string }> {
  console.log(`\n=== ${step.name}: ${step.command}`);
  return runAndCapture(step.command);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length === 0 ? steps : steps.filter((s) => only.some((o) => s.name.startsWith(o)));
  const outcomes: Outcome[] = [];
  const started = Date.now();
  for (const step of selected) {
    const stepStarted = Date.now();
    const { exitCode, output } = await run(step);
    const seconds = (Date.now() - stepStarted) / 1000;
    let { passed, failed } = step.reportsTests ? countTests(output) : { passed: 0, failed: 0 };
    if (!step.reportsTests) [passed, failed] = exitCode === 0 ? [1, 0] : [0, 1];
    // A runner that failed without reporting a failing case (crash, compile error) still counts as a failure.
    if (exitCode !== 0 && failed === 0) failed = 1;
    // A runner that "succeeded" without running anything is a failure too.
    if (step.reportsTests && exitCode === 0 && passed === 0) failed = 1;
    outcomes.push({ step, exitCode, passed, failed, seconds });
  }
  console.log("\n=== summary");
  for (const o of outcomes) {
    const status = o.exitCode === 0 && o.failed === 0 ? "ok  " : "FAIL";
    console.log(`${status} ${o.step.name}: ${o.passed} passed, ${o.failed} failed (${o.seconds.toFixed(0)} s)`);
  }
  console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const passed = outcomes.reduce((t, o) => t + o.passed, 0);
  const failed = outcomes.reduce((t, o) => t + o.failed, 0);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || outcomes.some((o) => o.exitCode !== 0) ? 1 : 0;
}

await main();
