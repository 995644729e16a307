import { test, describe } from "node:test";
import assert from "node:assert/strict";

import {
  auxiliaryLedgers,
  buildRows,
  cstYearStart,
  fenToYuan,
  greenReport,
  GREEN_COLUMNS,
  LEDGER_COLUMNS,
  rowsCsv,
  splitProRata,
  summarise,
  summaryLines,
  toFen,
  type AccountingKey,
  type CategoryKey,
  type GreenKey,
  type Hex,
  type LedgerEvent,
  type RdFormKey,
  type StageKey,
} from "./index.ts";

const FIRM = "0x00000000000000000000000000000000000000f1" as Hex;
const OTHER_FIRM = "0x00000000000000000000000000000000000000f2" as Hex;
const TOKEN = "0x0000000000000000000000000000000000000070" as Hex;
const BANK = "0x000000000000000000000000000000000000000a" as Hex;
const FUND = "0x000000000000000000000000000000000000000b" as Hex;
const SUPPLIER = "0x0000000000000000000000000000000000000005" as Hex;
/** 2025-06-01 12:00:00 CST. */
const JUNE_2025 = Date.UTC(2025, 5, 1, 4) / 1000;
const DECIMALS = new Map([[TOKEN.toLowerCase(), 2]]);

/** A little chain: each helper appends an event one block after the last. */
function chain() {
  const events: LedgerEvent[] = [];
  let block = 1n;
  const pos = (timestamp = JUNE_2025) => ({
    blockNumber: block++,
    logIndex: 0,
    transactionHash: `0x${block.toString(16).padStart(64, "0")}` as Hex,
    timestamp,
  });
  let invoice = 0;
  return {
    events,
    project(
      projectId: bigint,
      opts: {
        firm?: Hex;
        milestones?: { stage: StageKey; accounting: AccountingKey }[];
        rdForm?: RdFormKey;
        green?: GreenKey;
      } = {},
    ) {
      events.push({
        kind: "ProjectCreated",
        projectId,
        firm: opts.firm ?? FIRM,
        token: TOKEN,
        milestones: opts.milestones ?? [{ stage: "Research", accounting: "Expensed" }],
        ...pos(),
      });
      if (opts.rdForm || opts.green)
        events.push({
          kind: "ProjectClassified",
          projectId,
          rdForm: opts.rdForm ?? "Independent",
          greenCategory: opts.green ?? "None",
          ...pos(),
        });
    },
    fund(projectId: bigint, financier: Hex, yuan: bigint) {
      events.push({ kind: "Funded", projectId, financier, amount: yuan * 100n, ...pos() });
    },
    refund(projectId: bigint, financier: Hex, fen: bigint) {
      events.push({ kind: "Refunded", projectId, financier, amount: fen, ...pos() });
    },
    flag(projectId: bigint, financier: Hex) {
      events.push({ kind: "FiscalFundsFlagged", projectId, financier, ...pos() });
    },
    pay(projectId: bigint, category: CategoryKey, fen: bigint, opts: { milestone?: number; at?: number } = {}) {
      events.push({
        kind: "Disbursed",
        projectId,
        payee: SUPPLIER,
        amount: fen,
        milestoneIndex: opts.milestone ?? 0,
        category,
        invoiceHash: `0x${(++invoice).toString(16).padStart(64, "0")}` as Hex,
        ...pos(opts.at),
      });
    },
  };
}

const summaryOf = (events: LedgerEvent[], rate: 100 | 120 = 100, year = 2025) =>
  summarise(buildRows(events, DECIMALS), FIRM, year, rate);

