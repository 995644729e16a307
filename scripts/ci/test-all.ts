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
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { countTests, runAndCapture } from "../lib/test-runs.js";

interface Step {
  /** Shown in the summary. */
  name: string;
  /** Command line, run through the shell from the repository root. */
  command: string;
  /** Whether the step reports test cases (parsed from its output) or is a single gate. */
  reportsTests: boolean;
}

const lint: Step = { name: "lint (solhint, prettier, tsc)", command: "npm run --silent lint", reportsTests: false };
const generatedFresh: Step = {
  // web/src/generated/{abis,enums}.ts and the tables of docs/EVENTS.md, regenerated in memory and compared.
  name: "generated files fresh",
  command: "hardhat build --quiet && tsx scripts/codegen/generate.ts --check",
  reportsTests: false,
};
const contracts: Step = {
  name: "contracts (Solidity + mocha tests, with coverage)",
  command: "tsx scripts/ci/coverage-run.ts",
  reportsTests: true,
};
const invariants: Step = {
  // The stateful suite against the real (not instrumented) artifacts; see WITHOUT_COVERAGE in scripts/ci/coverage-run.ts.
  name: "contract invariants (stateful mocha suite)",
  command: "hardhat test mocha test/invariants/stateful.test.ts",
  reportsTests: true,
};
const coverageGate: Step = {
  name: "coverage gate (100% of contract lines, >= 95% of branches)",
  command: "tsx scripts/ci/check-coverage.ts",
  reportsTests: false,
};
const errorGate: Step = {
  name: "error gate (every custom error asserted)",
  command: "tsx scripts/ci/check-errors.ts",
  reportsTests: false,
};
const webTypecheck: Step = {
  // The web's generated deployments module is gitignored: write it (from deployments/*.json, possibly none) first.
  // Also the route types `next build` checks (`next typegen`): the build itself does not type-check again.
  name: "web typecheck (next typegen, tsc)",
  command: "tsx scripts/codegen/generate-web-deployments.ts && npm run --silent typecheck -w web",
  reportsTests: false,
};
const webUnit: Step = { name: "web unit (node:test)", command: "npm run --silent test -w web", reportsTests: true };
const indexerTypecheck: Step = {
  name: "indexer typecheck (tsc)",
  command: "npm run --silent typecheck -w indexer",
  reportsTests: false,
};
const indexerUnit: Step = {
  name: "indexer unit (node:test)",
  command: "npm run --silent test -w indexer",
  reportsTests: true,
};
const indexerIntegration: Step = {
  // Starts and stops its own Hardhat node (127.0.0.1:8547), PostgreSQL cluster and indexers (free ports). Like the
  // e2e step it binds ports: whoever runs `npm test` on a shared machine holds the port lock for the whole run
  // (`flock /tmp/ports.lock npm test`); taking it again here would wait on that very lock forever.
  name: "indexer integration (PGlite + PostgreSQL, node:test)",
  // Deploys the real artifacts (a no-op build when they are fresh; the coverage step's instrumented ones, too large
  // to deploy, live in artifacts-coverage/).
  command: "hardhat build --quiet --no-tests && npm run --silent test:integration -w indexer",
  reportsTests: true,
};
const webE2e: Step = {
  // Starts and stops its own Hardhat node (127.0.0.1:8545) and production build (127.0.0.1:3000).
  name: "web e2e (Playwright, headless Chromium)",
  command: "npm run --silent test:e2e -w web",
  reportsTests: true,
};

const build: Step = {
  // The real artifacts, once: every later `hardhat build` of the lanes (lint, generated files, indexer integration)
  // is then a no-op, and the tests that read artifacts/ (codegen, storage layout) find them.
  name: "build (contracts)",
  command: "hardhat build --quiet",
  reportsTests: false,
};

/** Steps one after the other. */
type Lane = Step[];

/**
 * The run, phase after phase; the lanes of a phase run at the same time (Node is mostly single-threaded: two lanes
 * keep both cores busy). The order matters:
 * - the e2e deploy writes web/src/generated/deployments.ts, which the web type check also writes: the type check
 *   runs before, never beside it; beside it run the build, the lint and the generated-files check, which read
 *   neither that module nor web/.next (each tsc checks its own files: the root one scripts/ and test/, the web one web/);
 * - only the first lane binds ports; the steps beside it read sources only.
 */
const phases: Lane[][] = [
  [[build, lint, generatedFresh], [webTypecheck]],
  [
    [indexerIntegration, webE2e],
    [webUnit, indexerTypecheck, indexerUnit, errorGate, invariants],
  ],
];

