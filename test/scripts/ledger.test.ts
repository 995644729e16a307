/**
 * `npm run ledger` (scripts/ledger/ledger-cli.ts): its arguments refused in one sentence, and the documents it writes
 * from a seeded chain (scripts/demo/seed-scenario.ts) on the in-process network, read back with exceljs and
 * checked against the Disbursed events and against the deduction computed independently here.
 */
import { expect } from "chai";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { network } from "hardhat";

import { DEMO_ACCOUNTS } from "../../scripts/lib/demo-accounts.js";
import { deployStack } from "../../scripts/lib/deploy-stack.js";
import type { DeploymentRecord } from "../../scripts/lib/deployments.js";
import { parseLedgerArgs, runLedger, type LedgerOptions } from "../../scripts/ledger/ledger-cli.js";
import { scenarioStack, seedScenario } from "../../scripts/demo/seed-scenario.js";
import { Category, CategoryNames } from "../../web/src/generated/enums.js";
import { CATEGORY_RULES } from "../../web/src/lib/rdLedger/rules.js";
import { LEDGER_SHEETS } from "../../web/src/lib/rdLedger/xlsx.js";

const { ethers, networkHelpers } = await network.getOrCreate();

const ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

describe("npm run ledger (scripts/ledger/ledger-cli.ts)", function () {
  describe("its arguments", function () {
    const ok = ["--network", "localhost", "--firm", ADDRESS, "--year", "2026", "--out", "l.xlsx"];
    const refused = (argv: string[]) => {
      try {
        parseLedgerArgs(argv);
      } catch (error) {
        expect((error as Error).name).to.equal("ConfigError");
        return (error as Error).message;
      }
      throw new Error(`accepted ${argv.join(" ")}`);
    };

    it("accepts the firm's ledger and the financier's green report, xlsx or csv, at 100% or 120%", function () {
      expect(parseLedgerArgs(ok)).to.deep.equal({
        network: "localhost",
        report: "ledger",
        party: ADDRESS,
        year: 2026,
        out: "l.xlsx",
        format: "xlsx",
        rate: 100,
      } satisfies LedgerOptions);
      const green = parseLedgerArgs([
        ...["--network", "localhost", "--financier", ADDRESS.toLowerCase(), "--report", "green"],
        ...["--year", "2026", "--out", "g.CSV", "--rate", "120"],
      ]);
      expect([green.report, green.party, green.format, green.rate]).to.deep.equal(["green", ADDRESS, "csv", 120]);
      expect(green.quarter).to.equal(undefined);
      const quarter = parseLedgerArgs([
        ...["--network", "localhost", "--financier", ADDRESS, "--report", "green"],
        ...["--year", "2026", "--quarter", "3", "--out", "g.xlsx"],
      ]);
      expect([quarter.year, quarter.quarter]).to.deep.equal([2026, 3]);
    });

    it("refuses each wrong argument in one sentence", function () {
      const without = (name: string) => {
        const i = ok.indexOf(name);
        return [...ok.slice(0, i), ...ok.slice(i + 2)];
      };
      expect(refused(without("--network"))).to.match(/^--network is missing/);
      expect(refused(without("--firm"))).to.match(/^--firm is missing; the R&D ledger is per firm/);
      expect(refused(without("--year"))).to.match(/^--year is missing/);
      expect(refused(without("--out"))).to.match(/^--out is missing/);
      expect(refused([...ok, "--report", "tax"])).to.match(/^--report: "tax" is not a report/);
      expect(refused([...without("--firm"), "--report", "green"])).to.match(/^--financier is missing/);
      expect(refused([...without("--firm"), "--firm", "0x1234"])).to.match(/^--firm: "0x1234" is not an address/);
      expect(refused([...without("--year"), "--year", "26"])).to.match(/^--year: "26" is not a year between 2000/);
      expect(refused([...without("--out"), "--out", "l.pdf"])).to.match(/^--out: "l.pdf" ends neither in .xlsx/);
      expect(refused([...ok, "--rate", "150"])).to.match(/^--rate: "150" is not an extra-deduction rate/);
      expect(refused([...ok, "--quarter", "2"])).to.match(/^--quarter: the R&D ledger is per tax year/);
      const green = [...without("--firm"), "--financier", ADDRESS, "--report", "green"];
      expect(refused([...green, "--quarter", "5"])).to.match(/^--quarter: "5" is not a quarter between 1 and 4/);
      expect(refused([...ok, "--frim", ADDRESS])).to.match(/Unknown option '--frim'.*usage: npm run ledger/);
      for (const message of [refused(without("--network")), refused([...ok, "--rate", "1"])]) {
        expect(message.split("\n")).to.have.length(1);
      }
    });
  });

  describe("on the seeded demo chain", function () {
    async function seededFixture() {
      const signers = await ethers.getSigners();
      const reporters = DEMO_ACCOUNTS.filter((a) => a.role === "reporter").map((a) => signers[a.index].address);
      const stack = scenarioStack(await deployStack(ethers, { reporters, quorum: 2 }));
      const summary = await seedScenario(ethers, stack);
      const record = {
        network: "hardhat",
        contracts: { RDEscrow: { address: stack.addresses.escrow, deployedOnBlock: stack.deploymentBlock } },
        deployedAtBlock: stack.deploymentBlock,
      } as unknown as DeploymentRecord;
      return { stack, summary, record };
    }

    /** The CST year of a block. */
    const cstYear = async (blockNumber: number) =>
      new Date(((await ethers.provider.getBlock(blockNumber))!.timestamp + 8 * 3600) * 1000).getUTCFullYear();

    it("writes an XLSX whose per-category amounts are the Disbursed events' and whose base is the rules' result", async function () {
      const { stack, summary, record } = await networkHelpers.loadFixture(seededFixture);
      const firm = summary.accounts.catalystLab;
      const catalyst = summary.projects.catalyst.id;
      const events = await stack.escrow.queryFilter(stack.escrow.filters.Disbursed(catalyst), stack.deploymentBlock);
      const year = await cstYear(events[0].blockNumber);
      const inYear: typeof events = [];
      for (const e of events) if ((await cstYear(e.blockNumber)) === year) inYear.push(e);
      // Every category is paid, one of them abroad.
      expect(new Set(inYear.map((e) => Number(e.args.category)))).to.deep.equal(new Set(Object.values(Category)));

      const dir = mkdtempSync(join(tmpdir(), "ledger-"));
      const out = join(dir, "ledger.xlsx");
      await runLedger(ethers.provider, stack.escrow.interface, record, {
        network: "hardhat",
        report: "ledger",
        party: firm,
        year,
        out,
        format: "xlsx",
        rate: 100,
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);

      // Per category, the amounts of the project's sheet sum to the Disbursed events (in yuan, to the fen).
      const sheet = wb.getWorksheet(LEDGER_SHEETS.projectZh(catalyst))!;
      const header = sheet.getRow(2).values as unknown[];
      const categoryCol = header.indexOf("费用明细（法定类别）");
      const amountCol = header.indexOf("金额（元）");
      const fromSheet = new Map<string, number>();
      sheet.eachRow((row, n) => {
        if (n <= 2) return;
        const label = String(row.getCell(categoryCol).value);
        fromSheet.set(
          label,
          Math.round(((fromSheet.get(label) ?? 0) + Number(row.getCell(amountCol).value)) * 100) / 100,
        );
      });
      const fromEvents = new Map<string, number>();
      for (const e of inYear) {
        const label = CATEGORY_RULES[CategoryNames[Number(e.args.category)]].zh;
        fromEvents.set(label, ((fromEvents.get(label) ?? 0) * 100 + Number(e.args.amount)) / 100); // 2 decimals: fen
      }
      expect(fromSheet).to.deep.equal(fromEvents);

      // The deductible base, computed here from the events: the guidance fund's third of the catalyst's funding is
      // non-taxable fiscal funds, so two thirds of each payment count; then the caps.
      const funded = await stack.escrow.queryFilter(stack.escrow.filters.Funded(catalyst), stack.deploymentBlock);
      const total = funded.reduce((s, e) => s + e.args.amount, 0n);
      const guidance = funded
        .filter((e) => e.args.financier === summary.accounts.guidance)
        .reduce((s, e) => s + e.args.amount, 0n);
      const counted = (c: number) =>
        inYear
          .filter((e) => Number(e.args.category) === c)
          .reduce((s, e) => s + e.args.amount - (e.args.amount * guidance) / total, 0n);
      const itemsOneToFive: number[] = [Category.Personnel, Category.DirectInputs, Category.Depreciation];
      itemsOneToFive.push(Category.Amortisation, Category.NewProductDesign);
      const items = itemsOneToFive.reduce((s, c) => s + counted(c), 0n);
      const other = counted(Category.OtherRelated) < items / 9n ? counted(Category.OtherRelated) : items / 9n;
      const domestic = items + other + (counted(Category.EntrustedDomestic) * 8n) / 10n;
      const abroad80 = (counted(Category.EntrustedAbroad) * 8n) / 10n;
      const base = domestic + (abroad80 < (domestic * 2n) / 3n ? abroad80 : (domestic * 2n) / 3n);

      const summarySheet = wb.getWorksheet(LEDGER_SHEETS.summaryZh)!;
      let baseCell: number | undefined;
      summarySheet.eachRow((row) => {
        if (String(row.getCell(1).value).trim() === "三、允许加计扣除的研发费用合计")
          baseCell = Number(row.getCell(2).value);
      });
      expect(baseCell).to.equal(Number(base) / 100);
      expect(wb.getWorksheet(LEDGER_SHEETS.summaryEn)).to.not.equal(undefined);
      rmSync(dir, { recursive: true });
    });

    it("writes the green fund's report: its pro-rata share of the clean-energy project's payments", async function () {
      const { stack, summary, record } = await networkHelpers.loadFixture(seededFixture);
      const catalyst = summary.projects.catalyst.id;
      const events = await stack.escrow.queryFilter(stack.escrow.filters.Disbursed(catalyst), stack.deploymentBlock);
      const year = await cstYear(events[0].blockNumber);
      const dir = mkdtempSync(join(tmpdir(), "green-"));
      const out = join(dir, "green.csv");
      const result = await runLedger(ethers.provider, stack.escrow.interface, record, {
        network: "hardhat",
        report: "green",
        party: summary.accounts.green,
        year,
        out,
        format: "csv",
        rate: 100,
      });
      const report = result.report!;
      // The green fund put 4 of the catalyst's 9 million in, and nothing in the other projects.
      expect(report.totals.map((t) => [t.greenCategory, t.projectId])).to.deep.equal([["CleanEnergy", catalyst]]);
      // Each payment's share is 4/9 of it, rounded by the largest remainder: at most one fen above the floor.
      const floor = events.reduce((s, e) => s + (e.args.amount * 4n) / 9n, 0n);
      expect(report.attributedFen >= floor && report.attributedFen <= floor + BigInt(events.length)).to.equal(true);
      expect(report.rows.map((r) => r.txHash)).to.deep.equal(events.map((e) => e.transactionHash));
      expect(report.greenFen).to.equal(report.attributedFen);
      const csv = readFileSync(out, "utf8").split("\r\n");
      expect(csv[0]).to.match(/^\uFEFF日期（北京时间）,项目编号,绿色项目类别/);
      expect(csv.filter((l) => l.includes("清洁能源产业"))).to.have.length(report.rows.length);
      rmSync(dir, { recursive: true });
    });
  });
});
