/**
 * The green report two ways: lib/rdLedger's `greenReport` over every RDEscrow event read from the node (what the
 * `npm run ledger -- --report green` command does), and the dashboard's path — the financier's `greenTotal` and
 * `paymentShare` rows read through the dashboard's indexer client and mapped by `greenReportFromIndexed`. Returns the
 * reports per financier and period, and the payments whose shares do not sum to the payment.
 */
import { createPublicClient, http, type Address } from "viem";

import { erc20Abi, rDEscrowAbi } from "../../../web/src/generated/abis";
import { decodeRow, selection, type KnownTable, type Row } from "../../../web/src/lib/indexer/rows";
import type { ChainEvent } from "../../../web/src/lib/events";
import {
  buildRows,
  cstYears,
  greenReport,
  ledgerTokens,
  periodBounds,
  QUARTERS,
  toFen,
  toLedgerEvents,
  type GreenReport,
  type Hex,
  type ReportPeriod,
} from "../../../web/src/lib/rdLedger/index";
import { greenReportFromIndexed } from "../../../web/src/lib/rdLedger/greenIndexed";
import type { DeploymentRecord } from "../../src/deployment";
import type { Indexer } from "./processes";

export interface GreenComparison {
  financier: Hex;
  period: ReportPeriod;
  fromEvents: GreenReport;
  fromIndexer: GreenReport;
}

export async function compareGreenReports(
  { graphql }: Pick<Indexer, "graphql">,
  rpcUrl: string,
  record: DeploymentRecord,
): Promise<{
  comparisons: GreenComparison[];
  years: { financier: Hex; fromEvents: number[]; fromIndexer: number[] }[];
  payments: number;
  unbalanced: string[];
}> {
  const node = createPublicClient({ transport: http(rpcUrl) });
  const escrow = record.contracts.RDEscrow!.address as Address;
  const logs = await node.getContractEvents({
    address: escrow,
    abi: rDEscrowAbi,
    fromBlock: BigInt(record.deployedAtBlock),
  });
  const times = new Map<bigint, number>();
  const chainEvents: ChainEvent[] = [];
  for (const log of logs) {
    if (!times.has(log.blockNumber))
      times.set(log.blockNumber, Number((await node.getBlock({ blockNumber: log.blockNumber })).timestamp));
    chainEvents.push({
      id: `${log.blockNumber}-${log.logIndex}`,
      contract: "RDEscrow",
      address: escrow,
      eventName: log.eventName,
      args: log.args,
      argList: Object.values(log.args),
      blockNumber: log.blockNumber,
      logIndex: log.logIndex,
      transactionHash: log.transactionHash,
      timestamp: times.get(log.blockNumber),
    } as unknown as ChainEvent); // decoded by viem from the same ABI: the arguments by the ABI's names
  }
  const events = toLedgerEvents(chainEvents);
  const decimals = new Map<string, number>();
  for (const token of ledgerTokens(events))
    decimals.set(
      token,
      await node.readContract({ address: token as Address, abi: erc20Abi, functionName: "decimals" }),
    );
  const rows = buildRows(events, decimals);

  /** Every row of `table` matching `where` (the seeded scenario has fewer than 1,000), decoded as the dashboard does. */
  const all = async <T extends KnownTable>(table: T, where: Record<string, unknown> = {}): Promise<Row<T>[]> => {
    const answer = await graphql<Record<string, { items: Record<string, unknown>[] }>>(
      `query($where: ${table}Filter) { rows: ${table}s(where: $where, ${selection(table).split(" ").includes("id") ? 'orderBy: "id", ' : ""}limit: 1000) { items { ${selection(table)} } } }`,
      { where: JSON.parse(JSON.stringify(where, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) },
    );
    return answer.rows.items.map((json) => decodeRow(table, json));
  };
  const financiers = [...new Set(events.flatMap((e) => (e.kind === "Funded" ? [e.financier] : [])))];
  const comparisons: GreenComparison[] = [];
  const years: { financier: Hex; fromEvents: number[]; fromIndexer: number[] }[] = [];
  for (const financier of financiers) {
    const key = financier.toLowerCase();
    const totals = await all("greenTotal", { financier: key });
    const shares = await all("paymentShare", { financier: key, fen_gt: 0n });
    const mine = rows.filter((r) => r.shares.some((s) => s.financier === key && s.fen > 0n));
    const fromEvents = cstYears(mine.map((r) => r.timestamp));
    years.push({ financier, fromEvents, fromIndexer: [...new Set(totals.map((t) => t.year))].sort((a, b) => a - b) });
    for (const year of fromEvents) {
      for (const period of [{ year }, ...QUARTERS.map((quarter) => ({ year, quarter }))]) {
        const { from, to } = periodBounds(period);
        comparisons.push({
          financier,
          period,
          fromEvents: greenReport(rows, financier, from, to),
          fromIndexer: greenReportFromIndexed(financier, period, totals, shares),
        });
      }
    }
  }

  // Every payment the indexer holds: its shares sum to its token amount in fen (and each share names that amount).
  const [payments, allShares, projects] = await Promise.all([
    graphql<{ payments: { items: { id: string; projectId: string; amount: string }[] } }>(
      "{ payments(limit: 1000) { items { id projectId amount } } }",
    ).then((d) =>
      d.payments.items.map((p) => ({ id: p.id, projectId: BigInt(p.projectId), amount: BigInt(p.amount) })),
    ),
    all("paymentShare"),
    all("project"),
  ]);
  const tokenOf = new Map(projects.map((p) => [p.id, p.token.toLowerCase()]));
  const unbalanced: string[] = [];
  for (const payment of payments) {
    const fen = toFen(payment.amount, decimals.get(tokenOf.get(payment.projectId)!)!);
    const of = allShares.filter((x) => x.paymentId === payment.id);
    const sum = of.reduce((s, x) => s + x.fen, 0n);
    if (sum !== fen || of.some((x) => x.amountFen !== fen))
      unbalanced.push(`payment ${payment.id}: ${of.length} shares sum to ${sum} fen, the payment is ${fen} fen`);
  }
  return { comparisons, years, payments: payments.length, unbalanced };
}
