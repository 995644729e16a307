/**
 * Fixtures of the ContingencyPool tests, one per scenario (load them with `networkHelpers.loadFixture`): the real
 * stack of test/helpers/supply-chain.ts's `deployScenario`, both financiers committed, and supA in more pairs than
 * the oracle's transaction handles; and builders of further projects (one milestone, in the stack's token or a test
 * token).
 */
import { network } from "hardhat";

import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";
import { Accounting, Stage } from "../../web/src/generated/enums.js";
import {
  commitBoth,
  DAY,
  deployScenario,
  TERMS,
  withManyPairs,
  type PoolScenario,
  type PoolTerms,
} from "../helpers/supply-chain.js";

export const { ethers, networkHelpers } = await network.getOrCreate();

/** The deployed stack with project 1, its components and listings, and the pool's terms TERMS; nothing committed. */
export async function scenario() {
  return deployScenario(ethers);
}

/** Both financiers committed: 60k + 40k, exposure allowances 60k + 40k, disruption 50k + 30k. */
export async function committed() {
  return commitBoth(await scenario());
}

/** `committed`, plus 4 more components supplied by supA (6 pairs: 4 handled in the oracle's transaction, 2 queued). */
export async function manyPairs() {
  return withManyPairs(await committed(), ethers);
}

/**
 * For a test: the `scenario` fixture with the pool's terms `t` (set before any commitment, so in force at once),
 * and f1 committed `amount` under them.
 */
export async function f1CommittedUnder(t: PoolTerms, amount: bigint) {
  const s = await networkHelpers.loadFixture(scenario);
  await s.pool.connect(s.firm).setPoolTerms(s.projectId, t);
  await s.pool.connect(s.f1).commit(s.projectId, amount, t);
  return s;
}

/** What {@link createProject} creates: `by` (default firm2) in `token` (default the stack's), one Research milestone. */
export interface SmallProject {
  by?: PoolScenario["firm2"];
  token?: string;
  /** Hashed into the project's metadata hash. */
  name: string;
  budget: bigint;
  /** The milestone's deadline, in days from the latest block. */
  days: bigint;
}

/** Creates a project with one expensed Research milestone; returns its id. */
export async function createProject(s: PoolScenario, p: SmallProject): Promise<bigint> {
  const now = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  await s.escrow
    .connect(p.by ?? s.firm2)
    .createProject(p.token ?? s.stack.addresses.token, s.verifier.address, ethers.id(p.name), "", DEFAULT_PROFILE, [
      { budget: p.budget, deadline: now + p.days * DAY, stage: Stage.Research, accounting: Accounting.Expensed },
    ]);
  return s.escrow.projectCount();
}

/** A test token the pool builder uses: minted by anyone, approved like an ERC-20. */
interface TestToken {
  getAddress(): Promise<string>;
  mint(to: string, amount: bigint): Promise<unknown>;
  connect(runner: PoolScenario["f1"]): { approve(spender: string, amount: bigint): Promise<unknown> };
}

/**
 * Project 2 of firm2 in `token` (which the admin lists for pools): one milestone of 1,000 units due in a day, the
 * pool's terms TERMS, and f1 holding 10,000 units approved to the pool. Returns the project's id.
 */
export async function projectInToken(s: PoolScenario, token: TestToken): Promise<bigint> {
  const address = await token.getAddress();
  await s.pool.connect(s.admin).setProjectToken(address, true);
  const projectId = await createProject(s, { token: address, name: "p2", budget: 1_000n, days: 1n });
  await s.pool.connect(s.firm2).setPoolTerms(projectId, TERMS);
  await token.mint(s.f1.address, 10_000n);
  await token.connect(s.f1).approve(s.stack.addresses.pool, 10_000n);
  return projectId;
}
