/**
 * Storage-layout snapshots: the registry's and the pool's packed slots are read by hand on the hot path (assembly
 * loads of the reverse index, the current-supplier words and the listings; the pool's three slots per pair), so a reordered field, a changed type or a moved
 * slot must fail a named test rather than silently mis-read storage. The layout comes from solc's
 * `storageLayout` output (requested in hardhat.config.ts); each snapshot lists the contract's state variables and
 * every struct they reach, as (label, slot, offset, type) with AST ids stripped.
 *
 * After an intended change: STORAGE_LAYOUT_UPDATE=1 npx hardhat test mocha test/storage-layout/storage-layout.test.ts
 */
import { expect } from "chai";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");

interface Entry {
  label: string;
  slot: string;
  offset: number;
  type: string;
}
interface SolcLayout {
  storage: Entry[];
  types: Record<string, { label: string; members?: Entry[]; encoding: string; numberOfBytes: string }> | null;
}

/** `t_struct(Supplier)21770_storage` → `t_struct(Supplier)_storage`: AST ids change with any edit (array lengths,
 * as in `t_array(…)8_storage`, stay). */
const normal = (type: string) => type.replace(/(\([A-Za-z_][A-Za-z0-9_]*\))\d+/g, "$1");

function layoutOf(sourceSuffix: string, contract: string): SolcLayout {
  const dir = path.join(root, "artifacts", "build-info");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".output.json"))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const file of files) {
    const json = JSON.parse(readFileSync(file, "utf8")) as {
      output?: { contracts: Record<string, Record<string, { storageLayout?: SolcLayout }>> };
    };
    const contracts = json.output?.contracts ?? {};
    const source = Object.keys(contracts).find((k) => k.endsWith(sourceSuffix));
    const layout = source ? contracts[source][contract]?.storageLayout : undefined;
    if (layout) return layout;
  }
  throw new Error(
    `no storageLayout for ${contract} in artifacts/build-info (is it in hardhat.config.ts's outputSelection?)`,
  );
}

/** State variables, then every struct reachable from them (sorted by name), in a stable, diff-friendly form. */
function snapshotOf(layout: SolcLayout): Record<string, string[]> {
  const line = (e: Entry) => `slot ${e.slot} offset ${e.offset}: ${e.label} ${normal(e.type)}`;
  const out: Record<string, string[]> = { state: layout.storage.map(line) };
  const types = layout.types ?? {};
  const ids = Object.keys(types).sort((a, b) => normal(a).localeCompare(normal(b)));
  // The width of every packed value type (a UDVT widened from uint64 to uint128 moves every entry).
  out.valueTypes = ids
    .filter((id) => id.startsWith("t_userDefinedValueType"))
    .map((id) => `${normal(id)}: ${types[id].label} ${types[id].numberOfBytes} bytes`);
  for (const id of ids) {
    const members = types[id].members;
    if (members) out[normal(id)] = members.map(line);
  }
  return out;
}

const SNAPSHOTS = [
  ["SupplyChainRegistry", "contracts/supply/SupplyChainRegistry.sol"],
  // The pool's failover path reads and writes slots 0-2 of a Pool by hand (cash | shareDebt; the confirmation's id,
  // financing and due dates; token and terms): see ContingencyPool._financePair.
  ["ContingencyPool", "contracts/pool/ContingencyPool.sol"],
] as const;

for (const [contract, source] of SNAPSHOTS) {
  describe(`${contract} storage layout`, function () {
    it(`matches its snapshot (test/storage-layout/${contract}.json)`, function () {
      const file = path.join(here, `${contract}.json`);
      const actual = snapshotOf(layoutOf(source, contract));
      if (process.env.STORAGE_LAYOUT_UPDATE === "1") writeFileSync(file, JSON.stringify(actual, null, 2) + "\n");
      const expected = JSON.parse(readFileSync(file, "utf8")) as Record<string, string[]>;
      expect(actual).to.deep.equal(expected);
    });
  });
}