describe("the 10% cap on other related expenses (item 6)", () => {
  test("does not bind when item 6 is below (items 1–5) × 10% / 90%", () => {
    const c = chain();
    c.project(1n);
    c.fund(1n, BANK, 10_000n);
    c.pay(1n, "Personnel", 900_00n);
    c.pay(1n, "OtherRelated", 50_00n);
    const s = summaryOf(c.events);
    assert.equal(s.items1to5Fen, 900_00n);
    assert.equal(s.otherCapFen, 100_00n); // 900 × 10 / 90
    assert.equal(s.otherAllowedFen, 50_00n);
    assert.equal(s.otherCapBinding, false);
    assert.equal(s.deductibleBaseFen, 950_00n);
    assert.equal(s.extraDeductionFen, 950_00n);
  });

  test("binds when item 6 exceeds it, and the extra deduction follows the chosen rate", () => {
    const c = chain();
    c.project(1n);
    c.fund(1n, BANK, 10_000n);
    c.pay(1n, "Personnel", 600_00n);
    c.pay(1n, "DirectInputs", 300_00n);
    c.pay(1n, "OtherRelated", 150_00n);
    const s = summaryOf(c.events, 120);
    assert.equal(s.otherCapFen, 100_00n);
    assert.equal(s.otherAllowedFen, 100_00n);
    assert.equal(s.otherCapBinding, true);
    assert.equal(s.deductibleBaseFen, 1_000_00n);
    assert.equal(s.extraDeductionFen, 1_200_00n);
    assert.equal(summaryOf(c.events, 100).extraDeductionFen, 1_000_00n);
  });

  test("is computed over all the firm's projects of the year together, not per project", () => {
    const c = chain();
    c.project(1n);
    c.project(2n);
    c.project(3n, { firm: OTHER_FIRM });
    for (const p of [1n, 2n, 3n]) c.fund(p, BANK, 10_000n);
    c.pay(1n, "Personnel", 900_00n); // project 1 alone: cap 100.00, item 6 = 0
    c.pay(2n, "OtherRelated", 80_00n); // project 2 alone: cap 0
    c.pay(3n, "Personnel", 9_000_00n); // another firm's project does not raise this firm's cap
    const s = summaryOf(c.events);
    assert.equal(s.projectCount, 2);
    assert.equal(s.otherCapFen, 100_00n);
    assert.equal(s.otherAllowedFen, 80_00n);
    assert.equal(s.deductibleBaseFen, 980_00n);
  });

  test("rounds the cap down to the fen", () => {
    const c = chain();
    c.project(1n);
    c.fund(1n, BANK, 10_000n);
    c.pay(1n, "Personnel", 100_00n); // cap = 10000 / 9 = 1111.1… fen
    c.pay(1n, "OtherRelated", 20_00n);
    const s = summaryOf(c.events);
    assert.equal(s.otherCapFen, 11_11n);
    assert.equal(s.deductibleBaseFen, 111_11n);
  });
});

describe("entrusted R&D", () => {
  test("counts 80% at home; abroad 80% capped at two thirds of the domestic qualifying expenses", () => {
    const c = chain();
    c.project(1n, { rdForm: "Entrusted" });
    c.fund(1n, BANK, 10_000n);
    c.pay(1n, "Personnel", 300_00n);
    c.pay(1n, "EntrustedDomestic", 100_00n);
    c.pay(1n, "EntrustedAbroad", 500_00n);
    const s = summaryOf(c.events);
    assert.equal(s.entrustedDomesticCountedFen, 80_00n);
    assert.equal(s.domesticQualifyingFen, 380_00n);
    assert.equal(s.entrustedAbroad80Fen, 400_00n);
    assert.equal(s.abroadCapFen, 253_33n); // 38000 × 2 / 3 = 25333.3… fen, rounded down
    assert.equal(s.abroadAllowedFen, 253_33n);
    assert.equal(s.abroadCapBinding, true);
    assert.equal(s.deductibleBaseFen, 633_33n);
    assert.deepEqual(
      s.byForm.find((f) => f.rdForm === "Entrusted"),
      { rdForm: "Entrusted", amountFen: 900_00n, countedFen: 900_00n },
    );
  });

  test("abroad within the two-thirds cap counts at 80% in full", () => {
    const c = chain();
    c.project(1n);
    c.fund(1n, BANK, 10_000n);
    c.pay(1n, "Personnel", 300_00n);
    c.pay(1n, "EntrustedAbroad", 100_00n);
    const s = summaryOf(c.events);
    assert.equal(s.abroadCapFen, 200_00n);
    assert.equal(s.abroadAllowedFen, 80_00n);
    assert.equal(s.abroadCapBinding, false);
    assert.equal(s.deductibleBaseFen, 380_00n);
  });

  test("a non-qualifying payment is in the ledger but never counts", () => {
    const c = chain();
    c.project(1n);
    c.fund(1n, BANK, 10_000n);
    c.pay(1n, "NonQualifying", 70_00n);
    const rows = buildRows(c.events, DECIMALS);
    assert.equal(rows[0].countedFen, 0n);
    const s = summarise(rows, FIRM, 2025);
    assert.equal(s.nonQualifyingFen, 70_00n);
    assert.equal(s.deductibleBaseFen, 0n);
  });
});

