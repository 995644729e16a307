import { test, describe } from "node:test";
import assert from "node:assert/strict";

import { quarterChart, roundTicks } from "./quarterBars.ts";
import { buildRows, summarise } from "../rdLedger/builder.ts";
import type { LedgerEvent } from "../rdLedger/types.ts";

const yuan = (n: number) => BigInt(n) * 100n;

describe("the value axis", () => {
  test("rounds the top up to 1, 2, 2.5 or 5 × 10ⁿ yuan steps, at most four of them", () => {
    assert.deepEqual(roundTicks(yuan(7_300_000)), [
      0n,
      yuan(2_000_000),
      yuan(4_000_000),
      yuan(6_000_000),
      yuan(8_000_000),
    ]);
    assert.deepEqual(roundTicks(yuan(900)), [0n, yuan(250), yuan(500), yuan(750), yuan(1000)]);
    assert.deepEqual(roundTicks(yuan(4_000)), [0n, yuan(1_000), yuan(2_000), yuan(3_000), yuan(4_000)]);
    assert.deepEqual(roundTicks(yuan(3)), [0n, yuan(1), yuan(2), yuan(3)]);
  });

  test("a few fen still get a whole-yuan axis; nothing paid is a single zero tick", () => {
    assert.deepEqual(roundTicks(5n), [0n, yuan(1)]);
    assert.deepEqual(roundTicks(0n), [0n]);
  });
});

describe("the stacked bars", () => {
  test("stack each quarter's categories in the rule table's order, as fractions of the axis", () => {
    const chart = quarterChart([
      { quarter: 2, category: "OtherRelated", amountFen: yuan(100) },
      { quarter: 2, category: "Personnel", amountFen: yuan(300) },
      { quarter: 4, category: "DirectInputs", amountFen: yuan(50) },
    ]);
    assert.equal(chart.axisMaxFen, yuan(400));
    assert.deepEqual(
      chart.bars.map((b) => [b.quarter, b.totalFen]),
      [
        [1, 0n],
        [2, yuan(400)],
        [3, 0n],
        [4, yuan(50)],
      ],
    );
    assert.deepEqual(chart.bars[1].segments, [
      { category: "Personnel", amountFen: yuan(300), from: 0, to: 0.75 },
      { category: "OtherRelated", amountFen: yuan(100), from: 0.75, to: 1 },
    ]);
    assert.deepEqual(chart.bars[3].segments, [{ category: "DirectInputs", amountFen: yuan(50), from: 0, to: 0.125 }]);
    assert.deepEqual(chart.categories, ["Personnel", "DirectInputs", "OtherRelated"]);
  });

  test("an empty year draws four empty quarters on a zero axis", () => {
    const chart = quarterChart([]);
    assert.equal(chart.axisMaxFen, 0n);
    assert.deepEqual(
      chart.bars.map((b) => b.segments.length),
      [0, 0, 0, 0],
    );
    assert.deepEqual(chart.categories, []);
  });

  test("refuses a quarter outside 1–4", () => {
    assert.throws(
      () => quarterChart([{ quarter: 5, category: "Personnel", amountFen: 1n }]),
      /Quarter 5 is not a quarter/,
    );
  });

  test("quarters are China Standard Time: a payment at 00:00 CST on 1 April is in Q2, one second earlier in Q1", () => {
    const firm = "0x00000000000000000000000000000000000000f1" as const;
    const bank = "0x00000000000000000000000000000000000000b1" as const;
    const token = "0x00000000000000000000000000000000000000c1" as const;
    const april = Date.parse("2026-04-01T00:00:00+08:00") / 1000;
    const at = (n: number, timestamp: number) => ({
      blockNumber: BigInt(n),
      logIndex: 0,
      transactionHash: `0x${n.toString(16).padStart(64, "0")}` as const,
      timestamp,
    });
    const pay = (n: number, timestamp: number, amount: bigint): LedgerEvent => ({
      ...at(n, timestamp),
      kind: "Disbursed",
      projectId: 1n,
      payee: firm,
      amount,
      milestoneIndex: 0,
      category: "Personnel",
      invoiceHash: `0x${(n + 100).toString(16).padStart(64, "0")}`,
    });
    const events: LedgerEvent[] = [
      {
        ...at(1, april - 86_400),
        kind: "ProjectCreated",
        projectId: 1n,
        firm,
        token,
        milestones: [{ stage: "Research", accounting: "Expensed" }],
      },
      { ...at(2, april - 86_400), kind: "Funded", projectId: 1n, financier: bank, amount: yuan(1_000) },
      pay(3, april - 1, yuan(10)),
      pay(4, april, yuan(30)),
    ];
    const summary = summarise(buildRows(events, new Map([[token, 2]])), firm, 2026);
    const chart = quarterChart(summary.byQuarter);
    assert.deepEqual(
      chart.bars.map((b) => b.totalFen),
      [yuan(10), yuan(30), 0n, 0n],
    );
  });
});
