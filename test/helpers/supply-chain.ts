import { expect } from "chai";
/**
 * Fixtures of the supply-chain and contingency-pool tests: the real stack from scripts/lib/deploy-stack.ts, a
 * funded project, registered suppliers and three critical components (two supplied by the same supplier).
 */
import type { HardhatEthers } from "@nomicfoundation/hardhat-ethers/types";
import { id } from "ethers";

import { deployStack } from "../../scripts/lib/deploy-stack.js";
import { Accounting, Stage } from "../../web/src/generated/enums.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

export const DAY = 86_400n;
export const REGION_CN = "0x434e"; // "CN"
export const REGION_DE = "0x4445"; // "DE"
export const EVIDENCE = "0x" + "ee".repeat(32);

/** Advances of the substitutes (DemoStablecoin has 2 decimals). */
export const ADV1 = 10_000_00n; // component 1 → s1
export const ADV2 = 20_000_00n; // component 2 → s2 (then s3)
export const ADV3 = 15_000_00n; // component 2's second substitute s3, and component 3 → s3

/** SupplyChainTypes.PoolTerms as the tests pass them. */
export type PoolTerms = {
  exposureBps: bigint;
  disruptionBps: bigint;
  withdrawalNotice: bigint;
  repaymentTerm: bigint;
};

/**
 * The pool terms every scenario's firm sets before any commitment: all of the pool's value may be lent, 80% of it
 * to one disruption, a withdrawal notice of one day (the oracle's maxReportAge) and a 90-day repayment term.
 */
export const TERMS: PoolTerms = {
  exposureBps: 10_000n,
  disruptionBps: 8_000n,
  withdrawalNotice: DAY,
  repaymentTerm: 90n * DAY,
};

/** The terms with some fields changed. */
export const terms = (changes: Partial<PoolTerms>): PoolTerms => ({ ...TERMS, ...changes });

/** [exposureBps, disruptionBps, withdrawalNotice, repaymentTerm], as events and errors give them. */
export const termsArgs = (t: PoolTerms) => [t.exposureBps, t.disruptionBps, t.withdrawalNotice, t.repaymentTerm];

/** Lets `seconds` pass on the local chain. */
export async function increaseTime(ethers: HardhatEthers, seconds: bigint | number): Promise<void> {
  await ethers.provider.send("evm_increaseTime", [Number(seconds)]);
  await ethers.provider.send("evm_mine", []);
}

/** The registry's LISTING_NOTICE (7 days), plus a minute for its rounding to whole minutes. */
export const LISTING_NOTICE = 7 * 86_400 + 60;

/** Lets the listing notice pass on the local chain. */
export async function passNotice(ethers: HardhatEthers): Promise<void> {
  await ethers.provider.send("evm_increaseTime", [LISTING_NOTICE]);
  await ethers.provider.send("evm_mine", []);
}

/** Each of `suppliers` accepts its listing in the component (on chain, itself). */
export async function acceptListings(
  registry: { connect(s: unknown): { acceptListing(p: bigint, c: bigint): Promise<unknown> } },
  projectId: bigint,
  componentId: bigint,
  suppliers: unknown[],
): Promise<void> {
  for (const supplier of suppliers) await registry.connect(supplier).acceptListing(projectId, componentId);
}

export async function deployScenario(ethers: HardhatEthers) {
  const signers = await ethers.getSigners();
  const [admin, firm, verifier, f1, f2, r1, r2, r3, supA, supB, s1, s2, s3, stranger, keeper, firm2] = signers;
  const stack = await deployStack(ethers, {
    reporters: [r1.address, r2.address, r3.address],
    quorum: 2,
    maxReportAge: Number(DAY),
  });
  const { registry, escrow, oracle, pool } = stack;
  const token = stack.token!;

  const now = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  await escrow
    .connect(firm)
    .createProject(stack.addresses.token, verifier.address, ethers.id("photoresist pilot line"), DEFAULT_PROFILE, [
      { budget: 500_000_00n, deadline: now + 90n * DAY, stage: Stage.Research, accounting: Accounting.Expensed },
    ]);
  const projectId = 1n;
  for (const account of [f1, f2, firm]) await token.mint(account.address, 10_000_000_00n);
  await token.connect(f1).approve(stack.addresses.escrow, 200_000_00n);
  await escrow.connect(f1).fund(projectId, 200_000_00n);

  for (const s of [supA, supB, s1, s2, s3]) await registry.connect(s).registerSupplier(ethers.id(s.address), REGION_CN);
  await registry
    .connect(firm)
    .defineComponent(projectId, ethers.id("resin"), supA.address, [{ supplier: s1.address, advance: ADV1 }]);
  await registry.connect(firm).defineComponent(projectId, ethers.id("photo-acid generator"), supA.address, [
    { supplier: s2.address, advance: ADV2 },
    { supplier: s3.address, advance: ADV3 },
  ]);
  await registry
    .connect(firm)
    .defineComponent(projectId, ethers.id("solvent"), supB.address, [{ supplier: s3.address, advance: ADV3 }]);

  // Every listed supplier accepts its listings, and the notice passes: the pool may finance all of them.
  await acceptListings(registry, projectId, 1n, [supA, s1]);
  await acceptListings(registry, projectId, 2n, [supA, s2, s3]);
  await acceptListings(registry, projectId, 3n, [supB, s3]);
  await passNotice(ethers);

  for (const f of [f1, f2]) await token.connect(f).approve(stack.addresses.pool, ethers.MaxUint256);
  await token.connect(firm).approve(stack.addresses.pool, ethers.MaxUint256);
  // The firm's pool terms, before any commitment (so in force at once).
  await pool.connect(firm).setPoolTerms(projectId, TERMS);

  return {
    stack,
    token,
    registry,
    escrow,
    oracle,
    pool,
    projectId,
    admin,
    firm,
    verifier,
    f1,
    f2,
    r1,
    r2,
    r3,
    supA,
    supB,
    s1,
    s2,
    s3,
    stranger,
    keeper,
    firm2,
    signers,
  };
}

