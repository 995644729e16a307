import { test, expect, rpc } from "./fixtures";
import { accounts, balanceOf, deployment, sendAs, yuan } from "./chain";
import { E2E_INDEXER_URL, restartIndexer, stopIndexer } from "./stackState";
import type { Page } from "@playwright/test";

/**
 * The dashboard reads history and aggregates from the indexer (e2e/stack.ts starts it). Two things a user of a
 * real deployment meets: the indexer stops (a crash, a restart, an upgrade) and the chain reorganises.
 *
 * The UI contract (issue 16): while the indexer cannot be read every page says so in a banner naming the indexer,
 * totals and tables read as unknown — never as zeros — and once it answers again the open page recovers by itself.
 */
const ROUTES = [
  "/",
  "/projects",
  "/projects/1",
  "/financier",
  "/firm",
  "/verifier",
  "/supply-chain",
  "/audit",
  "/rd-ledger",
];

/** The Overview's total `key` as a number of token units, or undefined while it is unknown. */
async function total(page: Page, key: string): Promise<string | undefined> {
  const value = page.getByTestId(`total-${key}`).locator("[data-value]");
  return (await value.count()) === 0 ? undefined : ((await value.getAttribute("data-value")) ?? undefined);
}

/**
 * Until the dashboard reads the indexer (issue 16's web part, branch h-indexweb) it serves history from its own
 * route, which neither knows the indexer nor follows a reorganisation: these tests wait for that work.
 */
async function skipWhileTheDashboardReadsItsOwnHistory(page: Page): Promise<void> {
  const ownHistory = await page.request.get("/api/history").then(
    (r) => r.ok(),
    () => false,
  );
  test.fixme(ownHistory, "the dashboard still reads /api/history, not the indexer (h-indexweb)");
}

async function expectOverviewMatchesChain(page: Page): Promise<void> {
  await expect(page.getByTestId("overview-header")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("total-escrowHeld").locator("[data-value]")).toHaveAttribute(
    "data-value",
    (await balanceOf(deployment().RDEscrow)).toString(),
  );
}

test.describe("the indexer stops and starts again", () => {
  test.afterEach(async () => {
    // Whatever the test did, the next suite finds the indexer running and at the node's head.
    await restartIndexer();
  });

  test("every page says history is unknown and why, shows no zeros, and recovers without a reload", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await skipWhileTheDashboardReadsItsOwnHistory(page);
    await stopIndexer();
    for (const route of ROUTES) {
      await test.step(route, async () => {
        await page.goto(route);
        await expect(page.getByTestId("app-title")).toBeVisible();
        await expect(page.getByTestId("indexer-down")).toContainText(E2E_INDEXER_URL);
        // Nothing read from history is shown as a number: no amount, no event row, no "nothing yet".
        await expect(page.getByTestId("event-row")).toHaveCount(0);
        await expect(page.getByText("No token movements yet.")).toHaveCount(0);
        if (route === "/supply-chain") {
          // Each list of the supply chain says it is unknown instead of "Nothing yet."
          for (const section of [
            "suppliers",
            "components",
            "substitute-financings",
            "owed-advances",
            "oracle-events",
          ]) {
            await expect(page.getByTestId(section).getByTestId("section-unknown")).toBeVisible();
            await expect(page.getByTestId(section)).not.toContainText("Nothing yet.");
          }
        }
      });
    }
    await page.goto("/");
    await expect(page.getByTestId("indexer-down")).toBeVisible();
    await expect(page.getByTestId("overview-header")).toHaveAttribute("data-ready", "false");
    for (const key of ["funded", "disbursed", "escrowHeld", "financed"]) {
      expect(await total(page, key), `total-${key} while the indexer is down`).toBeUndefined();
      await expect(page.getByTestId(`total-${key}`)).toContainText(/unknown/i);
    }
    await page.screenshot({ path: test.info().outputPath("indexer-down.png"), fullPage: true });

    await restartIndexer();
    await expect(page.getByTestId("indexer-down")).toBeHidden({ timeout: 30_000 });
    await expectOverviewMatchesChain(page);
    // "indexed to block N, chain at M", caught up (not amber).
    const head = Number(BigInt(await rpc<string>("eth_blockNumber")));
    const freshness = page.getByTestId("index-status");
    await expect(freshness).toHaveAttribute("data-indexed", String(head));
    await expect(freshness).toHaveAttribute("data-behind", "false");
  });

  // The banner follows the latest /status read, not only the first: a page open before the outage says so too.
  test("a page already open when the indexer stops says so by itself", async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto("/");
    await expectOverviewMatchesChain(page);
    await stopIndexer();
    const banner = page.getByTestId("indexer-down");
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(E2E_INDEXER_URL);
    await restartIndexer();
    await expect(banner).toBeHidden({ timeout: 30_000 });
    await expectOverviewMatchesChain(page);
  });
});

test.describe("the chain reorganises", () => {
  // The last revert goes back to before chain B and mines as many empty blocks as B had: a reorganisation to the
  // same height, which the dashboard follows because it reads again when the head's time changes, not only its number.
  test("the Overview's totals follow the new chain: a reverted funding disappears, the other chain's appears", async ({
    page,
  }) => {
    await skipWhileTheDashboardReadsItsOwnHistory(page);
    const who = await accounts();
    const { RDEscrow } = deployment();
    const fund = async (amount: bigint) => {
      await sendAs(who.bank, "DemoStablecoin", "approve", [RDEscrow, amount]);
      await sendAs(who.bank, "RDEscrow", "fund", [2n, amount]);
    };
    await page.goto("/");
    await expectOverviewMatchesChain(page);
    const funded = BigInt((await total(page, "funded"))!);
    const fundedShows = (value: bigint) =>
      expect(page.getByTestId("total-funded").locator("[data-value]")).toHaveAttribute("data-value", value.toString());

    // Chain A: the bank funds ¥1,000; the open page shows it.
    const beforeA = await rpc<string>("evm_snapshot");
    await fund(yuan(1_000));
    await fundedShows(funded + yuan(1_000));

    // Back to before A, then chain B (as long as A and one block more): the bank funds ¥300 instead.
    expect(await rpc<boolean>("evm_revert", [beforeA])).toBe(true);
    const beforeB = await rpc<string>("evm_snapshot");
    await fund(yuan(300));
    await rpc("evm_mine");
    await fundedShows(funded + yuan(300));
    await expectOverviewMatchesChain(page);

    // Back to the seeded state (plus empty blocks): the next suites find the chain as the seed left it.
    expect(await rpc<boolean>("evm_revert", [beforeB])).toBe(true);
    for (let i = 0; i < 3; i++) await rpc("evm_mine");
    await fundedShows(funded);
    await expectOverviewMatchesChain(page);
  });
});
