/**
 * Runs every contract test with coverage and merges the reports into coverage/lcov.info.
 *
 * Why not one `hardhat test --coverage`: with Hardhat 3.18 a single run over all our mocha files loses
 * line hits (lines that a file demonstrably executes show as uncovered when many files share the run; the
 * same file alone reports them). Running each test file in its own `hardhat test` process and taking, per
 * line, the sum of the hits is exact, costs only the process start-ups (the build is cached), and runs
 * every test exactly once.
 *
 * Prints each run's output and closes with `contract tests: N passed, N failed` for scripts/test-all.ts.
 */
import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

function walk(dir: string, accept: (path: string) => boolean): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path, accept) : accept(path) ? [path] : [];
    })
    .sort();
}

function run(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    console.log(`\n--- npx hardhat ${args.join(" ")}`);
    const child = spawn("npx", ["hardhat", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString();
      process.stdout.write(c);
    });
    child.stderr.on("data", (c: Buffer) => {
      output += c.toString();
      process.stderr.write(c);
    });
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
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

function count(output: string, word: "passing" | "failing"): number {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\u001b\[[0-9;]*m/g, "");
  const combined = new RegExp(`^(\\d+) ${word} \\(\\d+ solidity, \\d+ mocha\\)`, "m").exec(text);
  if (combined) return Number(combined[1]);
  return [...text.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, "gm"))].reduce((t, m) => t + Number(m[1]), 0);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const mochaFiles = walk("test", (p) => p.endsWith(".test.ts")).filter(
    (f) => only.length === 0 || only.some((o) => f.includes(o)),
  );
  rmSync("coverage", { recursive: true, force: true });
  mkdirSync(join("coverage-parts"), { recursive: true });
  const runs: string[][] = [
    ["test", "solidity", "--coverage"],
    ...mochaFiles.map((file) => ["test", "mocha", file, "--coverage"]),
  ];
  const reports: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const [index, args] of runs.entries()) {
    const { code, output } = await run(args);
    const p = count(output, "passing");
    let f = count(output, "failing");
    if (code !== 0 && f === 0) f = 1;
    passed += p;
    failed += f;
    if (existsSync("coverage/lcov.info")) {
      copyFileSync("coverage/lcov.info", join("coverage-parts", `${index}.info`));
      reports.push(readFileSync("coverage/lcov.info", "utf8"));
    }
  }
  writeFileSync("coverage/lcov.info", mergeLcov(reports));
  rmSync("coverage-parts", { recursive: true, force: true });
  console.log(`\nmerged coverage of ${reports.length} runs into coverage/lcov.info`);
  console.log(`contract tests: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