/**
 * The contract tests under coverage, the longest step (one Hardhat process per test file), run beside all the
 * phases, from the moment the build is done: their instrumented build goes to artifacts-coverage/
 * (hardhat.coverage.config.ts), so the real artifacts/ the deploying steps use stay as they are. Most steps of the
 * phases (indexer integration, e2e) wait on processes more than they compute, which leaves a core for this lane.
 */
const alongside: Lane = [contracts, coverageGate];

/** Every step, in the order of the summary. */
const steps: Step[] = [...phases.flat(2), ...alongside];

interface Outcome {
  step: Step;
  exitCode: number;
  passed: number;
  failed: number;
  /** Wall-clock seconds the step took (to see where the time of `npm test` goes). */
  seconds: number;
  /** CPU seconds (user + system) of the step's process tree: unlike wall time, not inflated by a loaded machine. */
  cpuSeconds: number;
}

/** Parses one `1m2.345s` field of bash's `times`. */
function timesField(field: string): number {
  const m = /^(\d+)m([\d.]+)s$/.exec(field);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/**
 * Runs one step. A step whose output streams live (the first lane of a phase) prints as it goes; the others print
 * their whole output when they finish, so that the output of lanes running at the same time does not interleave.
 */
async function run(step: Step, live: boolean): Promise<{ exitCode: number; output: string; cpuSeconds: number }> {
  const header = `\n=== ${step.name}: ${step.command}`;
  if (live) console.log(header);
  // bash's `times` prints the user and system time of the shell's (waited-for) children, i.e. the step's process tree.
  const dir = mkdtempSync(join(tmpdir(), "test-all-"));
  const timesFile = join(dir, "times");
  const wrapped = `bash -c ${shellQuote(`${step.command}\nrc=$?; times > ${timesFile}; exit $rc`)}`;
  const result = await runAndCapture(wrapped, live);
  let cpuSeconds = 0;
  try {
    const children = readFileSync(timesFile, "utf8").trim().split("\n")[1]?.split(/\s+/) ?? [];
    cpuSeconds = children.reduce((t, f) => t + timesField(f), 0);
  } catch {
    // The step was killed before `times` ran: no CPU figure.
  }
  rmSync(dir, { recursive: true, force: true });
  if (!live) process.stdout.write(`${header}\n${result.output}`);
  return { ...result, cpuSeconds };
}

/** Quotes `text` as one POSIX shell word. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = (step: Step) => only.length === 0 || only.some((o) => step.name.startsWith(o));
  const outcomes = new Map<Step, Outcome>();
  let buildDone = () => {};
  const built = new Promise<void>((resolve) => (buildDone = resolve));
  if (!selected(build)) buildDone();
  const runLane = async (lane: Lane, live: boolean) => {
    for (const step of lane.filter(selected)) {
      const stepStarted = Date.now();
      const { exitCode, output, cpuSeconds } = await run(step, live);
      const seconds = (Date.now() - stepStarted) / 1000;
      let { passed, failed } = step.reportsTests ? countTests(output) : { passed: 0, failed: 0 };
      if (!step.reportsTests) [passed, failed] = exitCode === 0 ? [1, 0] : [0, 1];
      // A runner that failed without reporting a failing case (crash, compile error) still counts as a failure.
      if (exitCode !== 0 && failed === 0) failed = 1;
      // A runner that "succeeded" without running anything is a failure too.
      if (step.reportsTests && exitCode === 0 && passed === 0) failed = 1;
      outcomes.set(step, { step, exitCode, passed, failed, seconds, cpuSeconds });
      if (step === build) buildDone();
    }
  };
  const started = Date.now();
  const phased = (async () => {
    for (const lanes of phases) await Promise.all(lanes.map((lane, index) => runLane(lane, index === 0)));
  })();
  await Promise.all([phased, built.then(() => runLane(alongside, false))]);
  const ran = steps.flatMap((step) => outcomes.get(step) ?? []);
  console.log("\n=== summary");
  for (const o of ran) {
    const status = o.exitCode === 0 && o.failed === 0 ? "ok  " : "FAIL";
    const times = `${o.seconds.toFixed(0)} s, CPU ${o.cpuSeconds.toFixed(0)} s`;
    console.log(`${status} ${o.step.name}: ${o.passed} passed, ${o.failed} failed (${times})`);
  }
  const cpu = ran.reduce((t, o) => t + o.cpuSeconds, 0);
  console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s (CPU ${cpu.toFixed(0)} s)`);
  const passed = ran.reduce((t, o) => t + o.passed, 0);
  const failed = ran.reduce((t, o) => t + o.failed, 0);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || ran.some((o) => o.exitCode !== 0) ? 1 : 0;
}

await main();
