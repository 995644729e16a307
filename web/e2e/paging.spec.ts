import type { Locator, Page } from "@playwright/test";
import { parseEventLogs, type Address } from "viem";
import { abis } from "../src/generated/abis";
import { accounts, client, deployment } from "./chain";
import { connectAs, test, expect, type InjectedWallet } from "./fixtures";

/**
 * A party's history is read a page at a time (issue 16: "a view asks for a page or an aggregate, never for the
 * whole history"): the financier's movements, the firm's payments and a project's payments are each one page of
 * the indexer's rows, newest first, with the number of all rows, and the pager moves to older rows. The seeded
 * scenario has only a few rows of each, so the tests ask for 2 rows a page (`?pageSize=2`, lib/paging) and compare
 * every page with the logs of the node: rows the indexer did not serve in that page, or in that order, fail.
 * Reads only: the chain is left as the seed (and any suite before) left it.
 */
const PAGE_SIZE = 2;

type Log = { blockNumber: bigint; logIndex: number };
/** The dashboard's event ids (`block-logIndex`), newest first. */
const newestFirst = (logs: readonly Log[]): string[] =>
  [...logs]
    .sort((a, b) =>
      a.blockNumber === b.blockNumber ? b.logIndex - a.logIndex : a.blockNumber < b.blockNumber ? 1 : -1,
    )
    .map((l) => `${l.blockNumber}-${l.logIndex}`);

async function escrowLogs() {
  return parseEventLogs({
    abi: abis.RDEscrow,
    logs: await client.getLogs({ address: deployment().RDEscrow, fromBlock: 0n }),
  });
}
async function poolLogs() {
  return parseEventLogs({
    abi: abis.ContingencyPool,
    logs: await client.getLogs({ address: deployment().ContingencyPool, fromBlock: 0n }),
  });
}

/**
 * Walks every page of `table` (rows `rowId`) and checks each against `expected` (newest first): the page size is
 * honoured, "next" shows the next-older rows, the last page holds the rest, and "previous" comes back.
 */
async function expectPagesOf(table: Locator, rowId: string, expected: string[]): Promise<void> {
  expect(expected.length, "the scenario has more rows than one page").toBeGreaterThan(PAGE_SIZE);
  const pages = Math.ceil(expected.length / PAGE_SIZE);
  await expect(table).toContainText(`${expected.length} rows`);
  const rows = table.getByTestId(rowId);
  const ids = async () => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-event-id")));
  for (let page = 0; page < pages; page++) {
    await expect(table).toContainText(`Page ${page + 1} of ${pages}`);
    await expect
      .poll(ids, { message: `page ${page + 1}` })
      .toEqual(expected.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE));
    if (page < pages - 1) await table.getByTestId("page-next").click();
  }
  await expect(table.getByTestId("page-next")).toBeDisabled();
  await table.getByTestId("page-prev").click();
  await expect.poll(ids).toEqual(expected.slice((pages - 2) * PAGE_SIZE, (pages - 1) * PAGE_SIZE));
}

async function openAs(page: Page, wallet: InjectedWallet, account: Address, url: string): Promise<void> {
  await page.goto(url);
  await connectAs(page, wallet, account);
}

test("a project's payments: a page of the indexer's rows at a time, newest first, and the pager moves to older ones", async ({
  page,
}) => {
  const payments = (await escrowLogs()).filter((l) => l.eventName === "Disbursed" && l.args.projectId === 1n);
  await page.goto(`/projects/1?pageSize=${PAGE_SIZE}`);
  await expectPagesOf(page.getByTestId("payments").getByTestId("payments-table"), "payment-row", newestFirst(payments));
});

test("the firm's payments across its projects, page by page", async ({ page, wallet }) => {
  const who = await accounts();
  const logs = await escrowLogs();
  const mine = new Set(
    logs.flatMap((l) =>
      l.eventName === "ProjectCreated" && l.args.firm.toLowerCase() === who.photoresistFirm ? [l.args.projectId] : [],
    ),
  );
  const payments = logs.filter((l) => l.eventName === "Disbursed" && mine.has(l.args.projectId));
  await openAs(page, wallet, who.photoresistFirm, `/firm?pageSize=${PAGE_SIZE}`);
  await expectPagesOf(page.getByTestId("firm-payments"), "payment-row", newestFirst(payments));
});

test("the financier's movements (escrow and pool), page by page", async ({ page, wallet }) => {
  const who = await accounts();
  const mine = (l: { args: object }) =>
    "financier" in l.args && String(l.args.financier).toLowerCase() === who.bank.toLowerCase();
  const movements = [
    ...(await escrowLogs()).filter((l) => (l.eventName === "Funded" || l.eventName === "Refunded") && mine(l)),
    ...(await poolLogs()).filter((l) => (l.eventName === "Committed" || l.eventName === "Withdrawn") && mine(l)),
  ];
  await openAs(page, wallet, who.bank, `/financier?pageSize=${PAGE_SIZE}`);
  await expectPagesOf(page.getByTestId("my-movements"), "movement-row", newestFirst(movements));
});

test("without ?pageSize a list shows its default page: all of a short history on one page", async ({ page }) => {
  const payments = (await escrowLogs()).filter((l) => l.eventName === "Disbursed" && l.args.projectId === 1n);
  expect(payments.length).toBeLessThanOrEqual(20);
  await page.goto("/projects/1");
  const table = page.getByTestId("payments").getByTestId("payments-table");
  await expect(table).toContainText("Page 1 of 1");
  await expect(table.getByTestId("payment-row")).toHaveCount(payments.length);
});
