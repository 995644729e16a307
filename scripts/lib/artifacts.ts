/**
 * Reads compiled contract artifacts (ABI + bytecode) from Hardhat's artifacts/ folder, for the scripts that
 * run outside Hardhat's runtime (the reporter service, the web ABI generator).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { InterfaceAbi } from "ethers";

import { walkFiles } from "./files.js";

export interface Artifact {
  contractName: string;
  sourceName: string;
  abi: InterfaceAbi & readonly unknown[];
  bytecode: string;
}

/** Every artifact under `artifactsDir/contracts`, keyed by contract name. */
export function loadArtifacts(artifactsDir = "artifacts"): Map<string, Artifact> {
  const found = new Map<string, Artifact>();
  const files = walkFiles(join(artifactsDir, "contracts"), (p) => p.endsWith(".json") && !p.endsWith(".dbg.json"));
  for (const path of files) {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Artifact>;
    if (parsed.contractName !== undefined && parsed.abi !== undefined)
      found.set(parsed.contractName, parsed as Artifact);
  }
  return found;
}

/** One artifact by contract name; throws a readable error when it has not been compiled. */
export function loadArtifact(contractName: string, artifactsDir = "artifacts"): Artifact {
  const artifact = loadArtifacts(artifactsDir).get(contractName);
  if (artifact === undefined) {
    throw new Error(`No artifact for ${contractName} in ${artifactsDir}/ — run \`npx hardhat build\` first`);
  }
  return artifact;
}
