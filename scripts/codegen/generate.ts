/**
 * Writes every committed file generated from the contracts' build, or (with --check) fails naming the ones
 * that differ from what the build generates — the "generated files fresh" step of `npm test`.
 *
 *   npm run codegen                                   # hardhat build, then write the files
 *   tsx scripts/codegen/generate.ts --check           # after `hardhat build`: exit 1 if any file is stale
 *   ... [--root DIR] [--artifacts DIR]                # compare/write the files under DIR (default: the repository)
 *
 * The files: web/src/generated/abis.ts, web/src/generated/enums.ts, and the tables between the markers of
 * docs/EVENTS.md. (web/src/generated/deployments.ts is written by the deploy script and is not committed.)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { readCompilerOutput, type CompilerOutput } from "./compiler-output.js";
import { ENUMS_FILE, renderEnums } from "./enums.js";
import { EVENTS_DOC_FILE, renderEventsDoc } from "./events-doc.js";
import { ABIS_FILE, renderWebAbis } from "./web-abis.js";

export interface Target {
  /** Path relative to the repository root. */
  file: string;
  /** The file's expected content; `current` is its committed content (for files only partly generated). */
  render: (build: CompilerOutput, current: string | undefined) => string;
}

export const TARGETS: Target[] = [
  { file: ABIS_FILE, render: (build) => renderWebAbis(build) },
  { file: ENUMS_FILE, render: (build) => renderEnums(build) },
  {
    file: EVENTS_DOC_FILE,
    render: (build, current) => {
      if (current === undefined)
        throw new Error(`${EVENTS_DOC_FILE} is missing (it holds hand-written prose around the tables)`);
      return renderEventsDoc(build, current);
    },
  },
];

const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);

/** The targets under `root` whose content differs from what `build` generates (missing ones included). */
export function staleFiles(root: string, build: CompilerOutput, targets: Target[] = TARGETS): string[] {
  return targets
    .filter((t) => read(path.join(root, t.file)) !== t.render(build, read(path.join(root, t.file))))
    .map((t) => t.file);
}

/** Writes every target under `root`; returns the ones whose content changed. */
export function writeTargets(root: string, build: CompilerOutput, targets: Target[] = TARGETS): string[] {
  const changed: string[] = [];
  for (const t of targets) {
    const file = path.join(root, t.file);
    const current = read(file);
    const next = t.render(build, current);
    if (next === current) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, next);
    changed.push(t.file);
  }
  return changed;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: string[]): number {
  const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const root = path.resolve(option(args, "--root") ?? repository);
  const build = readCompilerOutput(path.resolve(option(args, "--artifacts") ?? path.join(repository, "artifacts")));
  if (args.includes("--check")) {
    const stale = staleFiles(root, build);
    if (stale.length === 0) {
      console.log(`generated files fresh: ${TARGETS.map((t) => t.file).join(", ")}`);
      return 0;
    }
    console.error(`stale generated file(s): ${stale.join(", ")}`);
    console.error("They differ from what the contracts' build generates: run `npm run codegen` and commit the result.");
    return 1;
  }
  const changed = writeTargets(root, build);
  console.log(changed.length === 0 ? "generated files already fresh" : `wrote ${changed.join(", ")}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 1;
  }
}
