import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { addr, chainEvents } from "@/testing/chainEvents";
import { owedAdvances } from "./owedAdvances";

const SUBSTITUTE = addr(0x52);
const OTHER = addr(0x53);
const SUPPLIER = addr(0x51);
const pool = chainEvents({ contract: "ContingencyPool" });
const owed = (projectId: bigint, substitute: string, amount: bigint, componentId = 1n) =>
  pool("AdvanceOwed", { projectId, substitute, amount, componentId, disruptedSupplier: SUPPLIER, disruptionId: 1n });
const claimed = (projectId: bigint, substitute: string, amount: bigint) =>
  pool("AdvanceClaimed", { projectId, substitute, amount, caller: addr(0xb1) });

describe("owed advances from the pool's events", () => {
  test("sum per project and substitute until claimAdvance pays them all", () => {
    const lines = owedAdvances([owed(1n, SUBSTITUTE, 300n, 1n), owed(1n, SUBSTITUTE, 200n, 2n), owed(2n, OTHER, 50n)]);
    assert.deepEqual(
      lines.map((l) => [l.projectId, l.substitute, l.owed, l.claimed, l.refusals.length]),
      [
        [1n, SUBSTITUTE, 500n, 0n, 2],
        [2n, OTHER, 50n, 0n, 1],
      ],
    );
  });

  test("a claimed pair stays listed with nothing owed, after the pairs still owed", () => {
    const lines = owedAdvances([owed(1n, SUBSTITUTE, 300n), claimed(1n, SUBSTITUTE, 300n), owed(2n, OTHER, 50n)]);
    assert.deepEqual(
      lines.map((l) => [l.projectId, l.owed, l.claimed]),
      [
        [2n, 50n, 0n],
        [1n, 0n, 300n],
      ],
    );
  });

  test("the substitute's address matches whatever its spelling; other contracts' same-named events do not count", () => {
    const lines = owedAdvances([
      owed(1n, SUBSTITUTE, 300n),
      pool("AdvanceOwed", { projectId: 1n, substitute: SUBSTITUTE, amount: 999n }, { contract: "RDEscrow" }),
      claimed(1n, SUBSTITUTE.toUpperCase().replace("0X", "0x"), 100n),
    ]);
    assert.equal(lines.length, 1);
    assert.equal(lines[0].owed, 200n);
  });
});
