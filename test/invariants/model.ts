/**
 * The model of the stateful invariant suite (test/invariants/README.md): the real stack it runs against (the
 * `loadFixture` snapshot of scripts/lib/deploy-stack.ts with funded actors, projects, suppliers, components and
 * commitments) and what the model tracks of it (projects, milestones, suppliers, oracle rounds, the ledger rebuilt
 * from the events), with its initial value.
 */
import { network } from "hardhat";

import { deployStack } from "../../scripts/lib/deploy-stack.js";
import { Accounting, MilestoneStatus, ProjectStatus, Stage } from "../../web/src/generated/enums.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

export const { ethers, networkHelpers } = await network.getOrCreate();

export const DAY = 86_400n;
export const MAX_REPORT_AGE = DAY;
export const QUORUM = 2;
export const GAS = { gasLimit: 8_000_000n };
export const MAX_PROJECTS = 6; // the five fixture projects and one created by a run
export const MAX_PAIRS_PER_CALLBACK = 4;

export const PStatus = ProjectStatus;
export const MStatus = MilestoneStatus;

/** Allowed edges of the state machines (a step may also leave a status unchanged). */
export const PROJECT_EDGES: Record<number, number[]> = {
  [PStatus.Active]: [PStatus.Completed, PStatus.Failed, PStatus.Cancelled],
  [PStatus.Completed]: [],
  [PStatus.Failed]: [],
  [PStatus.Cancelled]: [],
};
export const MILESTONE_EDGES: Record<number, number[]> = {
  [MStatus.Pending]: [MStatus.Submitted],
  [MStatus.Submitted]: [MStatus.Approved, MStatus.Rejected],
  [MStatus.Rejected]: [MStatus.Submitted],
  [MStatus.Approved]: [],
};

/* ------------------------------------------------------------------------------------------------------------ */
/*                                                    Fixture                                                     */
/* ------------------------------------------------------------------------------------------------------------ */

const FIXTURE_PROJECTS = [
  { firm: 0, verifier: 0, budgets: [1_000_00n, 2_000_00n, 500_00n], spacingDays: 30n },
  { firm: 1, verifier: 1, budgets: [3_000_00n, 1_500_00n], spacingDays: 45n },
  // Project 3: its only milestone is approved in the fixture and nothing is paid yet; once time passes beyond its
  // deadline + the grace period, anyone may close it (the firm that stopped acting).
  { firm: 1, verifier: 0, budgets: [700_00n], spacingDays: 20n },
] as const;
/** Components of the fixture: [projectIndex, primary supplier index, [substitute index, advance][]]. */
// supP1 (supplier 0) is listed in 5 pairs, more than MAX_PAIRS_PER_CALLBACK: its disruption queues work.
// prettier-ignore
const FIXTURE_COMPONENTS: [number, number, [number, bigint][]][] = [
  [0, 0, [[2, 300_00n], [3, 500_00n]]],
  [0, 0, [[4, 400_00n]]],
  [1, 0, [[3, 700_00n]]],
  [1, 1, [[2, 200_00n], [0, 250_00n]]],
  [0, 0, [[4, 150_00n], [1, 100_00n]]],
];
/**
 * The hostile projects (ids 4 and 5), created by the rogue in tokens the admin put on the pool's token list: project 4's
 * token refuses transfers (FalseReturningToken), project 5's burns all the gas it is given (GasBurningToken). Both list
 * the same suppliers as project 2 (the same primaries and substitutes, accepted listings), and their listings are
 * accepted before any honest one, so they come first in those suppliers' reverse index: one disruption of supplier 0
 * or 1 reaches the hostile pairs before project 1's and 2's, in the same transaction or queue run.
 */
export const HOSTILE_KINDS = ["refusing", "gasBurning"] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];
// prettier-ignore
const HOSTILE_COMPONENTS: [number, [number, bigint][]][] = [
  [0, [[3, 700_00n]]],
  [1, [[2, 200_00n], [0, 250_00n]]],
];
/** f3 commits this much of each hostile token to its project's pool in the fixture (and the rogue can repay). */
export const HOSTILE_COMMIT = 2_000_00n;