describe("fiscal funds treated as non-taxable income", () => {
  test("the flagged financier's pro-rata share of a payment is excluded, split to the fen by largest remainder", () => {
    const c = chain();
    c.project(1n);
    c.fund(1n, BANK, 600n);
    c.fund(1n, FUND, 400n);
    c.flag(1n, FUND);
    c.pay(1n, "Personnel", 333_33n);
    const [row] = buildRows(c.events, DECIMALS);
    // 33333 × 400 / 1000 = 13333.2 → 13333; the bank's 19999.8 → 19999 + the fen left over (larger remainder).
    assert.deepEqual(row.shares, [
      { financier: BANK.toLowerCase(), fen: 200_00n },
      { financier: FUND.toLowerCase(), fen: 133_33n },
    ]);
    assert.equal(row.fiscalFen, 133_33n);
    assert.equal(row.countedFen, 200_00n);
    assert.equal(summaryOf(c.events).deductibleBaseFen, 200_00n);
  });

  test("uses the contributions at the time of each payment, and the flag covers the whole contribution", () => {
    const c = chain();
    c.project(1n);
    c.fund(1n, BANK, 500n);
    c.pay(1n, "Personnel", 100_00n); // only the bank had paid in
    c.fund(1n, FUND, 500n);
    c.pay(1n, "Personnel", 100_00n); // half each
    c.flag(1n, FUND); // flagged after both payments: still covers the fund's share of the second
    const rows = buildRows(c.events, DECIMALS);
    assert.deepEqual(
      rows.map((r) => r.fiscalFen),
      [0n, 50_00n],
    );
    assert.deepEqual(
      rows.map((r) => r.countedFen),
      [100_00n, 50_00n],
    );
  });

  test("net contributions subtract refunds", () => {
    const weights = new Map([
      [BANK.toLowerCase(), 300n],
      [FUND.toLowerCase(), 100n],
    ]);
    assert.deepEqual(
      splitProRata(1n, weights).map((s) => s.fen),
      [1n, 0n],
    );
    const c = chain();
    c.project(1n);
    c.fund(1n, BANK, 500n);
    c.fund(1n, FUND, 500n);
    c.flag(1n, FUND);
    c.refund(1n, FUND, 250_00n);
    c.pay(1n, "Personnel", 75_00n);
    assert.equal(buildRows(c.events, DECIMALS)[0].fiscalFen, 25_00n); // 250 of 750
  });
});

describe("the tax year in China Standard Time", () => {
  test("a payment at 00:00 CST on 1 January belongs to the new year, one second earlier to the old one", () => {
    const c = chain();
    c.project(1n);
    c.fund(1n, BANK, 10_000n);
    const newYear = cstYearStart(2026);
    assert.equal(newYear, Date.UTC(2025, 11, 31, 16) / 1000);
    c.pay(1n, "Personnel", 1_00n, { at: newYear - 1 });
    c.pay(1n, "Personnel", 2_00n, { at: newYear });
    const rows = buildRows(c.events, DECIMALS);
    assert.deepEqual(
      rows.map((r) => [r.year, r.date]),
      [
        [2025, "2025-12-31 23:59:59"],
        [2026, "2026-01-01 00:00:00"],
      ],
    );
    assert.equal(summaryOf(c.events, 100, 2025).items1to5Fen, 1_00n);
    assert.equal(summaryOf(c.events, 100, 2026).items1to5Fen, 2_00n);
    assert.equal(rows[0].quarter, 4);
    assert.equal(rows[1].quarter, 1);
  });
});

describe("expensed and capitalised milestones", () => {
  test("the base is split by treatment; the capitalised part forms the asset's tax basis at 1 + rate", () => {
    const c = chain();
    c.project(1n, {
      milestones: [
        { stage: "Research", accounting: "Expensed" },
        { stage: "Pilot", accounting: "Capitalised" },
      ],
    });
    c.fund(1n, BANK, 10_000n);
    c.pay(1n, "Personnel", 600_00n, { milestone: 0 });
    c.pay(1n, "DirectInputs", 400_00n, { milestone: 1 });
    const s = summaryOf(c.events, 120);
    assert.equal(s.deductibleBaseFen, 1_000_00n);
    assert.equal(s.capitalisedBaseFen, 400_00n);
    assert.equal(s.expensedBaseFen, 600_00n);
    assert.equal(s.extraDeductionFen, 720_00n);
    assert.equal(s.capitalisedTaxBasisFen, 880_00n);
    const [ledger] = auxiliaryLedgers(buildRows(c.events, DECIMALS), FIRM, 2025);
    assert.deepEqual(
      ledger.rows.map((r) => [r.stage, r.accounting]),
      [
        ["Research", "Expensed"],
        ["Pilot", "Capitalised"],
      ],
    );
  });
});

