/**
 * The `npm run ledger` command (scripts/ledger/ledger.ts): its arguments, checked before anything is read, and the run —
 * RDEscrow's events from the node (from the deployment block of deployments/<network>.json) → the pure builder of
 * web/src/lib/rdLedger → an XLSX or CSV file. Kept apart from the entry point so tests run it in-process.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Contract, type Interface, type Provider } from "ethers";

import type { ChainEvent, Hex } from "../../web/src/lib/events.ts";
import {
  auxiliaryLedgers,
  buildRows,
  greenCsv,
  greenReport,
  LEDGER_COLUMNS,
  ledgerTokens,
  periodBounds,
  rowsCsv,
  summarise,
  summaryCsv,
  summaryLines,
  toLedgerEvents,
  type ExtraRate,
  type GreenReport,
  type Quarter,
  type YearSummary,
} from "../../web/src/lib/rdLedger/index.ts";
import { greenWorkbook, ledgerWorkbook } from "../../web/src/lib/rdLedger/xlsx.ts";
import { ConfigError, parseAddress, parseInteger } from "../lib/config-checks.js";
import { contractAddress, type DeploymentRecord } from "../lib/deployments.js";

export const LEDGER_USAGE =
  "usage: npm run ledger -- --network <name> --firm <address> --year <YYYY> --out <file.xlsx|file.csv> [--rate 100|120]\n" +
  "       npm run ledger -- --network <name> --financier <address> --report green --year <YYYY> [--quarter 1-4] --out <file.xlsx|file.csv>";

export interface LedgerOptions {
  network: string;
  report: "ledger" | "green";
  /** The firm (ledger) or the financier (green report). */
  party: string;
  year: number;
  /** The green report's quarter of the year (CST); absent: the whole year. */
  quarter?: Quarter;
  out: string;
  format: "xlsx" | "csv";
  rate: ExtraRate;
}

