import ExcelJS from "exceljs";
import { getAddress, parseEventLogs } from "viem";
import { abis } from "../src/generated/abis";
import { CategoryNames } from "../src/generated/enums";
import { CATEGORY_RULES } from "../src/lib/rdLedger/rules";
import { LEDGER_SHEETS } from "../src/lib/rdLedger/xlsx";
import { accounts, client, deployment } from "./chain";
import { test, expect } from "./fixtures";

/**
 * The firm downloads its R&D expense ledger (研发支出辅助账) as XLSX in Chromium; the test opens the file with
 * exceljs and checks its per-category amounts against the Disbursed events on chain, and the summary's deductible
 * base against the rules computed here from the events (docs/RD-LEDGER.md).
 */
test("the firm downloads the R&D ledger XLSX: categories equal the Disbursed events, the base the rules", async ({
  page,
}) => {
  const who = await accounts();
  const firm = getAddress(who.catalystLab);
  const escrow = deployment().RDEscrow;
  const logs = parseEventLogs({
    abi: abis.RDEscrow,
    logs: await client.getLogs({ address: escrow, fromBlock: 0n }),
  });
  const created = logs.filter((l) => l.eventName === "ProjectCreated" && getAddress(l.args.firm) === firm);
  const projectIds = new Set(created.map((l) => (l.args as { projectId: bigint }).projectId));
  const paid = logs.filter(
    (l) => l.eventName === "Disbursed" && projectIds.has((l.args as { projectId: bigint }).projectId),
  ) as Extract<(typeof logs)[number], { eventName: "Disbursed" }>[];
  const cstYear = async (block: bigint) =>
    new Date((Number((await client.getBlock({ blockNumber: block })).timestamp) + 8 * 3600) * 1000).getUTCFullYear();
  const year = await cstYear(paid[0].blockNumber);
  const inYear: typeof paid = [];
  for (const e of paid) if ((await cstYear(e.blockNumber)) === year) inYear.push(e);

  await page.goto("/rd-ledger");
  await expect(page.getByTestId("rd-ledger-header")).toHaveAttribute("data-ready", "true");
  await page.getByTestId("rd-firm").selectOption(firm);
  await page.getByTestId("rd-year").selectOption(String(year));
  const download = page.waitForEvent("download");
  await page.getByTestId("rd-download-xlsx").click();
  const file = await (await download).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);

  // Per category, the amounts of the project sheets sum to the Disbursed events (dCNY has 2 decimals: fen).
  const fromSheets = new Map<string, bigint>();
  for (const id of projectIds) {
    const sheet = wb.getWorksheet(LEDGER_SHEETS.projectZh(id));
    if (!sheet) continue;
    const header = sheet.getRow(2).values as unknown[];
    const category = header.indexOf("费用明细（法定类别）");
    const amount = header.indexOf("金额（元）");
    sheet.eachRow((row, n) => {
      if (n <= 2) return;
      const label = String(row.getCell(category).value);
      const fen = BigInt(Math.round(Number(row.getCell(amount).value) * 100));
      fromSheets.set(label, (fromSheets.get(label) ?? 0n) + fen);
    });
  }
  const fromEvents = new Map<string, bigint>();
  for (const e of inYear) {
    const label = CATEGORY_RULES[CategoryNames[e.args.category]].zh;
    fromEvents.set(label, (fromEvents.get(label) ?? 0n) + e.args.amount);
  }
  expect(Object.fromEntries(fromSheets)).toEqual(Object.fromEntries(fromEvents));

  // The deductible base from the events: the share of fiscal-funds financiers excluded, then the caps.
  const flagged = new Set(
    logs
      .filter((l) => l.eventName === "FiscalFundsFlagged")
      .map((l) => `${(l.args as { projectId: bigint }).projectId}:${(l.args as { financier: string }).financier}`),
  );
  const funded = logs.filter((l) => l.eventName === "Funded") as Extract<
    (typeof logs)[number],
    { eventName: "Funded" }
  >[];
  const counted = (category: number) =>
    inYear
      .filter((e) => e.args.category === category)
      .reduce((sum, e) => {
        const before = funded.filter((f) => f.args.projectId === e.args.projectId && f.blockNumber < e.blockNumber);
        const total = before.reduce((s, f) => s + f.args.amount, 0n);
        const fiscal = before
          .filter((f) => flagged.has(`${f.args.projectId}:${f.args.financier}`))
          .reduce((s, f) => s + f.args.amount, 0n);
        return sum + e.args.amount - (e.args.amount * fiscal) / total;
      }, 0n);
  const items = [0, 1, 2, 3, 4].reduce((s, c) => s + counted(c), 0n);
  const other = counted(5) < items / 9n ? counted(5) : items / 9n;
  const domestic = items + other + (counted(6) * 8n) / 10n;
  const abroad = (counted(7) * 8n) / 10n;
  const base = domestic + (abroad < (domestic * 2n) / 3n ? abroad : (domestic * 2n) / 3n);
  let baseCell: number | undefined;
  wb.getWorksheet(LEDGER_SHEETS.summaryZh)!.eachRow((row) => {
    if (String(row.getCell(1).value).trim() === "三、允许加计扣除的研发费用合计")
      baseCell = Number(row.getCell(2).value);
  });
  expect(baseCell).toBe(Number(base) / 100);
  await expect(page.getByTestId("rd-line-base")).toBeVisible();
});