describe("the green-finance report", () => {
  test("shows what the financier's attributed money paid for, per green category and project, in the period", () => {
    const c = chain();
    c.project(1n, { green: "CleanEnergy" });
    c.project(2n);
    c.fund(1n, BANK, 300n);
    c.fund(1n, FUND, 100n);
    c.fund(2n, BANK, 100n);
    c.pay(1n, "DirectInputs", 200_00n);
    c.pay(2n, "Personnel", 50_00n);
    c.pay(1n, "Personnel", 40_00n, { at: cstYearStart(2026) }); // outside the period
    const r = greenReport(buildRows(c.events, DECIMALS), BANK, cstYearStart(2025), cstYearStart(2026));
    assert.deepEqual(
      r.totals.map((t) => [t.greenCategory, t.projectId, t.attributedFen]),
      [
        ["CleanEnergy", 1n, 150_00n],
        ["None", 2n, 50_00n],
      ],
    );
    assert.equal(r.greenFen, 150_00n);
    assert.equal(r.attributedFen, 200_00n);
  });
});

describe("amounts and documents", () => {
  test("token amounts convert to fen half up with the token's decimals; yuan print with two decimals", () => {
    assert.equal(toFen(1_005_000_000_000_000_000n, 18), 1_01n);
    assert.equal(toFen(1_004_999_999_999_999_999n, 18), 1_00n);
    assert.equal(toFen(12n, 0), 12_00n);
    assert.equal(toFen(1_234n, 2), 1_234n);
    assert.equal(fenToYuan(123_45n), "123.45");
    assert.equal(fenToYuan(5n), "0.05");
    assert.equal(fenToYuan(-5n), "-0.05");
  });

  test("a payment of an unknown project or milestone is refused in one sentence", () => {
    const c = chain();
    c.fund(9n, BANK, 1n);
    c.pay(9n, "Personnel", 1n);
    assert.throws(() => buildRows(c.events, DECIMALS), /names project 9, which has no ProjectCreated event/);
    const d = chain();
    d.project(1n);
    d.pay(1n, "Personnel", 1n, { milestone: 3 });
    assert.throws(() => buildRows(d.events, DECIMALS), /names milestone 3 of project 1/);
    assert.throws(() => buildRows(d.events, new Map()), /decimals of token/);
  });

  test("the CSV follows the column table; the summary lists every intermediate figure", () => {
    const c = chain();
    c.project(1n);
    c.fund(1n, BANK, 10_000n);
    c.pay(1n, "OtherRelated", 12_34n);
    const rows = buildRows(c.events, DECIMALS);
    const csv = rowsCsv(LEDGER_COLUMNS, rows, "zh").split("\r\n");
    assert.equal(csv[0], LEDGER_COLUMNS.map((col) => col.zh).join(","));
    assert.match(csv[1], /^2025-06-01 12:00:00,1,自主研发,0x.*,其他相关费用,6,12\.34,0\.00,12\.34$/);
    const lines = summaryLines(summarise(rows, FIRM, 2025));
    const byKey = Object.fromEntries(lines.map((l) => [l.key, l.cell]));
    assert.deepEqual(byKey.otherCap, { fen: 0n });
    assert.deepEqual(byKey.otherAllowed, { fen: 0n });
    assert.deepEqual(byKey.otherBinding, { text: "是" });
    assert.deepEqual(byKey.base, { fen: 0n });
  });
});

describe("docs/RD-LEDGER.md", () => {
  test("prints the column table the documents use, header by header", async () => {
    const { readFileSync } = await import("node:fs");
    const doc = readFileSync(new URL("../../../../docs/RD-LEDGER.md", import.meta.url), "utf8");
    for (const col of [...LEDGER_COLUMNS, ...GREEN_COLUMNS])
      assert.ok(doc.includes(`| ${col.zh} | ${col.en} |`), col.zh);
  });
});

describe("the rule table and the contract's enums", () => {
  test("name the same members in the same order", async () => {
    const enums = await import("../../generated/enums.ts");
    const rules = await import("./rules.ts");
    assert.deepEqual([...rules.CATEGORY_KEYS], [...enums.CategoryNames]);
    assert.deepEqual([...rules.RD_FORM_KEYS], [...enums.RdFormNames]);
    assert.deepEqual([...rules.ACCOUNTING_KEYS], [...enums.AccountingNames]);
    assert.deepEqual([...rules.GREEN_KEYS], [...enums.GreenCategoryNames]);
    assert.deepEqual([...rules.STAGE_KEYS], [...enums.StageNames]);
  });
});
