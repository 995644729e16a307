/**
 * Error-reachability gate for `npm test`.
 *
 * Lists every custom error declared in production contracts (contracts/, without the test-only mocks in
 * contracts/test/) and every error that a test asserts by name — `revertedWithCustomError(x, "Name")` in
 * mocha tests, `Errors.Name.selector` in Solidity tests. An asserted revert that does not happen fails its
 * test, so an error named here is one the tests reach. Fails when any declared error is never asserted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { walkFiles } from "../lib/files.js";

export function declaredErrors(source: string): string[] {
  return [...source.matchAll(/^\s*error\s+([A-Za-z0-9_]+)\s*\(/gm)].map((m) => m[1]);
}

export function assertedErrors(source: string): string[] {
  const mocha = [...source.matchAll(/revertedWithCustomError\(\s*[^,]+,\s*["'`]([A-Za-z0-9_]+)["'`]/g)].map(
    (m) => m[1],
  );
  const solidity = [...source.matchAll(/\b([A-Za-z0-9]+_[A-Za-z0-9_]+)\.selector/g)].map((m) => m[1]);
  const named = [...source.matchAll(/\berrorName:\s*["'`]([A-Za-z0-9_]+)["'`]/g)].map((m) => m[1]);
  return [...mocha, ...solidity, ...named];
}

function main(): void {
  const contractFiles = walkFiles("contracts", (p) => p.endsWith(".sol") && !p.startsWith(join("contracts", "test")));
  const declared = new Map<string, string>();
  for (const file of contractFiles) {
    for (const name of declaredErrors(readFileSync(file, "utf8"))) declared.set(name, file);
  }
  const testFiles = walkFiles("test", (p) => p.endsWith(".ts") || p.endsWith(".sol"));
  const asserted = new Set(testFiles.flatMap((f) => assertedErrors(readFileSync(f, "utf8"))));
  const missing = [...declared.keys()].filter((name) => !asserted.has(name)).sort();
  console.log(
    `error gate: ${declared.size} custom errors declared, ${declared.size - missing.length} asserted by tests`,
  );
  if (missing.length > 0) {
    console.error(
      `error gate FAILED: never asserted by a test:\n  ${missing.map((n) => `${n} (${declared.get(n)})`).join("\n  ")}`,
    );
    process.exit(1);
  }
  console.log("error gate: ok");
}

main();
