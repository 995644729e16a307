import { test, describe } from "node:test";
import assert from "node:assert/strict";

import { getAddress } from "viem";
import {
  greenReportFromIndexed,
  GreenReadMismatch,
  greenYears,
  type GreenShareRow,
  type GreenTotalRow,
} from "./greenIndexed.ts";
import type { Hex } from "./types.ts";

const BANK = "0x000000000000000000000000000000000000000a" as Hex;
const PAYEE = "0x00000000000000000000000000000000000000aB" as Hex; // lower-case in the indexer, checksummed in the report
const TX = `0x${"11".repeat(32)}` as Hex;
const INVOICE = `0x${"22".repeat(32)}` as Hex;
/** 2025-06-01 12:00:00 CST (Q2) and 2025-11-03 08:00:00 CST (Q4). */
const JUNE_2025 = Date.UTC(2025, 5, 1, 4) / 1000;
const NOVEMBER_2025 = Date.UTC(2025, 10, 3, 0) / 1000;

const total = (t: Partial<GreenTotalRow>): GreenTotalRow => ({
  year: 2025,
  quarter: 2,
  projectId: 1n,
  greenCategory: 3,
  attributedFen: 0n,
  unattributed: 0,
  ...t,
});
const share = (s: Partial<GreenShareRow>): GreenShareRow => ({
  projectId: 1n,
  greenCategory: 3,
  category: 1,
  payee: PAYEE.toLowerCase() as Hex,
  invoiceHash: INVOICE,
  transactionHash: TX,
  amountFen: 100_00n,
  fen: 0n,
  timestamp: BigInt(JUNE_2025),
  ...s,
});

describe("the green report from the indexer's aggregates", () => {
  const totals = [
    total({ quarter: 2, projectId: 1n, greenCategory: 3, attributedFen: 75_00n }),
    total({ quarter: 4, projectId: 1n, greenCategory: 3, attributedFen: 5_00n }),
    total({ quarter: 4, projectId: 2n, greenCategory: 0, attributedFen: 20_00n }),
    total({ year: 2024, quarter: 1, projectId: 2n, greenCategory: 0, attributedFen: 1n }),
  ];
  const shares = [
    share({ fen: 75_00n }),
    share({ fen: 5_00n, amountFen: 10_00n, timestamp: BigInt(NOVEMBER_2025) }),
    share({ projectId: 2n, greenCategory: 0, category: 0, fen: 20_00n, timestamp: BigInt(NOVEMBER_2025) }),
  ];

  test("a year: per green category and project from the quarter totals, every payment row named as the builder names it", () => {
    const r = greenReportFromIndexed(BANK, { year: 2025 }, totals, shares);
    assert.deepEqual(
      r.totals.map((t) => [t.greenCategory, t.projectId, t.attributedFen]),
      [
        ["CleanEnergy", 1n, 80_00n],
        ["None", 2n, 20_00n],
      ],
    );
    assert.deepEqual([r.attributedFen, r.greenFen], [100_00n, 80_00n]);
    assert.deepEqual(r.rows[0], {
      projectId: 1n,
      greenCategory: "CleanEnergy",
      date: "2025-06-01 12:00:00",
      txHash: TX,
      invoiceHash: INVOICE,
      payee: getAddress(PAYEE),
      category: "DirectInputs",
      paymentFen: 100_00n,
      attributedFen: 75_00n,
    });
    assert.deepEqual(
      r.rows.map((x) => [x.projectId, x.category, x.attributedFen]),
      [
        [1n, "DirectInputs", 75_00n],
        [1n, "DirectInputs", 5_00n],
        [2n, "Personnel", 20_00n],
      ],
    );
  });

  test("a quarter: only its totals and its payments", () => {
    const r = greenReportFromIndexed(BANK, { year: 2025, quarter: 4 }, totals, shares.slice(1));
    assert.deepEqual([r.attributedFen, r.greenFen, r.rows.length], [25_00n, 5_00n, 2]);
  });

  test("the years offered are those with money attributed (or a payment that could not be split)", () => {
    assert.deepEqual(greenYears([...totals, total({ year: 2027, attributedFen: 0n })]), [2024, 2025]);
    assert.deepEqual(greenYears([total({ year: 2026, unattributed: 1 })]), [2026]);
  });

  test("a payment that could not be split makes the period's report an error, never a short report", () => {
    assert.throws(
      () =>
        greenReportFromIndexed(BANK, { year: 2025 }, [...totals, total({ projectId: 9n, unattributed: 2 })], shares),
      /project #9 .*cannot be attributed/,
    );
  });

  test("shares that do not add up to the totals (read at another block) are a mismatch to read again", () => {
    assert.throws(
      () => greenReportFromIndexed(BANK, { year: 2025 }, totals, shares.slice(0, 2)),
      (e: unknown) => e instanceof GreenReadMismatch,
    );
  });
});
