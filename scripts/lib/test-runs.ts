/**
 * Shared by the test runners (scripts/ci/test-all.ts, scripts/ci/coverage-run.ts): run a command while streaming and
 * capturing its output, and read the test counts that the runners we use print.
 */
import { spawn } from "node:child_process";

/**
 * Runs `command` through the shell, forwarding its output live (unless `live` is false: then the caller prints it,
 * e.g. when several commands run at once); resolves with its exit code and output.
 */
export function runAndCapture(command: string, live = true): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const forward = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      if (live) stream.write(chunk);
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
  // Our own runners (scripts/ci/coverage-run.ts, ...) close with "<what>: N passed, N failed".
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
