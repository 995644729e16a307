/** Which chain, contracts and database the indexer uses, from the deployment record and the environment. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";

import { defaultPgliteDir, indexedContracts, settings, type DeploymentRecord } from "./deployment";

const dir = mkdtempSync(path.join(tmpdir(), "rdcf-deployment-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const record = (contracts: string[], hash = "0xabcdef0123456789"): DeploymentRecord => ({
  network: "consortium",
  chainId: 1337,
  deployedAtBlock: 10,
  deployedAtBlockHash: hash,
  contracts: Object.fromEntries(
    contracts.map((name, i) => [name, { address: `0x${String(i).padStart(40, "0")}`, deployedOnBlock: 10 + i }]),
  ),
});

describe("the deployment record", () => {
  test("is read from DEPLOYMENTS_DIR/<PONDER_NETWORK>.json with the RPC endpoint from PONDER_RPC_URL", () => {
    writeFileSync(path.join(dir, "consortium.json"), JSON.stringify(record(["RDEscrow"])));
    const s = settings({ DEPLOYMENTS_DIR: dir, PONDER_NETWORK: "consortium", PONDER_RPC_URL: "http://besu:8545" });
    assert.deepEqual(
      [s.chainId, s.rpcUrl, s.record.contracts.RDEscrow?.deployedOnBlock],
      [1337, "http://besu:8545", 10],
    );
  });

  test("missing: a sentence that says how to deploy", () => {
    assert.throws(
      () => settings({ DEPLOYMENTS_DIR: dir, PONDER_NETWORK: "nowhere" }),
      /Deploy first \(npm run deploy -- --network nowhere\)/,
    );
  });

  test("for another chain than PONDER_CHAIN_ID: refused", () => {
    writeFileSync(path.join(dir, "consortium.json"), JSON.stringify(record(["RDEscrow"])));
    assert.throws(
      () => settings({ DEPLOYMENTS_DIR: dir, PONDER_NETWORK: "consortium", PONDER_CHAIN_ID: "10" }),
      /is for chain 1337, PONDER_CHAIN_ID is 10/,
    );
  });
});

describe("the indexed contracts", () => {
  test("are the record's contracts the indexer has ABIs for (a production record has no DemoStablecoin)", () => {
    assert.deepEqual(indexedContracts(record(["ContingencyPool", "RDEscrow", "Unknown"])), [
      "RDEscrow",
      "ContingencyPool",
    ]);
  });
});

describe("embedded PGlite's directory", () => {
  test("differs per deployment block hash, so a restarted local chain is indexed from scratch", () => {
    const a = defaultPgliteDir(record([], "0x1111111111111111"));
    const b = defaultPgliteDir(record([], "0x2222222222222222"));
    assert.notEqual(a, b);
    assert.match(a, /1337-111111111111$/);
  });
});
