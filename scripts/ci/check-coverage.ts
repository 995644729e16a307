/**
 * Coverage gate for `npm test`, run after `hardhat test --coverage`.
 *
 * Fails when a production contract (everything in contracts/ except the test-only mocks in contracts/test/,
 * listed in EXCLUDED_PREFIXES) has
 * - a line that no test executed (coverage/lcov.info, merged by scripts/ci/coverage-run.ts), or
 * - fewer than MIN_BRANCH_PERCENT of its `if` branches taken, over all production contracts. Hardhat 3's
 *   lcov has no branch data, so branches are computed from the raw statement hits the runs saved
 *   (coverage/hits.json) by scripts/lib/branch-coverage.ts; the untaken ones are listed either way.
 *   Conditional expressions (`?:`) carry no statement tags and are reported as unmeasured.
 *
 * Writes coverage/branches.json (every branch, taken or not).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

import { branchesOf, type FileBranches } from "../lib/branch-coverage.js";

const LCOV = "coverage/lcov.info";
const HITS = "coverage/hits.json";
const BRANCH_REPORT = "coverage/branches.json";
const MIN_LINE_PERCENT = 100;
const MIN_BRANCH_PERCENT = 95;
/** Test-only contracts excluded from the gate, listed explicitly. */
const EXCLUDED_PREFIXES = ["contracts/test/"];

interface FileCoverage {
  file: string;
  linesFound: number;
  linesHit: number;
  uncoveredLines: number[];
}

export function parseLcov(text: string): FileCoverage[] {
  const files: FileCoverage[] = [];
  let current: FileCoverage | undefined;
  for (const line of text.split("\n")) {
    const [key, value = ""] = line.split(/:(.*)/s, 2);
    if (key === "SF") {
      current = { file: value, linesFound: 0, linesHit: 0, uncoveredLines: [] };
      files.push(current);
    } else if (current === undefined) {
      continue;
    } else if (key === "LF") current.linesFound = Number(value);
    else if (key === "LH") current.linesHit = Number(value);
    else if (key === "DA") {
      const [lineNumber, hits] = value.split(",").map(Number);
      if (hits === 0) current.uncoveredLines.push(lineNumber);
    }
  }
  return files;
}

/** Branch coverage of `files` from the summed statement hits; writes BRANCH_REPORT. */
function checkBranches(files: string[]): FileBranches[] {
  if (!existsSync(HITS)) {
    console.error(`coverage gate: ${HITS} not found — run \`tsx scripts/ci/coverage-run.ts\` first`);
    process.exit(1);
  }
  const hits = new Map(Object.entries(JSON.parse(readFileSync(HITS, "utf8")) as Record<string, number>));
  // Hardhat 3 names project sources "project/<path>"; the statement tags are derived from that name.
  const report = files.map((file) => branchesOf(file, `project/${file}`, readFileSync(file, "utf8"), hits));
  writeFileSync(BRANCH_REPORT, JSON.stringify(report, null, 2));
  return report;
}

function main(): void {
  if (!existsSync(LCOV)) {
    console.error(`coverage gate: ${LCOV} not found — run \`npx hardhat test --coverage\` first`);
    process.exit(1);
  }
  const files = parseLcov(readFileSync(LCOV, "utf8")).filter(
    (f) => f.file.startsWith("contracts/") && !EXCLUDED_PREFIXES.some((p) => f.file.startsWith(p)),
  );
  if (files.length === 0) {
    console.error("coverage gate: no production contract in the coverage report");
    process.exit(1);
  }
  const failures: string[] = [];
  let linesFound = 0;
  let linesHit = 0;
  for (const f of files) {
    linesFound += f.linesFound;
    linesHit += f.linesHit;
    const percent = f.linesFound === 0 ? 100 : (100 * f.linesHit) / f.linesFound;
    if (percent < MIN_LINE_PERCENT) {
      failures.push(`${f.file}: ${percent.toFixed(2)}% of lines, never run: ${f.uncoveredLines.join(", ")}`);
    }
  }
  const linePercent = (100 * linesHit) / linesFound;
  console.log(`coverage gate: ${files.length} contracts, lines ${linesHit}/${linesFound} (${linePercent.toFixed(2)}%)`);
  const branchReport = checkBranches(files.map((f) => f.file));
  const found = branchReport.reduce((n, f) => n + f.branches.length, 0);
  const missed = branchReport.flatMap((f) =>
    f.branches.filter((b) => !b.hit).map((b) => `${f.file}:${b.line} (${b.side} branch)`),
  );
  const branchPercent = found === 0 ? 100 : (100 * (found - missed.length)) / found;
  const conditionals = branchReport.reduce((n, f) => n + f.unmeasuredConditionals.length, 0);
  console.log(
    `coverage gate: if-branches ${found - missed.length}/${found} (${branchPercent.toFixed(2)}%), ` +
      `${conditionals} conditional expressions (?:) unmeasured`,
  );
  if (missed.length > 0) console.log(`coverage gate: branches never taken:\n  ${missed.join("\n  ")}`);
  if (branchPercent < MIN_BRANCH_PERCENT) {
    failures.push(`branches ${branchPercent.toFixed(2)}% < ${MIN_BRANCH_PERCENT}%`);
  }
  if (failures.length > 0) {
    console.error(
      `coverage gate FAILED (need ${MIN_LINE_PERCENT}% of lines and ${MIN_BRANCH_PERCENT}% of branches):\n  ` +
        failures.join("\n  "),
    );
    process.exit(1);
  }
  console.log("coverage gate: ok");
}

main();
