/**
 * The seeded demo scenario (scripts/demo/seed-demo.ts, disruption not fired) driven as its people would, through
 * the injected EIP-1193/EIP-6963 test wallet: a financier funds, the verifier approves, the firm pays a
 * supplier, two oracle reporters report a disruption and the contingency pool finances the substitute, the firm
 * repays part of the financing, a financier withdraws its pool share and claims a refund of the failed project.
 * Every step is checked twice: on screen (text, rows, notifier states) and on chain (viem reads).
 * The tests run in order and build on each other's chain state.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { keccak256, stringToHex, type Address } from "viem";
import { abis } from "../src/generated/abis";
import { connectAs, expect, rpc, test, type InjectedWallet } from "./fixtures";
import type { Page } from "@playwright/test";
import {
  accounts,
  balanceOf,
  client,
  componentCount,
  currentSupplier,
  getMilestones,
  getPool,
  getPosition,
  getProject,
  getSupplier,
  isDisrupted,
  MilestoneStatus,
  sendAs,
  withdrawable,
  yuan,
  type Role,
} from "./chain";

test.describe.configure({ mode: "serial" });

const SCREENSHOTS = resolve(import.meta.dirname, "../test-results/screenshots");
/** E2E_UPDATE_DOCS=1 also refreshes the README's screenshots (docs/screenshots/). */
const DOCS_SCREENSHOTS = resolve(import.meta.dirname, "../../docs/screenshots");

async function screenshot(page: Page, name: string, docsName?: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let the last poll settle so the picture shows loaded data, not a spinner; dismiss finished toasts.
  await expect(page.getByTestId("history-loading")).toHaveCount(0);
  const close = page.getByTestId("notifier").getByRole("button", { name: "Dismiss" });
  while ((await close.count()) > 0) await close.first().click();
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: "image/png" });
  if (docsName && process.env.E2E_UPDATE_DOCS === "1") {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(path, join(DOCS_SCREENSHOTS, `${docsName}.png`));
  }
}

let who: Record<Role, Address>;

/**
 * Opens `url` connected as `account`. A page that is already connected switches the wallet first: the next page
 * reconnects with the wallet's account, and a switch announced while it loads could be missed.
 */
async function goAs(page: Page, wallet: InjectedWallet, account: Address, url: string): Promise<void> {
  if (page.url().startsWith("http")) await connectAs(page, wallet, account);
  await page.goto(url);
  await connectAs(page, wallet, account);
}

/** `account` registers itself as a supplier on the supply-chain page (region CN). */
async function registerSelf(page: Page, wallet: InjectedWallet, account: Address, name: string): Promise<void> {
  await goAs(page, wallet, account, "/supply-chain");
  const register = page.getByTestId("inbox-register");
  await register.getByTestId("inbox-name").fill(name);
  await register.getByTestId("inbox-register-submit").click();
  await confirmed(page, "Register as supplier");
  await expect(page.getByTestId("inbox-register")).toHaveCount(0);
}

/** Waits for the transaction toast titled `title` to go pending → confirmed; returns its tx hash. */
async function confirmed(page: Page, title: string | RegExp): Promise<string> {
  const toast = page.getByTestId("notifier").getByRole("status").filter({ hasText: title }).last();
  await expect(toast).toBeVisible();
  await expect(toast).toHaveAttribute("data-testid", "tx-confirmed", { timeout: 30_000 });
  const link = toast.getByTestId("tx-link");
  const hash = (await link.getAttribute("title")) ?? "";
  expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
  const receipt = await import("./chain").then((c) => c.client.getTransactionReceipt({ hash: hash as `0x${string}` }));
  expect(receipt.status).toBe("success");
  return hash;
}

test.beforeAll(async () => {
  who = await accounts();
});

