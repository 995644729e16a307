import { test, describe } from "node:test";
import assert from "node:assert/strict";
import type { Hex } from "./events";
import type { Row } from "./indexer/rows";
import { owedAdvancesFromRows } from "./owedAdvances";

const SUBSTITUTE = "0x0000000000000000000000000000000000000052" as Hex;
const OTHER = "0x0000000000000000000000000000000000000053" as Hex;
const TX = `0x${"ab".repeat(32)}` as Hex;

const row = (projectId: bigint, substitute: Hex, owed: bigint, claimed: bigint, refusals = 1): Row<"owedAdvance"> => ({
  projectId,
  substitute,
  owed,
  claimed,
  refusals,
  lastRefusedAt: 1_700_000_000n,
  lastRefusalTx: TX,
  updatedAt: 1_700_000_000n,
});

describe("owed advances from the indexer's owed_advance rows", () => {
  test("one line per project and substitute: owed, claimed, how often refused and the latest refusal", () => {
    assert.deepEqual(owedAdvancesFromRows([row(1n, SUBSTITUTE, 500n, 0n, 2)]), [
      {
        projectId: 1n,
        substitute: SUBSTITUTE,
        owed: 500n,
        claimed: 0n,
        refusals: 2,
        lastRefusedAt: 1_700_000_000n,
        lastRefusalTx: TX,
      },
    ]);
  });

  test("a claimed pair stays listed with nothing owed, after the pairs still owed, then by project", () => {
    const lines = owedAdvancesFromRows([
      row(1n, SUBSTITUTE, 0n, 300n),
      row(3n, OTHER, 50n, 0n),
      row(2n, OTHER, 7n, 0n),
    ]);
    assert.deepEqual(
      lines.map((l) => [l.projectId, l.owed, l.claimed]),
      [
        [2n, 7n, 0n],
        [3n, 50n, 0n],
        [1n, 0n, 300n],
      ],
    );
  });
});
