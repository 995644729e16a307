/**
 * Fixtures and helpers for the RDEscrow tests: deployment, a standard four-milestone project, funding (approve +
 * fund, or permit), and the accounting checks that compare the token balance, the contract's own totals and the
 * totals rebuilt from the emitted events.
 */
import { expect } from "chai";
import type { Signer } from "ethers";
import { network } from "hardhat";

import { deployStack } from "../../scripts/lib/deploy-stack.js";
import { Accounting, Stage } from "../../web/src/generated/enums.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

const { ethers, networkHelpers } = await network.getOrCreate();

export const DAY = 86_400n;

/** The enums of EscrowTypes, generated from the compiler's output. */
export { Accounting, Category, MilestoneStatus, ProjectStatus, Stage } from "../../web/src/generated/enums.js";

export interface MilestoneInput {
  budget: bigint;
  deadline: bigint;
  stage: number;
  accounting: number;
}

/** Budgets of the standard project, in fen (the demo stablecoin has 2 decimals). Target = 1,000,000.00. */
export const BUDGETS = [400_000_00n, 300_000_00n, 200_000_00n, 100_000_00n] as const;

/** Four milestones across the three stages, 30 days apart, starting 30 days after `now`. */
export function standardMilestones(now: bigint): MilestoneInput[] {
  const stages = [Stage.Research, Stage.Pilot, Stage.Pilot, Stage.Market];
  return BUDGETS.map((budget, i) => ({
    budget,
    deadline: now + BigInt(i + 1) * 30n * DAY,
    stage: stages[i],
    accounting: Accounting.Expensed,
  }));
}

export const METADATA = ethers.id("project: ArF photoresist, pilot line to market");

/** The deployed stack (scripts/lib/deploy-stack.ts: token, SupplyChainRegistry, escrow, oracle, pool); the three
 * financiers hold 10,000,000.00 each; `reporter` alone confirms disruptions (quorum 1). */
export async function deployEscrowFixture() {
  const [admin, firm, verifier, f1, f2, f3, supplierA, supplierB, stranger, reporter] = await ethers.getSigners();
  const stack = await deployStack(ethers, { reporters: [reporter.address], quorum: 1 });
  const token = stack.token!;
  const { registry, escrow, oracle } = stack;
  for (const f of [f1, f2, f3]) await token.mint(f.address, 10_000_000_00n);
  return {
    token,
    registry,
    escrow,
    oracle,
    admin,
    firm,
    verifier,
    f1,
    f2,
    f3,
    supplierA,
    supplierB,
    stranger,
    reporter,
  };
}

/** Region code of the demo suppliers (ISO 3166 "CN" as bytes2). */
export const REGION = "0x434e";

/** The standard project (id 1) created by `firm`, with supplierA and supplierB registered for it in the registry. */
export async function createdProjectFixture() {
  const base = await deployEscrowFixture();
  const { escrow, registry, token, firm, verifier, supplierA, supplierB } = base;
  const now = BigInt(await networkHelpers.time.latest());
  const milestones = standardMilestones(now);
  await escrow
    .connect(firm)
    .createProject(await token.getAddress(), verifier.address, METADATA, "", DEFAULT_PROFILE, milestones);
  const projectId = 1n;
  for (const supplier of [supplierA, supplierB]) {
    await registry.connect(supplier).registerSupplier(ethers.id(supplier.address), "", REGION);
    await registry.connect(firm).addProjectSupplier(projectId, supplier.address);
  }
  return { ...base, projectId, milestones };
}

/** The standard project fully funded: f1 500,000.00, f2 300,000.00, f3 200,000.00. */
export async function fundedProjectFixture() {
  const base = await createdProjectFixture();
  const { escrow, token, projectId, f1, f2, f3 } = base;
  const contributions = [500_000_00n, 300_000_00n, 200_000_00n];
  for (const [i, f] of [f1, f2, f3].entries()) await fundAs(escrow, token, f, projectId, contributions[i]);
  return { ...base, contributions };
}

/** The funded project with milestone 0 submitted and approved. */
export async function approvedProjectFixture() {
  const base = await fundedProjectFixture();
  const { escrow, firm, verifier, projectId } = base;
  await escrow.connect(firm).submitMilestone(projectId, 0n, ethers.id("evidence 0"), "");
  await escrow.connect(verifier).approveMilestone(projectId, 0n);
  return base;
}

type Escrow = Awaited<ReturnType<typeof deployEscrowFixture>>["escrow"];
type Token = {
  getAddress(): Promise<string>;
  connect(s: Signer): { approve(to: string, v: bigint): Promise<unknown> };
};

/** Approves the escrow for exactly `amount` and funds `projectId` as `financier`. */
export async function fundAs(escrow: Escrow, token: Token, financier: Signer, projectId: bigint, amount: bigint) {
  const tx = await token.connect(financier).approve(await escrow.getAddress(), amount);
  await (tx as { wait(): Promise<unknown> }).wait();
  return escrow.connect(financier).fund(projectId, amount);
}

/** An EIP-2612 permit signature by `owner` for `spender` (scripts/lib/permit.ts). */
export { signPermit } from "../../scripts/lib/permit.js";

export interface Totals {
  funded: bigint;
  disbursed: bigint;
  refunded: bigint;
}

/** Σ Funded, Σ Disbursed, Σ Refunded of a project, rebuilt from the escrow's events alone. */
export async function totalsFromEvents(escrow: Escrow, projectId: bigint): Promise<Totals> {
  const sum = async (filter: Parameters<Escrow["queryFilter"]>[0]) =>
    (await escrow.queryFilter(filter)).reduce(
      (total, log) => total + (log as { args: { amount: bigint } }).args.amount,
      0n,
    );
  return {
    funded: await sum(escrow.filters.Funded(projectId)),
    disbursed: await sum(escrow.filters.Disbursed(projectId)),
    refunded: await sum(escrow.filters.Refunded(projectId)),
  };
}

/**
 * The accounting identity for the given projects (all of one token): the escrow's token balance equals
 * Σ (funded − disbursed − refunded) from the contract's own totals, and the same totals rebuilt from events.
 */
export async function expectAccounting(
  escrow: Escrow,
  token: { balanceOf(account: string): Promise<bigint> },
  projectIds: bigint[],
) {
  let held = 0n;
  for (const projectId of projectIds) {
    const view = await escrow.getProject(projectId);
    const events = await totalsFromEvents(escrow, projectId);
    expect(view.funded, "funded: contract vs events").to.equal(events.funded);
    expect(view.disbursed, "disbursed: contract vs events").to.equal(events.disbursed);
    expect(view.refunded, "refunded: contract vs events").to.equal(events.refunded);
    expect(view.held, "held = funded - disbursed - refunded").to.equal(view.funded - view.disbursed - view.refunded);
    held += events.funded - events.disbursed - events.refunded;
  }
  expect(await token.balanceOf(await escrow.getAddress()), "escrow balance").to.equal(held);
}
