/**
 * Runs every contract test with coverage and merges the reports into coverage/lcov.info.
 *
 * Why not one `hardhat test --coverage`: with Hardhat 3.18 a single run over all our mocha files loses
 * line hits (lines that a file demonstrably executes show as uncovered when many files share the run; the
 * same file alone reports them). Running each test file in its own `hardhat test` process and taking, per
 * line, the sum of the hits is exact, costs only the process start-ups (the build is cached), and runs
 * every test exactly once.
 *
 * Each run also leaves Hardhat's raw statement hits (coverage/data/<runner>/*.json: tag → hits); they are
 * summed into coverage/hits.json, from which scripts/ci/check-coverage.ts computes branch coverage
 * (scripts/lib/branch-coverage.ts).
 *
 * The runs use hardhat.coverage.config.ts, whose build lives in artifacts-coverage/ and cache-coverage/, so this step can
 * run beside the steps that deploy the real artifacts (scripts/ci/test-all.ts).
 *
 * Prints each run's output and closes with `contract tests: N passed, N failed` for scripts/ci/test-all.ts.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { walkFiles } from "../lib/files.js";
import { countTests, runAndCapture } from "../lib/test-runs.js";

/**
 * Test files `npm test` runs without instrumentation (its step "contract invariants", scripts/ci/test-all.ts): the
 * stateful invariant suite sends thousands of transactions, which under coverage took four of the step's eight minutes
 * while the unit tests alone cover every line. Named on the command line (`coverage-run.ts invariants`), they run here.
 */
const WITHOUT_COVERAGE = ["test/invariants/"];

/**
 * Runs `hardhat <args>`: the project's binary, which `npm test` and `npx tsx` put on the PATH (with Node 22 before
 * it); not `npx hardhat`, whose resolution costs a second or more on each of the ~35 runs.
 */
function run(args: string[]): Promise<{ code: number; output: string }> {
  const command = `hardhat ${args.join(" ")}`;
  console.log(`\n--- ${command}`);
  return runAndCapture(command).then(({ exitCode, output }) => ({ code: exitCode, output }));
}

/** Merges lcov reports: per file and line, hits are summed; LF/LH are recomputed. */
export function mergeLcov(reports: string[]): string {
  const files = new Map<string, Map<number, number>>();
  for (const report of reports) {
    let current: Map<number, number> | undefined;
    for (const line of report.split("\n")) {
      if (line.startsWith("SF:")) {
        const name = line.slice(3);
        current = files.get(name) ?? new Map();
        files.set(name, current);
      } else if (line.startsWith("DA:") && current) {
        const [lineNumber, hits] = line.slice(3).split(",").map(Number);
        current.set(lineNumber, (current.get(lineNumber) ?? 0) + hits);
      }
    }
  }
  let out = "";
  for (const [name, lines] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    out += `TN:\nSF:${name}\n`;
    for (const [lineNumber, hits] of [...lines].sort(([a], [b]) => a - b)) out += `DA:${lineNumber},${hits}\n`;
    out += `LF:${lines.size}\nLH:${[...lines.values()].filter((h) => h > 0).length}\nend_of_record\n`;
  }
  return out;
}

/** Adds the statement hits one run saved (coverage/data/<runner>/<uuid>.json) to `hits`. */
function addRunHits(hits: Map<string, number>, dataDir: string): void {
  if (!existsSync(dataDir)) return;
  for (const file of walkFiles(dataDir, (p) => p.endsWith(".json"))) {
    const counts = JSON.parse(readFileSync(file, "utf8")) as Record<string, number>;
    for (const [tag, count] of Object.entries(counts)) hits.set(tag, (hits.get(tag) ?? 0) + count);
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const mochaFiles = walkFiles("test", (p) => p.endsWith(".test.ts")).filter((f) =>
    only.length === 0 ? !WITHOUT_COVERAGE.some((prefix) => f.startsWith(prefix)) : only.some((o) => f.includes(o)),
  );
  rmSync("coverage", { recursive: true, force: true });
  mkdirSync(join("coverage-parts"), { recursive: true });
  // The instrumented build goes to artifacts-coverage/ (hardhat.coverage.config.ts): the real artifacts/ stay
  // deployable for the steps of `npm test` that run at the same time.
  const config = ["--config", "hardhat.coverage.config.ts"];
  const runs: string[][] = [
    [...config, "test", "solidity", "--coverage"],
    ...mochaFiles.map((file) => [...config, "test", "mocha", file, "--coverage"]),
  ];
  const reports: string[] = [];
  const hits = new Map<string, number>();
  let passed = 0;
  let failed = 0;
  for (const [index, args] of runs.entries()) {
    rmSync(join("coverage", "data"), { recursive: true, force: true });
    const { code, output } = await run(args);
    addRunHits(hits, join("coverage", "data"));
    const counts = countTests(output);
    passed += counts.passed;
    failed += code !== 0 && counts.failed === 0 ? 1 : counts.failed;
    if (existsSync("coverage/lcov.info")) {
      copyFileSync("coverage/lcov.info", join("coverage-parts", `${index}.info`));
      reports.push(readFileSync("coverage/lcov.info", "utf8"));
    }
  }
  writeFileSync("coverage/lcov.info", mergeLcov(reports));
  writeFileSync("coverage/hits.json", JSON.stringify(Object.fromEntries(hits)));
  rmSync("coverage-parts", { recursive: true, force: true });
  console.log(`\nmerged coverage of ${reports.length} runs into coverage/lcov.info`);
  console.log(`contract tests: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