/** Reports `supplier` disrupted (or recovered) by each of `reporters`; returns the last transaction. */
export async function report(
  ethers: HardhatEthers,
  oracle: { connect(s: unknown): { report(a: string, d: boolean, e: string, o: bigint): Promise<unknown> } },
  reporters: { address: string }[],
  supplier: string,
  disrupted = true,
) {
  let last: unknown;
  for (const r of reporters) {
    const t = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
    last = await oracle.connect(r).report(supplier, disrupted, EVIDENCE, t);
  }
  return last;
}

export type PoolScenario = Awaited<ReturnType<typeof deployScenario>>;

/** Both financiers committed under {TERMS}: 60k + 40k. */
export async function commitBoth<T extends PoolScenario>(s: T): Promise<T> {
  await s.pool.connect(s.f1).commit(s.projectId, 60_000_00n, TERMS);
  await s.pool.connect(s.f2).commit(s.projectId, 40_000_00n, TERMS);
  return s;
}

/**
 * `financier` exits its shares the ordinary way: it requests the withdrawal, the pool's notice passes, and it
 * withdraws; returns the withdrawal's transaction (a promise, for `expect(...).to.emit`).
 */
export async function exitAfterNotice(
  s: PoolScenario,
  ethers: HardhatEthers,
  financier: { address: string },
  projectId: bigint = s.projectId,
) {
  const pool = s.pool.connect(financier as never);
  await pool.requestWithdrawal(projectId);
  await increaseTime(ethers, (await s.pool.poolTerms(projectId)).withdrawalNotice);
  return pool.withdraw(projectId);
}

/**
 * `s` plus 4 more components supplied by supA, each with substitute s1 (advance 1,000.00): supA is then in 6 pairs,
 * more than the pool handles in the oracle's transaction (MAX_PAIRS_PER_CALLBACK = 4), so 2 are queued. Every new
 * listing is accepted and past its notice.
 */
export async function withManyPairs<T extends PoolScenario>(s: T, ethers: HardhatEthers): Promise<T> {
  for (let i = 0; i < 4; i++) {
    await defineAccepted(s, s.firm, s.projectId, id(`part ${i}`), s.supA, [{ supplier: s.s1, advance: 1_000_00n }]);
  }
  await passNotice(ethers);
  return s;
}

/**
 * pool held = Σ Committed − Σ SubstituteFinanced − Σ AdvanceClaimed + Σ Repaid − Σ Withdrawn (docs/EVENTS.md),
 * rebuilt from the logs.
 */
export async function poolHeldFromEvents(s: PoolScenario): Promise<bigint> {
  const pool = s.pool;
  const sum = async (filter: Parameters<typeof pool.queryFilter>[0]) =>
    (await pool.queryFilter(filter, 0)).reduce(
      (acc, e) => acc + (e as unknown as { args: { amount: bigint } }).args.amount,
      0n,
    );
  return (
    (await sum(pool.filters.Committed(s.projectId))) -
    (await sum(pool.filters.SubstituteFinanced(s.projectId))) -
    (await sum(pool.filters.AdvanceClaimed(s.projectId))) +
    (await sum(pool.filters.Repaid(s.projectId))) -
    (await sum(pool.filters.Withdrawn(s.projectId)))
  );
}

/** The pool's identity: its accounting, the token balance and the events agree. */
export async function expectPoolIdentity(s: PoolScenario): Promise<void> {
  const onChain = await s.token.balanceOf(s.stack.addresses.pool);
  expect(await s.pool.poolBalance(s.projectId)).to.equal(onChain);
  expect(await poolHeldFromEvents(s)).to.equal(onChain);
}

/**
 * Defines a component whose primary and substitutes (signers) all accept their listings at once; returns its id.
 * The listings count for the pool only after {passNotice}.
 */
export async function defineAccepted(
  s: PoolScenario,
  firm: unknown,
  projectId: bigint,
  metadataHash: string,
  primary: { address: string },
  substitutes: { supplier: { address: string }; advance: bigint }[],
): Promise<bigint> {
  const registry = s.registry;
  const componentId = (await registry.componentCount(projectId)) + 1n;
  await registry.connect(firm as never).defineComponent(
    projectId,
    metadataHash,
    primary.address,
    substitutes.map((x) => ({ supplier: x.supplier.address, advance: x.advance })),
  );
  await acceptListings(registry as never, projectId, componentId, [primary, ...substitutes.map((x) => x.supplier)]);
  return componentId;
}