/** f1 commits to project 1's pool in the fixture: amount, exposure allowance, disruption allowance. */
const FIXTURE_COMMIT = [2_000_00n] as const;
/**
 * The pool terms every fixture project's firm sets (80% of the value lent at most, 50% to one disruption, the
 * oracle's maxReportAge as notice, a 30-day repayment term).
 */
export const MODEL_TERMS = {
  exposureBps: 8_000n,
  disruptionBps: 5_000n,
  withdrawalNotice: 86_400n,
  repaymentTerm: 30n * 86_400n,
};
/** Fixture funding: [project index, financier index, amount] (projects 1 and 3 fully, project 2 in part). */
const FIXTURE_FUNDING: [number, number, bigint][] = [
  [0, 0, 1_500_00n],
  [0, 1, 1_333_33n],
  [0, 2, 666_67n],
  [1, 1, 1_000_00n],
  [2, 0, 400_00n],
  [2, 2, 300_00n],
];

export async function stackFixture() {
  const s = await ethers.getSigners();
  const [admin, firmA, firmB, verA, verB, f1, f2, f3, f4, r1, r2, r3] = s;
  const suppliers = s.slice(12, 17); // supP1, supP2, sub1, sub2, sub3
  const [rogue, stranger, keeper] = [s[17], s[18], s[19]];
  const stack = await deployStack(ethers, {
    reporters: [r1.address, r2.address, r3.address],
    quorum: QUORUM,
    maxReportAge: Number(MAX_REPORT_AGE),
  });
  const token = stack.token!;
  const { escrow, registry, pool } = stack;
  // The hostile tokens: the admin lists them, so projects in them exist (their pools take commitments).
  const refusing = await ethers.deployContract("FalseReturningToken");
  const gasBurning = await ethers.deployContract("GasBurningToken");
  const hostileTokens = { refusing, gasBurning };
  for (const t of [refusing, gasBurning]) await pool.connect(admin).setProjectToken(await t.getAddress(), true);
  const firms = [firmA, firmB];
  const verifiers = [verA, verB];
  const financiers = [f1, f2, f3, f4];
  for (const a of [...financiers, ...firms]) await token.mint(a.address, 1_000_000_000_00n);
  // f1..f3 approve the escrow; f4 funds only with EIP-2612 permits. Everyone approves the pool.
  for (const f of [f1, f2, f3]) await token.connect(f).approve(stack.addresses.escrow, ethers.MaxUint256);
  for (const a of [...financiers, ...firms]) await token.connect(a).approve(stack.addresses.pool, ethers.MaxUint256);
  for (const sup of suppliers) await registry.connect(sup).registerSupplier(ethers.id(sup.address), "", "0x434e");

  const now = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  const projects: { deadlines: bigint[] }[] = [];
  for (const p of FIXTURE_PROJECTS) {
    const milestones = p.budgets.map((budget, i) => ({
      budget,
      deadline: now + BigInt(i + 1) * p.spacingDays * DAY,
      stage: Stage.Research,
      accounting: Accounting.Expensed,
    }));
    await escrow
      .connect(firms[p.firm])
      .createProject(stack.addresses.token, verifiers[p.verifier], ethers.ZeroHash, "", DEFAULT_PROFILE, milestones);
    projects.push({ deadlines: milestones.map((m) => m.deadline) });
  }
  // Projects 4 and 5: the rogue's, in the hostile tokens, one milestone each (never funded in the escrow).
  for (const kind of HOSTILE_KINDS) {
    const deadline = now + 30n * DAY;
    const milestones = [{ budget: 1_000_00n, deadline, stage: Stage.Research, accounting: Accounting.Expensed }];
    const address = await hostileTokens[kind].getAddress();
    await escrow.connect(rogue).createProject(address, verB, ethers.ZeroHash, "", DEFAULT_PROFILE, milestones);
    projects.push({ deadlines: [deadline] });
  }
  const accept = async (projectId: bigint, indexes: number[]) => {
    const componentId = await registry.componentCount(projectId);
    for (const i of indexes) await registry.connect(suppliers[i]).acceptListing(projectId, componentId);
  };
  for (const [h] of HOSTILE_KINDS.entries()) {
    for (const [primary, subs] of HOSTILE_COMPONENTS) {
      const projectId = BigInt(FIXTURE_PROJECTS.length + h + 1);
      const listed = subs.map(([i, advance]) => ({ supplier: suppliers[i].address, advance }));
      await registry.connect(rogue).defineComponent(projectId, ethers.ZeroHash, "", suppliers[primary].address, listed);
      await accept(projectId, [primary, ...subs.map(([x]) => x)]);
    }
  }
  for (const [pIndex, primary, subs] of FIXTURE_COMPONENTS) {
    await registry.connect(firms[FIXTURE_PROJECTS[pIndex].firm]).defineComponent(
      BigInt(pIndex + 1),
      ethers.ZeroHash,
      "",
      suppliers[primary].address,
      subs.map(([i, advance]) => ({ supplier: suppliers[i].address, advance })),
    );
    // Every listed supplier accepts its listing.
    await accept(BigInt(pIndex + 1), [primary, ...subs.map(([x]) => x)]);
  }
  // The listings' notice passes before the run (milestone deadlines are 30 days or more away).
  await networkHelpers.time.increase(Number(await registry.LISTING_NOTICE()) + 60);
  for (const [i, p] of FIXTURE_PROJECTS.entries())
    await pool.connect(firms[p.firm]).setPoolTerms(BigInt(i + 1), MODEL_TERMS);
  for (const [h, kind] of HOSTILE_KINDS.entries()) {
    const projectId = BigInt(FIXTURE_PROJECTS.length + h + 1);
    const t = hostileTokens[kind];
    await pool.connect(rogue).setPoolTerms(projectId, MODEL_TERMS);
    for (const who of [f3, rogue]) {
      await t.mint(who.address, 1_000_000_000_00n);
      await t.connect(who).approve(stack.addresses.pool, ethers.MaxUint256);
    }
    await pool.connect(f3).commit(projectId, HOSTILE_COMMIT, MODEL_TERMS);
  }
  // Both hostile tokens start hostile (a command switches them back and forth).
  await refusing.setReturnFalse(true);
  await gasBurning.setBurnGas(true);
  await pool.connect(f1).commit(1n, FIXTURE_COMMIT[0], MODEL_TERMS);
  await pool.connect(f2).commit(2n, FIXTURE_COMMIT[0], MODEL_TERMS);
  for (const [pIndex, f, amount] of FIXTURE_FUNDING) {
    await escrow.connect(financiers[f]).fund(BigInt(pIndex + 1), amount);
  }
  await escrow.connect(firmA).submitMilestone(1n, 0n, ethers.id("e"), ""); // project 1, milestone 0 awaits review
  await escrow.connect(firmB).submitMilestone(3n, 0n, ethers.id("e"), ""); // project 3: its only milestone approved
  await escrow.connect(verA).approveMilestone(3n, 0n);
  const latest = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  return {
    stack,
    token,
    hostileTokens,
    hostileAddresses: { refusing: await refusing.getAddress(), gasBurning: await gasBurning.getAddress() },
    escrow,
    registry,
    oracle: stack.oracle,
    pool,
    admin,
    firms,
    verifiers,
    financiers,
    reporters: [r1, r2, r3],
    suppliers,
    rogue,
    stranger,
    keeper,
    projects,
    latest,
  };
}

