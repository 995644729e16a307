import ExcelJS from "exceljs";
import { getAddress, parseEventLogs, type Address } from "viem";
import { abis } from "../src/generated/abis";
import { GreenCategoryNames } from "../src/generated/enums";
import { GREEN_RULES } from "../src/lib/rdLedger/rules";
import { client, deployment } from "./chain";
import { connectAs, rpc, test, expect } from "./fixtures";

/**
 * The green fund downloads its green-finance report (绿色金融报告) from the financier page in Chromium; the test
 * opens the XLSX with exceljs and checks it against the chain: one row per Disbursed event of the projects the fund
 * financed in the year, each payee named, and per green category the fund's attributed money within the rounding of
 * the pro-rata rule (contributions before each payment; docs/RD-LEDGER.md), computed here from the events.
 */
test("the green fund downloads its green report: rows and per-category totals follow the chain's events", async ({
  page,
  wallet,
}) => {
  const green = getAddress((await rpc<string[]>("eth_accounts"))[17]) as Address;
  const logs = parseEventLogs({
    abi: abis.RDEscrow,
    logs: await client.getLogs({ address: deployment().RDEscrow, fromBlock: 0n }),
  });
  type Log<N extends string> = Extract<(typeof logs)[number], { eventName: N }>;
  const funded = logs.filter((l) => l.eventName === "Funded") as Log<"Funded">[];
  const classified = logs.filter((l) => l.eventName === "ProjectClassified") as Log<"ProjectClassified">[];
  const mine = new Set(funded.filter((f) => getAddress(f.args.financier) === green).map((f) => f.args.projectId));
  const paid = (logs.filter((l) => l.eventName === "Disbursed") as Log<"Disbursed">[]).filter((e) =>
    mine.has(e.args.projectId),
  );
  expect(paid.length).toBeGreaterThan(0);
  const cstYear = async (block: bigint) =>
    new Date((Number((await client.getBlock({ blockNumber: block })).timestamp) + 8 * 3600) * 1000).getUTCFullYear();
  const year = await cstYear(paid[paid.length - 1].blockNumber);
  const inYear: typeof paid = [];
  for (const e of paid) if ((await cstYear(e.blockNumber)) === year) inYear.push(e);

  // The fund's share of each payment: its contributions before the payment over all contributions (floor; the
  // builder's largest-remainder split adds at most one fen per payment).
  const floorShare = (e: (typeof paid)[number]) => {
    const before = funded.filter(
      (f) =>
        f.args.projectId === e.args.projectId &&
        (f.blockNumber < e.blockNumber || (f.blockNumber === e.blockNumber && f.logIndex < e.logIndex)),
    );
    const total = before.reduce((s, f) => s + f.args.amount, 0n);
    const ours = before.filter((f) => getAddress(f.args.financier) === green).reduce((s, f) => s + f.args.amount, 0n);
    return (e.args.amount * ours) / total;
  };
  const categoryOf = (projectId: bigint) =>
    GreenCategoryNames[classified.find((c) => c.args.projectId === projectId)?.args.greenCategory ?? 0];
  const expected = new Map<string, { floor: bigint; count: bigint }>();
  for (const e of inYear) {
    const label = GREEN_RULES[categoryOf(e.args.projectId)].zh;
    const x = expected.get(label) ?? { floor: 0n, count: 0n };
    expected.set(label, { floor: x.floor + floorShare(e), count: x.count + 1n });
  }

  await page.goto("/financier");
  await connectAs(page, wallet, green);
  const report = page.getByTestId("green-report");
  await report.getByTestId("green-year").selectOption(String(year));
  await expect(report.getByTestId("green-report-body")).toHaveAttribute("data-period", String(year));
  await expect(report.getByTestId("green-row")).toHaveCount(inYear.length);
  const download = page.waitForEvent("download");
  await report.getByTestId("green-download-xlsx").click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await (await download).path());
  const sheet = wb.getWorksheet("绿色金融报告")!;
  expect(String(sheet.getRow(1).getCell(1).value)).toContain(`报告期 ${year}-01-01 至 ${year}-12-31`);

  // The payment rows: one per Disbursed event, with its payee and transaction.
  const header = sheet.getRow(2).values as unknown[];
  const col = (name: string) => header.indexOf(name);
  const rows: { payee: string; tx: string; green: string; attributed: number }[] = [];
  sheet.eachRow((row, n) => {
    if (n <= 2 || !String(row.getCell(col("交易哈希")).value ?? "").startsWith("0x")) return;
    rows.push({
      payee: String(row.getCell(col("收款方")).value),
      tx: String(row.getCell(col("交易哈希")).value),
      green: String(row.getCell(col("绿色项目类别（2021年版目录一级）")).value),
      attributed: Number(row.getCell(col("归属本机构资金（元）")).value),
    });
  });
  expect(rows.map((r) => r.tx)).toEqual(inYear.map((e) => e.transactionHash));
  expect(rows.map((r) => getAddress(r.payee))).toEqual(inYear.map((e) => getAddress(e.args.payee)));

  // Per green category: the fen attributed lie within [Σ floor, Σ floor + one fen per payment].
  const byCategory = new Map<string, bigint>();
  for (const r of rows)
    byCategory.set(r.green, (byCategory.get(r.green) ?? 0n) + BigInt(Math.round(r.attributed * 100)));
  expect([...byCategory.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [label, { floor, count }] of expected) {
    const got = byCategory.get(label)!;
    expect(got >= floor && got <= floor + count, `${label}: ${got} within [${floor}, ${floor + count}]`).toBe(true);
  }
});