/** The command's options, or a ConfigError saying in one sentence what is wrong. */
export function parseLedgerArgs(argv: readonly string[]): LedgerOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        network: { type: "string" },
        firm: { type: "string" },
        financier: { type: "string" },
        report: { type: "string", default: "ledger" },
        year: { type: "string" },
        quarter: { type: "string" },
        out: { type: "string" },
        rate: { type: "string", default: "100" },
      },
      strict: true,
    }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message.split("\n")[0]}; ${LEDGER_USAGE.split("\n")[0]}`);
  }
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const network = text("network");
  if (!network)
    throw new ConfigError(
      "--network is missing; give the network whose deployments/<name>.json to read, e.g. --network localhost.",
    );
  const report = text("report");
  if (report !== "ledger" && report !== "green") {
    throw new ConfigError(
      `--report: "${report}" is not a report; give --report ledger (the default) or --report green.`,
    );
  }
  const who = report === "ledger" ? "firm" : "financier";
  const partyText = text(who);
  if (!partyText) {
    throw new ConfigError(
      report === "ledger"
        ? "--firm is missing; the R&D ledger is per firm: give --firm <address>."
        : "--financier is missing; the green report is per financier: give --financier <address>.",
    );
  }
  const party = parseAddress(`--${who}`, partyText);
  const yearText = text("year");
  if (!yearText) throw new ConfigError("--year is missing; give the tax year, e.g. --year 2026.");
  const year = parseInteger("--year", yearText, 2000, 2100, "a year between 2000 and 2100");
  const quarterText = text("quarter");
  if (quarterText !== undefined && report !== "green")
    throw new ConfigError("--quarter: the R&D ledger is per tax year; --quarter applies to --report green only.");
  const quarter =
    quarterText === undefined
      ? undefined
      : (parseInteger("--quarter", quarterText, 1, 4, "a quarter between 1 and 4") as Quarter);
  const out = text("out");
  if (!out) throw new ConfigError("--out is missing; give the file to write, ending in .xlsx or .csv.");
  const format = out.toLowerCase().endsWith(".xlsx") ? "xlsx" : out.toLowerCase().endsWith(".csv") ? "csv" : undefined;
  if (!format) throw new ConfigError(`--out: "${out}" ends neither in .xlsx nor in .csv; name the file accordingly.`);
  const rate = text("rate");
  if (rate !== "100" && rate !== "120") {
    throw new ConfigError(
      `--rate: "${rate}" is not an extra-deduction rate; give 100 (the default) or 120 (IC and industrial mother-machine firms).`,
    );
  }
  return {
    network,
    report,
    party,
    year,
    ...(quarter ? { quarter } : {}),
    out,
    format,
    rate: Number(rate) as ExtraRate,
  };
}

/** RDEscrow's logs from the deployment block on, decoded and timed, as the dashboard's ChainEvents. */
export async function readEscrowEvents(
  provider: Provider,
  escrow: Interface,
  address: string,
  fromBlock: number,
): Promise<ChainEvent[]> {
  const logs = await provider.getLogs({ address, fromBlock, toBlock: "latest" });
  const times = new Map<number, number>();
  const out: ChainEvent[] = [];
  for (const log of logs) {
    const parsed = escrow.parseLog(log);
    if (!parsed) continue;
    let timestamp = times.get(log.blockNumber);
    if (timestamp === undefined) {
      const block = await provider.getBlock(log.blockNumber);
      if (!block) throw new ConfigError(`The node does not return block ${log.blockNumber}; is it still syncing?`);
      timestamp = block.timestamp;
      times.set(log.blockNumber, timestamp);
    }
    const args = parsed.args.toObject(true) as Record<string, unknown>;
    out.push({
      id: `${log.blockNumber}-${log.index}`,
      contract: "RDEscrow",
      address: address as Hex,
      eventName: parsed.name,
      args,
      argList: parsed.args.toArray(true),
      blockNumber: BigInt(log.blockNumber),
      logIndex: log.index,
      transactionHash: log.transactionHash as Hex,
      timestamp,
    } as unknown as ChainEvent); // decoded by ethers from the same ABI: the arguments by the ABI's names
  }
  return out;
}

export interface LedgerResult {
  file: string;
  summary?: YearSummary;
  report?: GreenReport;
  rowCount: number;
}

/** Reads the events, builds the document and writes it (CSV: the rows; the summary next to it as <name>-summary.csv). */
export async function runLedger(
  provider: Provider,
  escrowInterface: Interface,
  record: DeploymentRecord,
  options: LedgerOptions,
): Promise<LedgerResult> {
  const escrow = contractAddress(record, "RDEscrow");
  const events = toLedgerEvents(await readEscrowEvents(provider, escrowInterface, escrow, record.deployedAtBlock));
  const decimals = new Map<string, number>();
  for (const token of ledgerTokens(events)) {
    const erc20 = new Contract(token, ["function decimals() view returns (uint8)"], provider);
    decimals.set(token, Number(await erc20.getFunction("decimals")()));
  }
  const rows = buildRows(events, decimals);
  if (options.report === "ledger") {
    const summary = summarise(rows, options.party as Hex, options.year, options.rate);
    const ledgers = auxiliaryLedgers(rows, options.party, options.year);
    if (options.format === "xlsx") writeFileSync(options.out, await ledgerWorkbook(ledgers, summary));
    else {
      writeFileSync(
        options.out,
        "\uFEFF" +
          rowsCsv(
            LEDGER_COLUMNS,
            ledgers.flatMap((l) => l.rows),
            "zh",
          ),
      );
      writeFileSync(options.out.replace(/\.csv$/i, "-summary.csv"), "\uFEFF" + summaryCsv(summaryLines(summary), "zh"));
    }
    return { file: options.out, summary, rowCount: summary.rowCount };
  }
  const { from, to } = periodBounds({ year: options.year, quarter: options.quarter });
  const report = greenReport(rows, options.party as Hex, from, to);
  if (options.format === "xlsx") writeFileSync(options.out, await greenWorkbook(report));
  else writeFileSync(options.out, "\uFEFF" + greenCsv(report, "zh"));
  return { file: options.out, report, rowCount: report.rows.length };
}
