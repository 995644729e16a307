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
import { spawn } from "node:child_process";

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
    name: "contracts (Solidity + mocha tests, with coverage)",
    command: "tsx scripts/coverage-run.ts",
    reportsTests: true,
  },
  { name: "coverage gate (100% of contract lines)", command: "tsx scripts/check-coverage.ts", reportsTests: false },
  { name: "error gate (every custom error asserted)", command: "tsx scripts/check-errors.ts", reportsTests: false },
  // The web's generated deployments module is gitignored: write it (from deployments/*.json, possibly none) first.
  {
    name: "web typecheck (tsc)",
    command: "tsx scripts/generate-web-deployments.ts && npm run --silent typecheck -w web",
    reportsTests: false,
  },
  { name: "web unit (node:test)", command: "npm run --silent test -w web", reportsTests: true },
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
}

function run(step: Step): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    console.log(`\n=== ${step.name}: ${step.command}`);
    const child = spawn(step.command, { shell: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const forward = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on("data", forward(process.stdout));
    child.stderr.on("data", forward(process.stderr));
    child.on("close", (code) => resolve({ exitCode: code ?? 1, output }));
  });
}

/**
 * Sums the counts that mocha-style reporters (mocha, Hardhat's Solidity runner), node:test's spec reporter
 * and Playwright print.
 */
export function countTests(output: string): { passed: number; failed: number } {
  // Strip ANSI colours before matching.
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\u001b\[[0-9;]*m/g, "");
  const sum = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((total, m) => total + Number(m[1]), 0);
  // Our own runners (scripts/coverage-run.ts, ...) close with "<what>: N passed, N failed".
  const own = [...text.matchAll(/^[a-z -]+: (\d+) passed, (\d+) failed$/gm)];
  if (own.length > 0) {
    return {
      passed: own.reduce((t, m) => t + Number(m[1]), 0),
      failed: own.reduce((t, m) => t + Number(m[2]), 0),
    };
  }
  // `hardhat test` runs several runners and closes with its own totals: "N passing (a solidity, b mocha)".
  const combined = /^(\d+) passing \(\d+ solidity, \d+ mocha\)/m.exec(text);
  if (combined) {
    const combinedFailing = /^(\d+) failing \(\d+ solidity, \d+ mocha\)/m.exec(text);
    return { passed: Number(combined[1]), failed: combinedFailing ? Number(combinedFailing[1]) : 0 };
  }
  // node:test (`tsx --test`, spec reporter) closes with "ℹ tests N", "ℹ pass N", "ℹ fail N", ... lines.
  if (/^ℹ tests \d+$/m.test(text)) {
    return { passed: sum(/^ℹ pass (\d+)$/gm), failed: sum(/^ℹ fail (\d+)$/gm) + sum(/^ℹ cancelled (\d+)$/gm) };
  }
  // mocha ("N passing", "N failing") and Playwright's list reporter ("N passed", "N failed").
  return {
    passed: sum(/^\s*(\d+) (?:passing|passed)\b/gm),
    failed: sum(/^\s*(\d+) (?:failing|failed)\b/gm),
  };
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const selected = only.length === 0 ? steps : steps.filter((s) => only.some((o) => s.name.startsWith(o)));
  const outcomes: Outcome[] = [];
  for (const step of selected) {
    const { exitCode, output } = await run(step);
    let { passed, failed } = step.reportsTests ? countTests(output) : { passed: 0, failed: 0 };
    if (!step.reportsTests) [passed, failed] = exitCode === 0 ? [1, 0] : [0, 1];
    // A runner that failed without reporting a failing case (crash, compile error) still counts as a failure.
    if (exitCode !== 0 && failed === 0) failed = 1;
    // A runner that "succeeded" without running anything is a failure too.
    if (step.reportsTests && exitCode === 0 && passed === 0) failed = 1;
    outcomes.push({ step, exitCode, passed, failed });
  }
  console.log("\n=== summary");
  for (const o of outcomes) {
    const status = o.exitCode === 0 && o.failed === 0 ? "ok  " : "FAIL";
    console.log(`${status} ${o.step.name}: ${o.passed} passed, ${o.failed} failed`);
  }
  const passed = outcomes.reduce((t, o) => t + o.passed, 0);
  const failed = outcomes.reduce((t, o) => t + o.failed, 0);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || outcomes.some((o) => o.exitCode !== 0) ? 1 : 0;
}

await main();
