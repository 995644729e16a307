/**
 * `npm run ledger -- --network <name> --firm <address> --year <YYYY> --out <file.xlsx>` — the R&D expense
 * auxiliary ledger and its yearly summary (研发支出辅助账及汇总表) of a firm, or with
 * `--financier <address> --report green` the green-finance report of a financier, built from RDEscrow's events on
 * the node (docs/RD-LEDGER.md). Options:
 *   --network <name>   reads deployments/<name>.json and connects to Hardhat's network of that name
 *   --rate 100|120     the extra-deduction rate (default 100; 120 for IC and industrial mother-machine firms)
 *   --out <file>       .xlsx (Chinese sheets, then English) or .csv (rows; the summary in <name>-summary.csv)
 * Refuses wrong arguments in one sentence and exits 1.
 */
import { network } from "hardhat";

import { failureMessage } from "../lib/config-checks.js";
import { readDeployment } from "../lib/deployments.js";
import { parseLedgerArgs, runLedger } from "./ledger-cli.js";
import { fenToYuan } from "../../web/src/lib/rdLedger/money.ts";

let connection: Awaited<ReturnType<typeof network.create>> | undefined;
try {
  const options = parseLedgerArgs(process.argv.slice(2));
  const record = readDeployment(options.network);
  connection = await network.create({ network: options.network });
  const { ethers } = connection;
  const escrow = await ethers.getContractAt(
    "RDEscrow",
    record.contracts.RDEscrow?.address ?? "0x0000000000000000000000000000000000000001",
  );
  const result = await runLedger(ethers.provider, escrow.interface, record, options);
  if (result.summary) {
    const s = result.summary;
    console.log(
      `wrote ${result.file}: ${s.rowCount} payments in ${s.projectCount} projects of ${options.year}; ` +
        `deductible base ¥${fenToYuan(s.deductibleBaseFen)}, extra deduction at ${s.extraRate}% ¥${fenToYuan(s.extraDeductionFen)}`,
    );
  } else if (result.report) {
    console.log(
      `wrote ${result.file}: ${result.rowCount} payments; attributed ¥${fenToYuan(result.report.attributedFen)}, ` +
        `of which green ¥${fenToYuan(result.report.greenFen)}`,
    );
  }
} catch (error) {
  console.error(failureMessage(error));
  process.exitCode = 1;
} finally {
  await connection?.close();
}
