import { readFileSync } from "node:fs";
import { keccak256, parseEventLogs, stringToHex, type Abi, type Address, type Hex } from "viem";
import { hardhat } from "viem/chains";
import { abis } from "../src/generated/abis";
import { accounts, client, deployment, nodeWallet, sendAs } from "./chain";
import { connectAs, rpc, test, expect } from "./fixtures";

/**
 * A refused advance stays owed and is claimed later (issue 13): a project in a token that can refuse transfers
 * (contracts/test/FalseReturningToken.sol, on the pool's token list by its owner), a component whose substitute
 * accepted its listing, a financier's commitment under the pool's terms; the token refuses when the primary's
 * disruption is confirmed, so the pool books the advance as owed (AdvanceOwed, no tokens moved). The supply-chain
 * page shows it owed; once the token pays again, Claim (claimAdvance) pays the substitute exactly that. Fresh
 * impersonated accounts keep the demo's parties untouched; the test token and its project stay on the chain, so this
 * spec runs last (playwright.config.ts, project "refusing-token"): the other specs see the seeded demo only.
 */
const DAY = 86_400;
const ADVANCE = 25_000n * 10n ** 18n;

async function fresh(n: number): Promise<Address> {
  const address = `0x${(0xe2e0000 + n).toString(16).padStart(40, "0")}` as Address;
  await rpc("hardhat_impersonateAccount", [address]);
  await rpc("hardhat_setBalance", [address, "0x56BC75E2D63100000"]);
  return address;
}

async function send(from: Address, address: Address, abi: Abi, functionName: string, args: readonly unknown[]) {
  const hash = await nodeWallet.writeContract({
    account: from,
    chain: hardhat,
    abi,
    address,
    functionName,
    args,
  } as never);
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} from ${from} reverted`);
  return receipt;
}

test("an advance the token refused shows as owed on the supply-chain page and is claimed later", async ({
  page,
  wallet,
}) => {
  const who = await accounts();
  const d = deployment();
  const [firm, verifier, primary, substitute, financier] = await Promise.all([1, 2, 3, 4, 5].map(fresh));

  // The token, allowed by the pool's owner (the deployer).
  const artifact = JSON.parse(
    readFileSync(
      new URL("../../artifacts/contracts/test/FalseReturningToken.sol/FalseReturningToken.json", import.meta.url),
      "utf8",
    ),
  ) as { abi: Abi; bytecode: Hex };
  const deployHash = await nodeWallet.deployContract({
    account: who.operator,
    chain: hardhat,
    abi: artifact.abi,
    bytecode: artifact.bytecode,
  });
  const token = (await client.waitForTransactionReceipt({ hash: deployHash })).contractAddress!;
  await sendAs(who.operator, "ContingencyPool", "setProjectToken", [token, true]);

  // The project, its suppliers (each registers itself) and a component whose listings both suppliers accept.
  const deadline = BigInt((await client.getBlock()).timestamp) + 365n * BigInt(DAY);
  const created = await send(firm, d.RDEscrow, abis.RDEscrow as Abi, "createProject", [
    token,
    verifier,
    keccak256(stringToHex("Refusing-token project (e2e)")),
    "",
    { rdForm: 0, greenCategory: 0 },
    [{ budget: 10n ** 24n, deadline, stage: 0, accounting: 0 }],
  ]);
  const projectId = (
    parseEventLogs({ abi: abis.RDEscrow, logs: created.logs }).find((l) => l.eventName === "ProjectCreated")!.args as {
      projectId: bigint;
    }
  ).projectId;
  for (const [supplier, name] of [
    [primary, "E2E primary"],
    [substitute, "E2E substitute"],
  ] as const)
    await sendAs(supplier, "SupplyChainRegistry", "registerSupplier", [keccak256(stringToHex(name)), "", "0x434e"]);
  const defined = await send(firm, d.SupplyChainRegistry, abis.SupplyChainRegistry as Abi, "defineComponent", [
    projectId,
    keccak256(stringToHex("E2E component")),
    "",
    primary,
    [{ supplier: substitute, advance: ADVANCE }],
  ]);
  const componentId = (
    parseEventLogs({ abi: abis.SupplyChainRegistry, logs: defined.logs }).find(
      (l) => l.eventName === "ComponentDefined",
    )!.args as { componentId: bigint }
  ).componentId;
  for (const supplier of [primary, substitute])
    await sendAs(supplier, "SupplyChainRegistry", "acceptListing", [projectId, componentId]);

  // The pool's terms, then a commitment that names them.
  const terms = { exposureBps: 10_000, disruptionBps: 10_000, withdrawalNotice: 2 * DAY, repaymentTerm: 90 * DAY };
  await sendAs(firm, "ContingencyPool", "setPoolTerms", [projectId, terms]);
  await send(financier, token, artifact.abi, "mint", [financier, ADVANCE * 4n]);
  await send(financier, token, artifact.abi, "approve", [d.ContingencyPool, ADVANCE * 4n]);
  await sendAs(financier, "ContingencyPool", "commit", [projectId, ADVANCE * 4n, terms]);

  // The listing notice passes; the token refuses; two reporters confirm the primary's disruption.
  await rpc("evm_increaseTime", [7 * DAY + 60]);
  await rpc("evm_mine", []);
  await send(financier, token, artifact.abi, "setReturnFalse", [true]);
  const observedAt = (await client.getBlock()).timestamp;
  const evidence = keccak256(stringToHex("E2E primary down"));
  for (const reporter of [who.reporterA, who.reporterB])
    await sendAs(reporter, "DisruptionOracle", "report", [primary, true, evidence, observedAt]);
  const owedOnChain = () =>
    client.readContract({
      abi: abis.ContingencyPool,
      address: d.ContingencyPool,
      functionName: "owedAdvance",
      args: [projectId, substitute],
    });
  expect(await owedOnChain()).toBe(ADVANCE);

  // The page shows it owed; a claim while the token still refuses is refused in words and changes nothing.
  await page.goto("/supply-chain");
  await connectAs(page, wallet, who.bank);
  const row = page.locator(
    `[data-testid="owed-row"][data-project="${projectId}"][data-substitute="${substitute.toLowerCase()}"]`,
  );
  await expect(row).toHaveAttribute("data-owed", String(ADVANCE));
  await row.getByTestId("claim-advance").click();
  const refused = page.getByTestId("notifier").getByRole("status").filter({ hasText: "Claim the owed advance" }).last();
  await expect(refused).toHaveAttribute("data-testid", "tx-error", { timeout: 30_000 });
  expect(await owedOnChain()).toBe(ADVANCE);

  // The token pays again: Claim pays the substitute the advance, and the row shows it paid.
  await send(financier, token, artifact.abi, "setReturnFalse", [false]);
  const balance = () =>
    client.readContract({
      abi: artifact.abi,
      address: token,
      functionName: "balanceOf",
      args: [substitute],
    }) as Promise<bigint>;
  const before = await balance();
  await row.getByTestId("claim-advance").click();
  const toast = page.getByTestId("notifier").getByRole("status").filter({ hasText: "Claim the owed advance" }).last();
  await expect(toast).toHaveAttribute("data-testid", "tx-confirmed", { timeout: 30_000 });
  expect((await balance()) - before).toBe(ADVANCE);
  expect(await owedOnChain()).toBe(0n);
  await expect(row).toHaveAttribute("data-owed", "0");
});