test("the overview and the projects show the seeded scenario", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("overview-header")).toHaveAttribute("data-ready", "true");
  // Totals rebuilt from events equal the chain: escrow held = the escrow's token balance.
  const { RDEscrow, ContingencyPool } = (await import("./chain")).deployment();
  await expect(page.getByTestId("total-escrowHeld").locator("[data-value]")).toHaveAttribute(
    "data-value",
    (await balanceOf(RDEscrow)).toString(),
  );
  await expect(page.getByTestId("total-poolHeld").locator("[data-value]")).toHaveAttribute(
    "data-value",
    (await balanceOf(ContingencyPool)).toString(),
  );
  await expect(page.getByTestId("sankey")).toBeVisible();
  await expect(page.getByTestId("sankey-link-substitute")).toHaveCount(0); // not yet disrupted

  await page.getByTestId("nav-projects").click();
  const rows = page.getByTestId("project-row");
  await expect(rows).toHaveCount(3);
  const first = rows.and(page.locator('[data-project="1"]'));
  await expect(first).toContainText("Suzhou Jingke Photoresist");
  await expect(first).toContainText("18,000,000.00 dCNY / 18,000,000.00");
  // The project's title is the document behind its on-chain description hash, checked against that hash.
  await expect(first.getByTestId("project-title")).toHaveText("KrF/ArF photoresist localisation R&D");
  await expect(first.getByTestId("project-title")).toHaveAttribute("data-document", "published");
  await screenshot(page, "projects");
  await first.getByRole("link").first().click();
  await expect(page.locator("h1")).toHaveText("Project 1 · KrF/ArF photoresist localisation R&D");
  // Milestone evidence reads as the evidence document, not a hash.
  await expect(page.getByTestId("milestones")).toContainText("ArF 90nm L/S 分辨率 SEM 报告");
});

test("a financier funds a project with room, and over-funding reads as a sentence", async ({ page, wallet }) => {
  await page.goto("/projects/2");
  await connectAs(page, wallet, who.guidance);
  const before = await getProject(2n);
  const balanceBefore = await balanceOf(who.guidance);
  expect(before.target - before.funded).toBe(yuan(600_000));

  await page.getByTestId("fund-amount").fill("200000");
  await page.getByTestId("fund-submit").click();
  // The notifier shows the approval and the funding: pending (buttons disabled) → confirmed with a hash.
  await expect(page.getByTestId("tx-pending").first()).toBeVisible();
  await confirmed(page, "Fund project 2");
  expect((await getProject(2n)).funded).toBe(before.funded + yuan(200_000));
  expect(await balanceOf(who.guidance)).toBe(balanceBefore - yuan(200_000));
  await expect(page.getByTestId("financiers")).toContainText("200,000.00");

  // ¥400,000.00 room left: ¥500,000.00 is refused, with the custom error decoded into the catalog's sentence.
  await page.getByTestId("fund-amount").fill("500000");
  await page.getByTestId("fund-submit").click();
  const error = page.getByTestId("tx-error").last();
  await expect(error).toContainText(
    "This would exceed the project's target; at most 400,000.00 dCNY can still be funded.",
  );
  expect(await error.innerText()).not.toMatch(/0x[0-9a-fA-F]{16,}/);
  expect((await getProject(2n)).funded).toBe(before.funded + yuan(200_000));

  await page.getByTestId("nav-financier").click();
  await expect(page.getByTestId("my-contributions")).toContainText("#2");
  await screenshot(page, "financier");
});