export type Real = Awaited<ReturnType<typeof stackFixture>>;

/* ------------------------------------------------------------------------------------------------------------ */
/*                                                     Model                                                      */
/* ------------------------------------------------------------------------------------------------------------ */

interface MMilestone {
  budget: bigint;
  cumulative: bigint;
  deadline: bigint;
  status: number;
  paid: bigint;
}
interface MComponent {
  primary: string;
  subs: { supplier: string; advance: bigint }[];
  current: string;
  lastConf: bigint;
  /** Per position (0 the primary, i + 1 substitute i): from when its accepted listing counts (0 = not accepted). */
  eligibleFrom: bigint[];
}
/** One entry of a supplier's reverse index: a (project, component) pair, in the order the listings were accepted. */
export interface Pair {
  project: bigint;
  component: number;
}
/** A queued job of the pool as the model follows it: the supplier's confirmation and the next pair to handle. */
export interface Job {
  supplier: string;
  confirmationId: bigint;
  next: number;
}
export interface MProject {
  id: bigint;
  firm: number;
  verifier: number;
  status: number;
  milestones: MMilestone[];
  approvedCount: number;
  funded: bigint;
  target: bigint;
  contributions: Map<string, bigint>;
  refundable: bigint;
  refunded: bigint;
  claimedContrib: bigint;
  claimed: Set<string>;
  payees: Set<string>;
  components: MComponent[];
  committers: Set<string>;
  /** The largest exposureBps any PoolTermsSet of the project named (in force or pending): the loosest bound. */
  maxExposureBps: bigint;
  outstanding: bigint;
  poolHeld: bigint; // Σ Committed − Σ SubstituteFinanced + Σ Repaid − Σ Withdrawn − Σ AdvanceClaimed (events)
  repays: number;
  /** The hostile projects' token kind (their firm is the rogue); null for the honest projects. */
  hostile: HostileKind | null;
  /** Advances owed to substitutes (AdvanceOwed − AdvanceClaimed). */
  owed: Map<string, bigint>;
}
interface MSupplier {
  disrupted: boolean;
  since: bigint;
  confirmationId: bigint;
  roundStart: bigint;
  voters: Set<number>;
}
interface Ledger {
  funded: bigint;
  disbursed: bigint;
  refunded: bigint;
  committed: bigint;
  financed: bigint;
  repaid: bigint;
  withdrawn: bigint;
}
/** Chain view of the last check, for the state-machine edges (check 5). */
export interface Seen {
  projectStatus: number[];
  milestoneStatus: number[][];
  supplier: Map<string, { disrupted: boolean; confirmationId: bigint }>;
}
export interface Model {
  now: bigint; // timestamp of the latest block; the next transaction is mined at now + 1
  projects: MProject[];
  invoices: Set<string>;
  lastInvoice: string | null;
  nextInvoice: number;
  oracle: Map<string, MSupplier>;
  lastConfirmationId: bigint;
  paused: boolean;
  pending: Map<bigint, { supplier: string; disrupted: boolean }>;
  queue: number;
  financed: Set<string>;
  pairs: Map<string, number>;
  /** Each supplier's reverse index (ListingAccepted, in order). */
  pairList: Map<string, Pair[]>;
  /** The pool's queue, followed by the model (checks 7 and 8). */
  jobs: Job[];
  /**
   * Check 8: the pairs each disruption confirmation found affected and eligible, until the pool handles them
   * (key `confirmationId/project/component`), with the supplier's index of the pair.
   */
  awaiting: Map<string, { confirmationId: bigint; supplier: string; index: number }>;
  /** Check 8: the (confirmation, project, component) keys that have their outcome (paid, owed or skipped). */
  outcomes: Set<string>;
  /** Whether each hostile token is hostile right now (refuses / burns the gas). */
  hostileOn: Record<HostileKind, boolean>;
  /** The demo token's movements (the hostile tokens' are checked per pool). */
  ledger: Ledger;
  seen: Seen | null;
}

