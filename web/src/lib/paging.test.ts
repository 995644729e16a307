import { test, describe } from "node:test";
import assert from "node:assert/strict";
import {
  FINANCIER_MOVEMENTS,
  MOVEMENT_EVENTS,
  abiEventOf,
  financierMovementsWhere,
  isFinancierMovement,
} from "@/lib/events";
import { addr, chainEvents } from "@/testing/chainEvents";
import { MAX_PAGE_SIZE, pageCount, pageSizeFrom, pageWithin } from "./paging";

describe("a list's pages", () => {
  test("count the rows at the page size, with one (empty) page for no rows", () => {
    assert.equal(pageCount(0, 20), 1);
    assert.equal(pageCount(1, 20), 1);
    assert.equal(pageCount(20, 20), 1);
    assert.equal(pageCount(21, 20), 2);
    assert.equal(pageCount(5, 2), 3);
  });

  test("keep the page shown, or move to the last one when the list shrank under it", () => {
    assert.equal(pageWithin(1, 3), 1);
    assert.equal(pageWithin(4, 3), 2);
    assert.equal(pageWithin(2, 1), 0);
    assert.equal(pageWithin(-1, 3), 0);
  });
});

describe("the rows per page a URL asks for", () => {
  test("is the view's default unless ?pageSize= names a whole number from 1 to the largest page", () => {
    assert.equal(pageSizeFrom("", 20), 20);
    assert.equal(pageSizeFrom("?pageSize=2", 20), 2);
    assert.equal(pageSizeFrom("?project=1&pageSize=5", 10), 5);
    assert.equal(pageSizeFrom(`?pageSize=${MAX_PAGE_SIZE}`, 20), MAX_PAGE_SIZE);
    for (const refused of ["0", "-3", "2.5", "abc", "", String(MAX_PAGE_SIZE + 1), "1e3"])
      assert.equal(pageSizeFrom(`?pageSize=${refused}`, 20), 20, `pageSize=${refused}`);
  });
});

describe("a financier's movements, as the indexer selects them", () => {
  const me = addr(0xb1);

  test("each movement from the contract that emits it, naming the financier (lower-case)", () => {
    assert.deepEqual(financierMovementsWhere(me.toUpperCase().replace("0X", "0x")), {
      parties_has: me,
      OR: [
        { contract: "RDEscrow", name_in: ["Funded", "Refunded"] },
        { contract: "ContingencyPool", name_in: ["Committed", "Withdrawn"] },
      ],
    });
  });

  // The filter reads "naming the financier" as "the financier's own": true while the financier is each of these
  // events' only address. An event that gains another address parameter fails here, before a page shows it.
  test("the financier is the only address of each movement the filter selects", () => {
    for (const name of FINANCIER_MOVEMENTS) {
      const { contract } = MOVEMENT_EVENTS[name];
      const item = abiEventOf(contract, name);
      assert.ok(item, `${contract}.${name} in the ABI`);
      const addresses = item.inputs.filter((i) => i.type.startsWith("address")).map((i) => i.name);
      assert.deepEqual(addresses, ["financier"], `${contract}.${name}`);
    }
  });

  test("the rows read are narrowed to those movements from their own contracts", () => {
    const escrow = chainEvents({ contract: "RDEscrow" });
    const pool = chainEvents({ contract: "ContingencyPool" });
    assert.equal(isFinancierMovement(escrow("Funded", { projectId: 1n, financier: me, amount: 5n })), true);
    assert.equal(isFinancierMovement(pool("Withdrawn", { projectId: 1n, financier: me, amount: 5n })), true);
    assert.equal(isFinancierMovement(escrow("Disbursed", { projectId: 1n, payee: me, amount: 5n })), false);
    // The name alone is not enough: Committed is the pool's.
    assert.equal(isFinancierMovement(escrow("Committed", { projectId: 1n, financier: me, amount: 5n })), false);
  });
});
