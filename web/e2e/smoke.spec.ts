import { test, expect, rpc } from "./fixtures";
import { deployments } from "../src/generated/deployments";
import { balanceOf } from "./chain";
import { appConfig } from "../src/config";

/**
 * The e2e stack runs one seeded chain (see playwright.config.ts). "No deployment" is what a restarted node
 * looks like to the dashboard: the recorded addresses have no code. These tests hide the escrow's code
 * inside an evm_snapshot and revert afterwards, so they run in any order with the scenario suite.
 */
test.describe("smoke: a chain without our contracts", () => {
  let snapshot: string | undefined;
  test.beforeAll(async () => {
    snapshot = await rpc<string>("evm_snapshot");
    const escrow = deployments[31337]?.contracts.RDEscrow;
    if (escrow) await rpc("hardhat_setCode", [escrow, "0x"]);
  });
  test.afterAll(async () => {
    if (snapshot) expect(await rpc<boolean>("evm_revert", [snapshot])).toBe(true);
  });

  test("the frame renders and an undeployed chain shows how to run the demo", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("app-title")).toHaveText("R&D Chain Finance");
    for (const id of ["overview", "projects", "financier", "firm", "verifier", "supply-chain", "audit", "rd-ledger"]) {
      await expect(page.getByTestId(`nav-${id}`)).toBeVisible();
    }
    const notice = page.getByTestId("no-deployment");
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("npm ci && npm run demo");
    await page.screenshot({ path: test.info().outputPath("no-deployment.png"), fullPage: true });
  });

  test("language switch translates the frame and is remembered", async ({ page }) => {
    await page.goto("/audit");
    await page.getByTestId("lang-switch").click();
    await expect(page.getByTestId("nav-overview")).toHaveText("总览");
    await expect(page.getByTestId("no-deployment")).toContainText("此链上没有部署");
    await page.reload();
    await expect(page.getByTestId("nav-audit")).toHaveText("审计追踪");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });
});

test.describe("smoke", () => {
  test("the injected EIP-6963 wallet connects through the real injected path", async ({ page, wallet }) => {
    const [account] = await wallet.nodeAccounts();
    await page.goto("/");
    await page.getByTestId("connect-button").click();
    await page.getByTestId("wallet-menu").getByText("E2E Test Wallet").click();
    await expect(page.getByTestId("wallet-account")).toHaveAttribute("data-address", account.toLowerCase());
    expect(Number(await rpc<string>("eth_chainId"))).toBe(31337);
  });

  test("a wallet on another network is asked to switch, and switching goes through the wallet", async ({
    page,
    wallet,
  }) => {
    await page.goto("/");
    await page.getByTestId("connect-button").click();
    await page.getByTestId("wallet-menu").getByText("E2E Test Wallet").click();
    await expect(page.getByTestId("wallet-account")).toBeVisible();
    await expect(page.getByTestId("wrong-chain")).toHaveCount(0);

    await wallet.useChain("0x1"); // the user picks Ethereum mainnet in the wallet
    const prompt = page.getByTestId("wrong-chain");
    await expect(prompt).toContainText("(31337)");
    await prompt.getByRole("button").click();
    await expect(prompt).toHaveCount(0);
    expect(await wallet.chainId()).toBe("0x7a69");
  });

  test("no hydration errors on any route", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /hydrat/i.test(m.text())) errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    for (const route of [
      "/",
      "/projects",
      "/financier",
      "/firm",
      "/verifier",
      "/supply-chain",
      "/audit",
      "/projects/1",
    ]) {
      await page.goto(route);
      await expect(page.getByTestId("app-title")).toBeVisible();
    }
    expect(errors).toEqual([]);
  });
});

test.describe("smoke: the node stops answering", () => {
  // What the browser sees of a stopped node: every request to it refused. History and totals come from the
  // indexer, which still answers: they stay readable, and the banner says the node (contract reads, writes) is down.
  const toNode = (url: URL) => url.origin === new URL(appConfig.rpcUrl).origin;

  test("a banner says so, the indexed history stays readable and the banner leaves when it answers", async ({
    page,
  }) => {
    await page.route(toNode, (route) => route.abort("connectionrefused"));
    await page.goto("/");
    await expect(page.getByTestId("node-down")).toContainText(appConfig.rpcUrl);
    await page.screenshot({ path: test.info().outputPath("node-down.png"), fullPage: true });

    await page.unroute(toNode);
    await expect(page.getByTestId("node-down")).toBeHidden();
    await expect(page.getByTestId("overview-header")).toHaveAttribute("data-ready", "true");
    const escrow = deployments[31337]!.contracts.RDEscrow!;
    await expect(page.getByTestId("total-escrowHeld").locator("[data-value]")).toHaveAttribute(
      "data-value",
      (await balanceOf(escrow)).toString(),
    );
  });
});