test("the verifier approves a submitted milestone", async ({ page, wallet }) => {
  expect((await getMilestones(1n))[2].status).toBe(MilestoneStatus.Submitted);
  await page.goto("/verifier");
  await connectAs(page, wallet, who.verifier);
  const row = page.getByTestId("review-row").filter({ hasText: "#1" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("6,000,000.00");
  await screenshot(page, "verifier");

  await row.getByRole("link", { name: "#1" }).click();
  const review = page.getByTestId("review-milestone").and(page.locator('[data-index="2"]'));
  await review.getByTestId("approve-milestone").click();
  await confirmed(page, "Approve milestone 3");
  expect((await getMilestones(1n))[2].status).toBe(MilestoneStatus.Approved);
  await expect(page.getByTestId("milestone-row").and(page.locator('[data-index="2"]'))).toContainText("Approved");
  await expect(page.getByTestId("review-milestone")).toHaveCount(0);
});

test("the firm sees why its evidence was rejected, resubmits, and the verifier rejects again with a reason", async ({
  page,
  wallet,
}) => {
  // Project #2's second milestone was rejected in the seed, with a published reason.
  expect((await getMilestones(2n))[1].status).toBe(MilestoneStatus.Rejected);
  await page.goto("/projects/2");
  await connectAs(page, wallet, who.catalystLab);
  const row = page.getByTestId("milestone-row").and(page.locator('[data-index="1"]'));
  await expect(row.getByTestId("rejection-reason")).toContainText(
    "Rejected because: 驳回：MEA 3 万圈加速老化后 ECSA 衰减 52%",
  );

  await page.getByTestId("evidence-text").fill("Batch consistency data for 5 kilogram batches, MEA retest report");
  await page.getByTestId("submit-evidence").click();
  await confirmed(page, "Submit for review");
  expect((await getMilestones(2n))[1].status).toBe(MilestoneStatus.Submitted);
  await expect(row).toContainText("Submitted");
  await expect(row.getByTestId("rejection-reason")).toHaveCount(0);

  await connectAs(page, wallet, who.verifier);
  const review = page.getByTestId("review-milestone").and(page.locator('[data-index="1"]'));
  await review.getByTestId("reject-reason").fill("ECSA loss still above 40% after 30k cycles");
  await review.getByTestId("reject-milestone").click();
  await confirmed(page, "Reject milestone 2");
  expect((await getMilestones(2n))[1].status).toBe(MilestoneStatus.Rejected);
  await expect(row).toContainText("Rejected");
  // The reason typed in the dashboard was published beside its hash (the default for reasons): it reads as text.
  await expect(row.getByTestId("rejection-reason")).toContainText(
    "Rejected because: ECSA loss still above 40% after 30k cycles",
  );
  // The evidence was submitted private (the default for evidence): its hash, marked so.
  await expect(row.getByTestId("milestone-evidence")).toHaveAttribute("data-document", "private");
});

test("the firm pays a registered supplier from an approved milestone", async ({ page, wallet }) => {
  await page.goto("/firm");
  await connectAs(page, wallet, who.photoresistFirm);
  await expect(page.getByTestId("firm-projects")).toContainText("#1");
  await screenshot(page, "firm");

  await page.goto("/projects/1");
  const before = await balanceOf(who.pagPrimary);
  const paidBefore = (await getMilestones(1n))[1].paid;
  expect(paidBefore).toBe(0n);
  const form = page.getByTestId("pay-form");
  await form.getByTestId("pay-milestone").selectOption("1"); // milestone 2 (index 1): approved, unpaid
  await form.getByTestId("pay-payee").selectOption({ label: "Shanghai PAG Chemicals" });
  await form.getByTestId("pay-amount").fill("250000");
  await form.getByTestId("pay-category").selectOption({ label: "Direct inputs" });
  await form.getByTestId("pay-invoice").fill("INV-2026-E2E-0001");
  await form.getByTestId("pay-submit").click();
  await confirmed(page, /^Pay/);

  expect(await balanceOf(who.pagPrimary)).toBe(before + yuan(250_000));
  expect((await getMilestones(1n))[1].paid).toBe(yuan(250_000));
  const payment = page.getByTestId("payment-row").first();
  await expect(payment).toContainText("Shanghai PAG Chemicals");
  await expect(payment).toContainText("250,000.00");
  await expect(payment).toContainText("Direct inputs");
  await screenshot(page, "project", "project");
});

test("two reporters confirm a disruption; the pool finances the substitute", async ({ page, wallet }) => {
  const substituteBefore = await balanceOf(who.resinSubstitute);
  await page.goto("/supply-chain");
  await connectAs(page, wallet, who.reporterA);
  const console_ = page.getByTestId("reporter-console");
  await expect(console_).toContainText("Quorum 2 of 3 reporters");
  const report = async (title: string) => {
    await console_.getByTestId("report-supplier").fill(who.resinPrimary);
    await console_.getByTestId("report-evidence").fill("Fire at the Kumamoto plant, line 2 shut down (NHK report)");
    await console_.getByTestId("report-disruption").click();
    return confirmed(page, title);
  };
  await report("Report disruption");
  expect(await isDisrupted(who.resinPrimary)).toBe(false); // one vote of a quorum of two

  await connectAs(page, wallet, who.reporterB);
  await page.getByTestId("tx-confirmed").getByRole("button").click(); // dismiss the first toast
  await report("Report disruption");
  expect(await isDisrupted(who.resinPrimary)).toBe(true);
  expect((await currentSupplier(1n, 1n)).toLowerCase()).toBe(who.resinSubstitute);
  expect((await currentSupplier(1n, 2n)).toLowerCase()).toBe(who.resinSubstitute);
  expect(await balanceOf(who.resinSubstitute)).toBe(substituteBefore + yuan(600_000) + yuan(850_000));

  const supplier = page.getByTestId("supplier-row").and(page.locator(`[data-supplier="${who.resinPrimary}"]`));
  await expect(supplier.getByTestId("supplier-state")).toHaveAttribute("data-disrupted", "true");
  const financings = page.getByTestId("financings-table").getByTestId("financing-row");
  await expect(financings).toHaveCount(2);
  await expect(financings.first()).toContainText("Ningbo Polymer Resins");
  await screenshot(page, "supply-chain");

  // The fund-flow diagram: pool → substitute, highlighted, for the two advances.
  await page.getByTestId("nav-overview").click();
  await expect(page.getByTestId("overview-header")).toHaveAttribute("data-ready", "true");
  const substituteLinks = page.getByTestId("sankey-link-substitute");
  // pool of project #1 → the firm (who owes it) → the substitute supplier, both for the two advances.
  await expect(substituteLinks).toHaveCount(2);
  await expect(substituteLinks.and(page.locator(`[data-target="substitute:${who.resinSubstitute}"]`))).toHaveAttribute(
    "data-amount",
    yuan(1_450_000).toString(),
  );
  await expect(substituteLinks.and(page.locator('[data-source="pool:1"]'))).toHaveAttribute(
    "data-amount",
    yuan(1_450_000).toString(),
  );
  await expect(page.getByTestId("sankey-node-substitute")).toContainText("Ningbo Polymer Resins");
  await expect(page.getByTestId("total-financed").locator("[data-value]")).toHaveAttribute(
    "data-value",
    yuan(1_450_000).toString(),
  );
  await substituteLinks.first().click();
  // The selected flow names the pool by its project's title; the substitute financings are its transactions.
  await expect(page.getByTestId("flow-transactions")).toContainText(
    "Contingency pool · project 1 · KrF/ArF photoresist localisation R&D",
  );
  await expect(page.getByTestId("flow-transactions").getByTestId("event-row").first()).toHaveAttribute(
    "data-event",
    "SubstituteFinanced",
  );
  await screenshot(page, "overview", "overview");
});

test("the firm repays part of the financing; a financier sees its exposure, withdraws its share and claims a refund", async ({
  page,
  wallet,
}) => {
  const { ContingencyPool } = (await import("./chain")).deployment();
  // The firm owes the pool the two advances; it repays ¥500,000.00 of the ¥1,450,000.00.
  await page.goto("/projects/1");
  await connectAs(page, wallet, who.photoresistFirm);
  const owed = page.getByTestId("financing-owed").locator("[data-value]");
  await expect(owed).toHaveAttribute("data-value", yuan(1_450_000).toString());
  const poolBefore = await balanceOf(ContingencyPool);
  const firmBefore = await balanceOf(who.photoresistFirm);
  await page.getByTestId("repay-amount").fill("500000");
  await page.getByTestId("repay-submit").click();
  await confirmed(page, "Repay the pool");
  expect(await balanceOf(ContingencyPool)).toBe(poolBefore + yuan(500_000));
  expect(await balanceOf(who.photoresistFirm)).toBe(firmBefore - yuan(500_000));
  await expect(owed).toHaveAttribute("data-value", yuan(950_000).toString());

  // On the financier's page, the guidance fund sees its exposure — its part of the ¥950,000.00 the firm still owes
  // — and its withdrawable share (unused liquidity + repayments), both as the pool accounts them.
  await connectAs(page, wallet, who.guidance);
  await page.getByTestId("nav-financier").click();
  const commitment = page.getByTestId("commitment-row").and(page.locator('[data-project="1"]'));
  const share = await withdrawable(1n, who.guidance);
  expect(share).toBeGreaterThan(0n);
  await expect(commitment.getByTestId("withdrawable").locator("[data-value]")).toHaveAttribute(
    "data-value",
    share.toString(),
  );
  const exposure = commitment.getByTestId("exposure").locator("[data-value]");
  const exposureBefore = BigInt((await exposure.getAttribute("data-value"))!);
  expect(exposureBefore).toBeGreaterThan(0n);
  expect(exposureBefore).toBeLessThan(yuan(950_000));

  // Shares exit by request: the guidance fund requests, the pool's notice passes on the chain's clock, then
  // withdrawing pays exactly the share, and turns the exposure into a claim on repayments of the same size.
  await commitment.getByTestId("pool-request-withdrawal").click();
  await confirmed(page, "Request withdrawal");
  const { withdrawalNotice } = await client.readContract({
    abi: abis.ContingencyPool,
    address: ContingencyPool,
    functionName: "poolTerms",
    args: [1n],
  });
  await rpc("evm_increaseTime", [withdrawalNotice]);
  await rpc("evm_mine", []);
  const claimDebtBefore = (await getPool(1n)).claimDebt;
  const guidanceBefore = await balanceOf(who.guidance);
  await commitment.getByTestId("pool-withdraw").click();
  await confirmed(page, "Withdraw");
  expect(await balanceOf(who.guidance)).toBe(guidanceBefore + share);
  expect(await withdrawable(1n, who.guidance)).toBe(0n);
  expect((await getPool(1n)).claimDebt - claimDebtBefore).toBe(exposureBefore);
  await expect(commitment.getByTestId("pool-withdraw")).toBeDisabled();
  await expect(exposure).toHaveAttribute("data-value", exposureBefore.toString());

  // The failed exploratory project #3: the guidance fund has not claimed its refund yet.
  const contribution = page.getByTestId("contribution-row").and(page.locator('[data-project="3"]'));
  const [, claimable, claimedBefore] = await getPosition(3n, who.guidance);
  expect(claimedBefore).toBe(false);
  expect(claimable).toBeGreaterThan(0n);
  await expect(contribution.getByTestId("claimable").locator("[data-value]")).toHaveAttribute(
    "data-value",
    claimable.toString(),
  );
  const beforeRefund = await balanceOf(who.guidance);
  await contribution.getByTestId("claim-refund").click();
  await confirmed(page, "Claim refund");
  expect(await balanceOf(who.guidance)).toBe(beforeRefund + claimable);
  expect((await getPosition(3n, who.guidance))[2]).toBe(true);
  await expect(contribution.getByTestId("claim-refund")).toBeDisabled();
  await screenshot(page, "financier-actions");
});

test("the audit trail reconciles, filters and exports CSV", async ({ page }) => {
  await page.goto("/audit");
  await expect(page.getByTestId("audit-header")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("reconcile-table")).toHaveAttribute("data-ready", "true");
  await expect(page.getByTestId("reconcile-result")).toHaveCount(2);
  for (const result of await page.getByTestId("reconcile-result").all()) {
    await expect(result).toHaveAttribute("data-match", "true");
  }
  await expect(page.getByTestId("audit-table").getByTestId("event-row").first()).toBeVisible();
  await screenshot(page, "audit");

  await page.getByTestId("filter-type").selectOption("SubstituteFinanced");
  const rows = page.getByTestId("audit-table").getByTestId("event-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Ningbo Polymer Resins");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-trail-.*\.csv$/);
  const csv = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("time_utc,block,log_index,tx_hash,contract,event,project_id,args");
  expect(lines).toHaveLength(3);
  for (const line of lines.slice(1)) {
    expect(line).toContain(",ContingencyPool,SubstituteFinanced,1,");
    expect(line.toLowerCase()).toContain(`substitute=${who.resinSubstitute}`);
    expect(line.toLowerCase()).toContain(`disruptedsupplier=${who.resinPrimary}`);
  }
  expect(csv).toContain("amount=60000000");
  expect(csv).toContain("amount=85000000");
});

test("switching to Chinese translates what a person sees", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("lang-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("nav-overview")).toHaveText("总览");
  await expect(page.getByTestId("nav-audit")).toHaveText("审计追踪");
  await expect(page.getByTestId("sankey-node-substitute")).toContainText("宁波聚合树脂");
  await expect(page.getByTestId("sankey-node-financier").first()).toContainText(/银行|基金|投资/);
  await screenshot(page, "overview-zh");

  await page.getByTestId("nav-projects").click();
  await expect(page.getByTestId("project-row").filter({ hasText: "苏州晶刻光刻材料" }).first()).toBeVisible();
  await expect(
    page.getByTestId("project-row").and(page.locator('[data-project="1"]')).getByTestId("project-title"),
  ).toHaveText("KrF/ArF 光刻胶国产化研发");
  await page.goto("/projects/1");
  await expect(page.getByTestId("payment-row").first()).toContainText("上海光酸化学");
  await expect(page.getByTestId("payment-row").first()).toContainText("直接投入费用");
  await page.goto("/audit");
  await expect(page.getByTestId("export-csv")).toHaveText("导出逗号分隔表格");
  // No English left in the frame's headings of a translated page.
  const headings = await page.locator("h1, h2").allInnerTexts();
  expect(headings.join(" ")).not.toMatch(/Audit|Filters|Events|Reconciliation/);
  await screenshot(page, "audit-zh");
});

test("the firm creates a project with milestones, registers a supplier and defines a component", async ({
  page,
  wallet,
}) => {
  await page.goto("/firm");
  await connectAs(page, wallet, who.photoresistFirm);
  await expect(page.getByTestId("firm-projects").getByRole("link")).toHaveCount(2); // #1 and #3 (failed)

  // A project with two milestones: ¥400,000.00 and ¥600,000.00.
  const create = page.getByTestId("create-project");
  await create.getByTestId("create-verifier").fill(who.verifier);
  await create.getByTestId("create-description").fill("EUV pellicle membrane, 6-inch pilot");
  const rows = create.getByTestId("create-milestone");
  await create.getByRole("button", { name: "Add milestone" }).click();
  await expect(rows).toHaveCount(3); // the form starts with two
  await rows.nth(2).getByRole("button", { name: "Remove" }).click();
  await expect(rows).toHaveCount(2);
  await rows.nth(0).locator("input").first().fill("400000");
  await rows.nth(1).locator("input").first().fill("600000");
  await create.getByTestId("create-submit").click();
  await confirmed(page, "Create project");
  const project = await getProject(4n);
  expect(project.firm.toLowerCase()).toBe(who.photoresistFirm);
  expect(project.verifier.toLowerCase()).toBe(who.verifier);
  expect(project.target).toBe(yuan(1_000_000));
  await expect(page.getByTestId("firm-projects").getByRole("link", { name: "#4" })).toBeVisible();

  // A new supplier registers itself (only a supplier writes its own record), then the firm adds it to project #4.
  await registerSelf(page, wallet, who.newSupplier, "Hefei Pellicle Films");
  await goAs(page, wallet, who.photoresistFirm, "/firm");
  const forms = page.getByTestId("supplier-forms");
  await forms.getByTestId("supplier-project").selectOption("4");
  await forms.getByTestId("register-supplier").fill(who.newSupplier);
  await forms.getByTestId("register-submit").click();
  await confirmed(page, "Add supplier to project");
  const registered = await getSupplier(who.newSupplier);
  expect(registered.registered).toBe(true);
  expect(registered.region).toBe("0x434e"); // "CN"
  await expect(forms.getByTestId("listings-await")).toContainText("must accept its listing");

  // A component whose substitute nobody registered is refused before anything is sent, in words.
  await expect(forms.getByTestId("component-spec-visibility")).toHaveValue("publish");
  await forms.getByLabel("Component", { exact: true }).fill("EUV pellicle membrane, 6-inch, ≤ 0.2 % EUV absorption");
  await forms.getByLabel("Primary supplier").fill(who.newSupplier);
  await forms.getByLabel("Substitute", { exact: true }).fill(who.unregistered);
  await forms.getByLabel(/^advance/).fill("120000");
  await forms.getByTestId("define-component").click();
  const error = page.getByTestId("tx-error").last();
  const short = `${who.unregistered.slice(0, 6)}…${who.unregistered.slice(-4)}`;
  await expect(error.getByTestId("tx-message")).toHaveText(
    new RegExp(`^${short} is not a registered supplier\\.$`, "i"),
  );
  expect(await componentCount(4n)).toBe(0n);

  // With a registered substitute it is defined; the new supplier supplies it.
  await forms.getByLabel("Substitute", { exact: true }).fill(who.pagPrimary);
  await forms.getByTestId("define-component").click();
  await confirmed(page, "Define component");
  expect(await componentCount(4n)).toBe(1n);
  expect((await currentSupplier(4n, 1n)).toLowerCase()).toBe(who.newSupplier);
  await page.goto("/projects/4");
  await expect(page.getByTestId("components")).toContainText("Shanghai PAG Chemicals");
  // Neither supplier has accepted its listing yet.
  await expect(page.getByTestId("components").getByTestId("listing-pending")).toHaveCount(2);
  await screenshot(page, "firm-new-project");
});

test("what the firm wrote reads back as text after a reload and in a fresh browser; private evidence stays a hash", async ({
  page,
  wallet,
  browser,
}) => {
  const description = "EUV pellicle membrane, 6-inch pilot";
  const specification = "EUV pellicle membrane, 6-inch, ≤ 0.2 % EUV absorption";
  // Project #4 and its component were written in the dashboard, published (the test before).
  await goAs(page, wallet, who.photoresistFirm, "/projects/4");
  await expect(page.getByTestId("project-description")).toHaveText(description);
  await expect(page.getByTestId("project-description")).toHaveAttribute("data-document", "published");
  await expect(page.getByTestId("component-spec")).toHaveText(specification);

  // Evidence for milestone 1, kept private: only its hash goes on chain; the page shows it marked "private".
  const evidence = page.getByTestId("evidence-text");
  await expect(page.getByTestId("evidence-text-visibility")).toHaveValue("private");
  await expect(page.getByTestId("evidence-text-hint")).toContainText("Only the hash of the text goes on chain");
  await evidence.fill("Customer yield data, confidential");
  await page.getByTestId("submit-evidence").click();
  await confirmed(page, "Submit for review");
  const row = page.getByTestId("milestone-row").and(page.locator('[data-index="0"]'));
  await expect(row.getByTestId("milestone-evidence")).toHaveAttribute("data-document", "private");
  await expect(row.getByTestId("milestone-evidence")).toContainText(/^0x[0-9a-f]{4}…[0-9a-f]{4} \(private\)$/);
  await expect(row).not.toContainText("Customer yield data");

  // After a reload, and in a browser that never saw the forms (no wallet, nothing cached), the same.
  await page.reload();
  await expect(page.getByTestId("project-description")).toHaveText(description);
  await expect(page.getByTestId("component-spec")).toHaveText(specification);
  const fresh = await browser.newContext({ baseURL: "http://127.0.0.1:3000", locale: "zh-CN" });
  const other = await fresh.newPage();
  await other.goto("/projects/4");
  await other.getByTestId("lang-switch").click();
  await expect(other.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(other.getByTestId("project-description")).toHaveText(description);
  await expect(other.getByTestId("component-spec")).toHaveText(specification);
  const privateEvidence = other.getByTestId("milestone-row").and(other.locator('[data-index="0"]'));
  await expect(privateEvidence.getByTestId("milestone-evidence")).toContainText("(不公开)");
  await expect(other.locator("h1")).toHaveText(`项目 4 · ${description}`);
  await fresh.close();
});

test("a confirmation made while the guardian paused triggers waits; once resumed anyone delivers it and the pool finances the substitute", async ({
  page,
  wallet,
}) => {
  // Project #1's photo-acid generator: Shanghai PAG Chemicals, substitute Jiangsu Fine Chemicals (¥400,000.00).
  expect((await currentSupplier(1n, 3n)).toLowerCase()).toBe(who.pagPrimary);
  await sendAs(who.operator, "DisruptionOracle", "pause", []);
  const observedAt = (await client.getBlock()).timestamp;
  const evidence = keccak256(stringToHex("Export-control listing of Shanghai PAG Chemicals (e2e)"));
  for (const reporter of [who.reporterA, who.reporterB]) {
    await sendAs(reporter, "DisruptionOracle", "report", [who.pagPrimary, true, evidence, observedAt]);
  }
  expect(await isDisrupted(who.pagPrimary)).toBe(true);
  expect((await currentSupplier(1n, 3n)).toLowerCase()).toBe(who.pagPrimary); // recorded, not acted on

  // The firm's CFO sees the stalled failover and why; nobody can deliver it while triggers are paused.
  await page.goto("/supply-chain");
  await connectAs(page, wallet, who.photoresistFirm);
  const followUp = page.getByTestId("failover-follow-up");
  await expect(followUp.getByTestId("triggers-paused")).toBeVisible();
  const row = followUp.getByTestId("undelivered-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Shanghai PAG Chemicals");
  await expect(row).toContainText("Deferred while triggers were paused");
  await expect(row.getByTestId("deliver")).toBeDisabled();
  await screenshot(page, "failover-follow-up");

  // The guardian resumes (another party's transaction: the page follows it by itself); the CFO delivers.
  await sendAs(who.operator, "DisruptionOracle", "unpause", []);
  await expect(followUp.getByTestId("triggers-paused")).toHaveCount(0);
  await expect(row.getByTestId("deliver")).toBeEnabled();
  const before = await balanceOf(who.pagSubstitute);
  await row.getByTestId("deliver").click();
  await confirmed(page, /^Deliver confirmation/);
  expect((await currentSupplier(1n, 3n)).toLowerCase()).toBe(who.pagSubstitute);
  expect(await balanceOf(who.pagSubstitute)).toBe(before + yuan(400_000));
  await expect(followUp.getByTestId("undelivered-row")).toHaveCount(0);
  await expect(page.getByTestId("financings-table").getByTestId("financing-row").first()).toContainText(
    "Jiangsu Fine Chemicals",
  );
});

test("the firm cannot switch a component back to its disrupted supplier; once it recovers, it switches back and nothing is paid", async ({
  page,
  wallet,
}) => {
  // Project #1's KrF resin (component 1) failed over to Ningbo Polymer Resins when the Kumamoto plant burned.
  expect((await currentSupplier(1n, 1n)).toLowerCase()).toBe(who.resinSubstitute);
  await page.goto("/firm");
  await connectAs(page, wallet, who.photoresistFirm);
  const form = page.getByTestId("switch-supplier");
  await form.getByTestId("switch-component").selectOption("1:1");
  await expect(form.getByTestId("switch-current")).toContainText("Ningbo Polymer Resins");
  const back = form.getByTestId("switch-to").locator("option").nth(1); // the primary comes first
  await expect(back).toContainText("Primary supplier");
  await expect(back).toContainText("Disrupted");
  await expect(back).toBeDisabled();
  await expect(form.getByTestId("switch-submit")).toBeDisabled();

  // The reporters confirm the recovery (through their own service); the page follows the chain by itself.
  const observedAt = (await client.getBlock()).timestamp;
  const evidence = keccak256(stringToHex("Kumamoto line 2 back in production (e2e)"));
  for (const reporter of [who.reporterA, who.reporterB]) {
    await sendAs(reporter, "DisruptionOracle", "report", [who.resinPrimary, false, evidence, observedAt]);
  }
  expect(await isDisrupted(who.resinPrimary)).toBe(false);
  await expect(back).not.toContainText("Disrupted");
  await expect(back).toBeEnabled();

  const substituteBefore = await balanceOf(who.resinSubstitute);
  const primaryBefore = await balanceOf(who.resinPrimary);
  const outstandingBefore = (await getPool(1n)).outstanding;
  await form.getByTestId("switch-to").selectOption({ index: 1 });
  await form.getByTestId("switch-submit").click();
  await confirmed(page, "Switch supplier");
  expect((await currentSupplier(1n, 1n)).toLowerCase()).toBe(who.resinPrimary);
  // Switching back pays nobody and leaves the financing the firm owes as it was.
  expect(await balanceOf(who.resinSubstitute)).toBe(substituteBefore);
  expect(await balanceOf(who.resinPrimary)).toBe(primaryBefore);
  expect((await getPool(1n)).outstanding).toBe(outstandingBefore);
  await expect(form.getByTestId("switch-current")).not.toContainText("Ningbo Polymer Resins");
  // The ARF resin (component 2) stays with the substitute until the firm moves it too.
  expect((await currentSupplier(1n, 2n)).toLowerCase()).toBe(who.resinSubstitute);
});

test("a supplier accepts a listing and is then financed on disruption", async ({ page, wallet }) => {
  // Project #1 lists a new component: primary the new supplier, substitute Jiangsu Fine Chemicals (¥10,000.00).
  if (!(await getSupplier(who.newSupplier)).registered) {
    await registerSelf(page, wallet, who.newSupplier, "Hefei Pellicle Films");
  }
  const advance = yuan(10_000);
  const spec = keccak256(stringToHex("EUV pellicle frame (e2e)"));
  await sendAs(who.photoresistFirm, "SupplyChainRegistry", "defineComponent", [
    1n,
    spec,
    "",
    who.newSupplier,
    [{ supplier: who.pagSubstitute, advance }],
  ]);
  const componentId = await componentCount(1n);
  const key = `1:${componentId}`;

  // Each supplier finds the listing in its inbox and accepts it.
  await page.goto("/supply-chain");
  for (const supplier of [who.newSupplier, who.pagSubstitute]) {
    await connectAs(page, wallet, supplier);
    const row = page
      .getByTestId("supplier-inbox")
      .getByTestId("inbox-row")
      .and(page.locator(`[data-component="${key}"]`));
    await expect(row).toHaveAttribute("data-status", "pending");
    await row.getByTestId("inbox-accept").click();
    await confirmed(page, "Accept listing");
    await expect(row).toHaveAttribute("data-status", "accepted");
    await expect(row).toContainText("the pool may finance it from");
  }
  const componentRow = page.getByTestId("components").locator(`[data-component="${key}"]`);
  await expect(componentRow).toBeVisible();
  await expect(componentRow.getByTestId("listing-pending")).toHaveCount(0);

  // The notice passes (7 days on the local chain), then two reporters confirm the new supplier's disruption.
  await rpc("evm_increaseTime", [7 * 86_400 + 60]);
  await rpc("evm_mine", []);
  const before = await balanceOf(who.pagSubstitute);
  const observedAt = (await client.getBlock()).timestamp;
  const evidence = keccak256(stringToHex("Fire at the pellicle plant (e2e)"));
  for (const reporter of [who.reporterA, who.reporterB]) {
    await sendAs(reporter, "DisruptionOracle", "report", [who.newSupplier, true, evidence, observedAt]);
  }
  expect((await currentSupplier(1n, componentId)).toLowerCase()).toBe(who.pagSubstitute);
  expect(await balanceOf(who.pagSubstitute)).toBe(before + advance);
  await expect(page.getByTestId("financings-table").getByTestId("financing-row").first()).toContainText(
    "Jiangsu Fine Chemicals",
  );
});
