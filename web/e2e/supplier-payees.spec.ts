/**
 * The firm removes a supplier from its project's payees on the firm page (issue 14): the registry no longer lists
 * it, and the project's pay form no longer offers it. The test puts the payee back at the end, so the seeded
 * chain it shares with the other suites is as it found it.
 */
import type { Page } from "@playwright/test";
import type { Address } from "viem";
import { abis } from "../src/generated/abis";
import { accounts, client, deployment, sendAs } from "./chain";
import { test, expect, type InjectedWallet } from "./fixtures";

const isProjectPayee = (projectId: bigint, supplier: Address) =>
  client.readContract({
    abi: abis.SupplyChainRegistry,
    address: deployment().SupplyChainRegistry,
    functionName: "isProjectPayee",
    args: [projectId, supplier],
  });

async function connectAs(page: Page, wallet: InjectedWallet, account: Address): Promise<void> {
  await wallet.useAccount(account);
  const connect = page.getByTestId("connect-button");
  const shown = page.getByTestId("wallet-account");
  await expect(connect.or(shown)).toBeVisible();
  if (await connect.isVisible()) {
    await connect.click();
    await page.getByTestId("wallet-menu").getByText("E2E Test Wallet").click();
  }
  await expect(shown).toHaveAttribute("data-address", account.toLowerCase());
}

test("the firm removes a supplier from its project's payees; the pay form no longer offers it", async ({
  page,
  wallet,
}) => {
  const who = await accounts();
  expect(await isProjectPayee(1n, who.pagPrimary)).toBe(true);
  await page.goto("/firm");
  await connectAs(page, wallet, who.photoresistFirm);

  const forms = page.getByTestId("supplier-forms");
  await forms.getByTestId("supplier-project").selectOption("1");
  const select = forms.getByTestId("remove-payee-select");
  await expect(select.getByRole("option", { name: "Shanghai PAG Chemicals" })).toHaveCount(1);
  await expect(forms.getByTestId("remove-payee-submit")).toBeDisabled();
  await select.selectOption({ label: "Shanghai PAG Chemicals" });
  await forms.getByTestId("remove-payee-submit").click();
  const toast = page.getByTestId("notifier").getByRole("status").filter({ hasText: "Remove payee" }).last();
  await expect(toast).toHaveAttribute("data-testid", "tx-confirmed", { timeout: 30_000 });

  expect(await isProjectPayee(1n, who.pagPrimary)).toBe(false);
  await expect(select.getByRole("option", { name: "Shanghai PAG Chemicals" })).toHaveCount(0);
  await page.goto("/projects/1");
  const payee = page.getByTestId("pay-form").getByTestId("pay-payee");
  await expect(payee.getByRole("option").first()).toBeAttached(); // the firm itself is always offered
  await expect(payee.getByRole("option", { name: "Shanghai PAG Chemicals" })).toHaveCount(0);

  // Put it back for the suites that share the chain.
  await sendAs(who.photoresistFirm, "SupplyChainRegistry", "addProjectSupplier", [1n, who.pagPrimary]);
  expect(await isProjectPayee(1n, who.pagPrimary)).toBe(true);
});