export function newProject(
  id: bigint,
  firm: number,
  verifier: number,
  budgets: readonly bigint[],
  deadlines: bigint[],
  hostile: HostileKind | null = null,
) {
  let cumulative = 0n;
  const milestones = budgets.map((budget, i) => {
    cumulative += budget;
    return { budget, cumulative, deadline: deadlines[i], status: MStatus.Pending, paid: 0n };
  });
  const project: MProject = {
    id,
    firm,
    verifier,
    status: PStatus.Active,
    milestones,
    approvedCount: 0,
    funded: 0n,
    target: cumulative,
    contributions: new Map(),
    refundable: 0n,
    refunded: 0n,
    claimedContrib: 0n,
    claimed: new Set(),
    payees: new Set(),
    components: [],
    committers: new Set(),
    maxExposureBps: 0n,
    outstanding: 0n,
    poolHeld: 0n,
    repays: 0,
    hostile,
    owed: new Map(),
  };
  return project;
}

export function initialModel(r: Real): Model {
  const m: Model = {
    now: r.latest,
    projects: [],
    invoices: new Set(),
    lastInvoice: null,
    nextInvoice: 1,
    oracle: new Map(),
    lastConfirmationId: 0n,
    paused: false,
    pending: new Map(),
    queue: 0,
    financed: new Set(),
    pairs: new Map(),
    pairList: new Map(),
    jobs: [],
    awaiting: new Map(),
    outcomes: new Set(),
    hostileOn: { refusing: true, gasBurning: true },
    ledger: { funded: 0n, disbursed: 0n, refunded: 0n, committed: 0n, financed: 0n, repaid: 0n, withdrawn: 0n },
    seen: null,
  };
  FIXTURE_PROJECTS.forEach((p, i) => {
    m.projects.push(newProject(BigInt(i + 1), p.firm, p.verifier, p.budgets, r.projects[i].deadlines));
  });
  for (const [h, kind] of HOSTILE_KINDS.entries()) {
    const p = newProject(
      BigInt(FIXTURE_PROJECTS.length + h + 1),
      -1,
      1,
      [1_000_00n],
      r.projects[3 + h].deadlines,
      kind,
    );
    m.projects.push(p);
  }
  // The fixture's listings in the order they were accepted (the hostile ones first), each past its notice.
  const listed: [number, number, [number, bigint][]][] = [
    ...HOSTILE_KINDS.flatMap((_, h) =>
      HOSTILE_COMPONENTS.map(([primary, subs]): [number, number, [number, bigint][]] => [3 + h, primary, subs]),
    ),
    ...FIXTURE_COMPONENTS,
  ];
  for (const [pIndex, primary, subs] of listed) {
    const project = m.projects[pIndex];
    const c: MComponent = {
      primary: r.suppliers[primary].address,
      subs: subs.map(([i, advance]) => ({ supplier: r.suppliers[i].address, advance })),
      current: r.suppliers[primary].address,
      lastConf: 0n,
      eligibleFrom: [primary, ...subs].map(() => 1n),
    };
    project.components.push(c);
    for (const a of [c.primary, ...c.subs.map((x) => x.supplier)]) {
      project.payees.add(a);
      m.pairs.set(a, (m.pairs.get(a) ?? 0) + 1);
      const list = m.pairList.get(a) ?? [];
      list.push({ project: project.id, component: project.components.length });
      m.pairList.set(a, list);
    }
  }
  for (const [pIndex, f, amount] of FIXTURE_FUNDING) {
    const p = m.projects[pIndex];
    const who = r.financiers[f].address;
    p.funded += amount;
    p.contributions.set(who, (p.contributions.get(who) ?? 0n) + amount);
    m.ledger.funded += amount;
  }
  m.projects[0].milestones[0].status = MStatus.Submitted;
  m.projects[2].milestones[0].status = MStatus.Approved;
  m.projects[2].approvedCount = 1;
  for (const p of m.projects) p.maxExposureBps = MODEL_TERMS.exposureBps;
  const p1 = m.projects[0];
  p1.committers.add(r.financiers[0].address);
  p1.poolHeld = FIXTURE_COMMIT[0];
  const p2 = m.projects[1];
  p2.committers.add(r.financiers[1].address);
  p2.poolHeld = FIXTURE_COMMIT[0];
  m.ledger.committed = 2n * FIXTURE_COMMIT[0];
  for (const p of m.projects.filter((x) => x.hostile)) {
    p.committers.add(r.financiers[2].address);
    p.poolHeld = HOSTILE_COMMIT;
  }
  return m;
}

/** The escrow's grace period after a project's last deadline (RDEscrow.CLOSE_GRACE_PERIOD). */
export const GRACE = 30n * 86_400n;

/** Invoices are unique per payee (RDEscrow's `_paidInvoices[payee][invoiceHash]`). */
export const invoiceKey = (payee: string, invoice: string) => `${payee.toLowerCase()}:${invoice.toLowerCase()}`;

export function supplierState(m: Model, supplier: string): MSupplier {
  let s = m.oracle.get(supplier);
  if (!s) {
    s = { disrupted: false, since: 0n, confirmationId: 0n, roundStart: 0n, voters: new Set() };
    m.oracle.set(supplier, s);
  }
  return s;
}

/** Reporters whose vote still counts at time `t` (a round expires maxReportAge after its first vote). */
export function liveVoters(s: MSupplier, t: bigint): Set<number> {
  if (s.voters.size === 0 || s.roundStart + MAX_REPORT_AGE < t) return new Set();
  return s.voters;
}

/** Event arguments as an address string and as a bigint. */
export const a = (x: unknown) => String(x);
export const n = (x: unknown) => BigInt(x as bigint);
