/**
 * Coverage gate for `npm test`, run after `hardhat test --coverage`.
 *
 * Reads coverage/lcov.info and fails when a production contract (everything in contracts/ except the
 * test-only mocks in contracts/test/) has a line that no test executed.
 *
 * Hardhat 3's coverage reports lines and statements but no branch data (its lcov has no BRDA records),
 * so the branch requirement is enforced by what stands in for it: 100% of lines (every `if`'s body and
 * the code after it ran) and scripts/check-errors.ts (every revert path, i.e. the "true" side of every
 * guard, is asserted by name in a test). When Hardhat adds branch data, this script also checks
 * BRF/BRH against MIN_BRANCH_PERCENT.
 */
import { existsSync, readFileSync } from "node:fs";

const LCOV = "coverage/lcov.info";
const MIN_LINE_PERCENT = 100;
const MIN_BRANCH_PERCENT = 95;
/** Test-only contracts excluded from the gate, listed explicitly. */
const EXCLUDED_PREFIXES = ["contracts/test/"];

interface FileCoverage {
  file: string;
  linesFound: number;
  linesHit: number;
  branchesFound: number;
  branchesHit: number;
  uncoveredLines: number[];
}

export function parseLcov(text: string): FileCoverage[] {
  const files: FileCoverage[] = [];
  let current: FileCoverage | undefined;
  for (const line of text.split("\n")) {
    const [key, value = ""] = line.split(/:(.*)/s, 2);
    if (key === "SF") {
      current = { file: value, linesFound: 0, linesHit: 0, branchesFound: 0, branchesHit: 0, uncoveredLines: [] };
      files.push(current);
    } else if (current === undefined) {
      continue;
    } else if (key === "LF") current.linesFound = Number(value);
    else if (key === "LH") current.linesHit = Number(value);
    else if (key === "BRF") current.branchesFound = Number(value);
    else if (key === "BRH") current.branchesHit = Number(value);
    else if (key === "DA") {
      const [lineNumber, hits] = value.split(",").map(Number);
      if (hits === 0) current.uncoveredLines.push(lineNumber);
    }
  }
  return files;
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
  let branchesFound = 0;
  let branchesHit = 0;
  for (const f of files) {
    linesFound += f.linesFound;
    linesHit += f.linesHit;
    branchesFound += f.branchesFound;
    branchesHit += f.branchesHit;
    const percent = f.linesFound === 0 ? 100 : (100 * f.linesHit) / f.linesFound;
    if (percent < MIN_LINE_PERCENT) {
      failures.push(`${f.file}: ${percent.toFixed(2)}% of lines, never run: ${f.uncoveredLines.join(", ")}`);
    }
  }
  const linePercent = (100 * linesHit) / linesFound;
  console.log(`coverage gate: ${files.length} contracts, lines ${linesHit}/${linesFound} (${linePercent.toFixed(2)}%)`);
  if (branchesFound > 0) {
    const branchPercent = (100 * branchesHit) / branchesFound;
    console.log(`coverage gate: branches ${branchesHit}/${branchesFound} (${branchPercent.toFixed(2)}%)`);
    if (branchPercent < MIN_BRANCH_PERCENT)
      failures.push(`branches ${branchPercent.toFixed(2)}% < ${MIN_BRANCH_PERCENT}%`);
  } else {
    console.log("coverage gate: no branch data from Hardhat; revert paths are checked by scripts/check-errors.ts");
  }
  if (failures.length > 0) {
    console.error(`coverage gate FAILED (need ${MIN_LINE_PERCENT}% of lines):\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
  console.log("coverage gate: ok");
}

main();
