import { getAddress, parseEventLogs, type Address } from "viem";
import { abis } from "../src/generated/abis";
import { accounts, balanceOf, client, deployment } from "./chain";
import { connectAs, rpc, test, expect } from "./fixtures";

/**
 * Exits by request (issue 13): the bank sees its pool's terms, requests its withdrawal from a project's pool, sees
 * the date it becomes executable (the pool's notice after the request, in chain time), cannot withdraw before it,
 * and executes it once the local chain's clock has passed the notice (evm_increaseTime + evm_mine). Runs after the
 * scenario suite (file order), so the pool may hold outstanding financing: the bank then keeps a claim on it.
 */
test("a financier requests a withdrawal, sees when it becomes executable, and executes it after the notice", async ({
  page,
  wallet,
}) => {
  const who = await accounts();
  const pool = deployment().ContingencyPool;
  const logs = parseEventLogs({
    abi: abis.ContingencyPool,
    logs: await client.getLogs({ address: pool, fromBlock: 0n }),
  });
  const committed = logs.find(
    (l) => l.eventName === "Committed" && getAddress(l.args.financier) === getAddress(who.bank),
  ) as Extract<(typeof logs)[number], { eventName: "Committed" }> | undefined;
  expect(committed, "the seed commits the bank to a pool").toBeTruthy();
  const projectId = committed!.args.projectId;
  const terms = await client.readContract({
    abi: abis.ContingencyPool,
    address: pool,
    functionName: "poolTerms",
    args: [projectId],
  });

  await page.goto(`/projects/${projectId}`);
  await connectAs(page, wallet, who.bank);
  // The terms are shown before committing more.
  await expect(page.getByTestId("pool-terms-in-force")).toBeVisible();
  await expect(page.getByTestId("pool-terms-in-force").locator('[data-term="withdrawalNotice"]')).toContainText(
    `${Math.floor(terms.withdrawalNotice / 86_400)}`,
  );

  await page.goto("/financier");
  const row = page.locator(`[data-testid="commitment-row"][data-project="${projectId}"]`);
  await row.getByTestId("pool-request-withdrawal").click();
  const due = row.getByTestId("pool-withdrawal-due");
  await expect(due).toBeVisible();
  const [executableAt] = await client.readContract({
    abi: abis.ContingencyPool,
    address: pool,
    functionName: "withdrawalRequest",
    args: [projectId, who.bank as Address],
  });
  expect(Number(await due.getAttribute("data-executable-at"))).toBe(Number(executableAt));
  const requestedAt = Number((await client.getBlock()).timestamp);
  expect(Number(executableAt) - requestedAt).toBeGreaterThanOrEqual(terms.withdrawalNotice - 1);
  await expect(row.getByTestId("pool-withdraw")).toBeDisabled();

  // The notice passes on the chain's clock; the dashboard follows the chain's time, not the browser's.
  await rpc("evm_increaseTime", [terms.withdrawalNotice + 60]);
  await rpc("evm_mine", []);
  const before = await balanceOf(who.bank as Address);
  const withdraw = row.getByTestId("pool-withdraw");
  await expect(withdraw).toBeEnabled({ timeout: 20_000 });
  await withdraw.click();
  const toast = page.getByTestId("notifier").getByRole("status").filter({ hasText: "Withdraw" }).last();
  await expect(toast).toHaveAttribute("data-testid", "tx-confirmed", { timeout: 30_000 });
  const hash = (await toast.getByTestId("tx-link").getAttribute("title")) as `0x${string}`;
  const receipt = await client.getTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  const withdrawn = parseEventLogs({ abi: abis.ContingencyPool, logs: receipt.logs }).filter(
    (l) => l.eventName === "Withdrawn" || l.eventName === "ClaimOpened",
  );
  expect(withdrawn.length).toBeGreaterThan(0);
  const paid = withdrawn
    .filter((l): l is Extract<typeof l, { eventName: "Withdrawn" }> => l.eventName === "Withdrawn")
    .reduce((s, l) => s + l.args.amount, 0n);
  expect((await balanceOf(who.bank as Address)) - before).toBe(paid);
});
