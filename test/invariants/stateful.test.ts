/**
 * Model-based stateful test of the whole wired stack (RDEscrow, SupplyChainRegistry, DisruptionOracle,
 * ContingencyPool, DemoStablecoin), driven by fast-check's `fc.commands` + `fc.asyncModelRun`.
 *
 * Each run starts from a `loadFixture` snapshot of the real deploy (scripts/lib/deploy-stack.ts) with funded
 * actors, runs up to INVARIANT_STEPS random commands (valid and invalid), and after EVERY command checks the
 * invariants listed in test/invariants/README.md against the chain, the contracts' own accounting views and the
 * totals rebuilt from the emitted events. Block timestamps are pinned (`setNextBlockTimestamp`) so the model can
 * predict every deadline- and staleness-dependent custom error exactly.
 *
 * Env: INVARIANT_RUNS (default 200), INVARIANT_STEPS (default 50), INVARIANT_SEED (replay a seed),
 * INVARIANT_SELFTEST=1 (injects a bogus expected value into check 1 once a refund happened, to show that a broken
 * invariant fails the run and prints the shrunk command sequence).
 */
import { expect } from "chai";
import type { ContractTransactionResponse, Interface, Log } from "ethers";
import fc from "fast-check";
import { network } from "hardhat";

import { deployStack } from "../../scripts/lib/deploy-stack.js";
import { signPermit } from "../../scripts/lib/permit.js";
import type {
  ContingencyPool,
  DemoStablecoin,
  DisruptionOracle,
  RDEscrow,
  SupplyChainRegistry,
} from "../../types/ethers-contracts/index.js";
import { Accounting, MilestoneStatus, ProjectStatus, SkipReason, Stage } from "../../web/src/generated/enums.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

const { ethers, networkHelpers } = await network.getOrCreate();

const RUNS = Number(process.env.INVARIANT_RUNS ?? 200);
const STEPS = Number(process.env.INVARIANT_STEPS ?? 50);
const SEED = process.env.INVARIANT_SEED === undefined ? undefined : Number(process.env.INVARIANT_SEED);
const SELFTEST = process.env.INVARIANT_SELFTEST === "1";

const DAY = 86_400n;
const MAX_REPORT_AGE = DAY;
const QUORUM = 2;
const GAS = { gasLimit: 8_000_000n };
const MAX_PROJECTS = 4;
const MAX_PAIRS_PER_CALLBACK = 4;

const PStatus = ProjectStatus;
const MStatus = MilestoneStatus;

/** Allowed edges of the state machines (a step may also leave a status unchanged). */
const PROJECT_EDGES: Record<number, number[]> = {
  [PStatus.Active]: [PStatus.Completed, PStatus.Failed, PStatus.Cancelled],
  [PStatus.Completed]: [],
  [PStatus.Failed]: [],
  [PStatus.Cancelled]: [],
};
const MILESTONE_EDGES: Record<number, number[]> = {
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
/** f1 commits to project 1's pool in the fixture: amount, exposure allowance, disruption allowance. */
const FIXTURE_COMMIT = [2_000_00n, 2_000_00n, 1_000_00n] as const;
/** Fixture funding: [project index, financier index, amount] (projects 1 and 3 fully, project 2 in part). */
const FIXTURE_FUNDING: [number, number, bigint][] = [
  [0, 0, 1_500_00n],
  [0, 1, 1_333_33n],
  [0, 2, 666_67n],
  [1, 1, 1_000_00n],
  [2, 0, 400_00n],
  [2, 2, 300_00n],
];

async function stackFixture() {
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
  for (const [pIndex, primary, subs] of FIXTURE_COMPONENTS) {
    await registry.connect(firms[FIXTURE_PROJECTS[pIndex].firm]).defineComponent(
      BigInt(pIndex + 1),
      ethers.ZeroHash,
      "",
      suppliers[primary].address,
      subs.map(([i, advance]) => ({ supplier: suppliers[i].address, advance })),
    );
    // Every listed supplier accepts its listing.
    const componentId = await registry.componentCount(BigInt(pIndex + 1));
    for (const i of [primary, ...subs.map(([x]) => x)]) {
      await registry.connect(suppliers[i]).acceptListing(BigInt(pIndex + 1), componentId);
    }
  }
  // The listings' notice passes before the run (milestone deadlines are 30 days or more away).
  await networkHelpers.time.increase(Number(await registry.LISTING_NOTICE()) + 60);
  await pool.connect(f1).commit(1n, ...FIXTURE_COMMIT);
  await pool.connect(f2).commit(2n, ...FIXTURE_COMMIT);
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

type Real = Awaited<ReturnType<typeof stackFixture>>;

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
}
interface MProject {
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
  outstanding: bigint;
  poolHeld: bigint; // Σ Committed − Σ SubstituteFinanced + Σ Repaid − Σ Withdrawn (events)
  repays: number;
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
interface Seen {
  projectStatus: number[];
  milestoneStatus: number[][];
  supplier: Map<string, { disrupted: boolean; confirmationId: bigint }>;
}
interface Model {
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
  ledger: Ledger;
  seen: Seen | null;
}

function newProject(id: bigint, firm: number, verifier: number, budgets: readonly bigint[], deadlines: bigint[]) {
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
    outstanding: 0n,
    poolHeld: 0n,
    repays: 0,
  };
  return project;
}

function initialModel(r: Real): Model {
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
    ledger: { funded: 0n, disbursed: 0n, refunded: 0n, committed: 0n, financed: 0n, repaid: 0n, withdrawn: 0n },
    seen: null,
  };
  FIXTURE_PROJECTS.forEach((p, i) => {
    m.projects.push(newProject(BigInt(i + 1), p.firm, p.verifier, p.budgets, r.projects[i].deadlines));
  });
  for (const [pIndex, primary, subs] of FIXTURE_COMPONENTS) {
    const project = m.projects[pIndex];
    const c: MComponent = {
      primary: r.suppliers[primary].address,
      subs: subs.map(([i, advance]) => ({ supplier: r.suppliers[i].address, advance })),
      current: r.suppliers[primary].address,
      lastConf: 0n,
    };
    project.components.push(c);
    for (const a of [c.primary, ...c.subs.map((x) => x.supplier)]) {
      project.payees.add(a);
      m.pairs.set(a, (m.pairs.get(a) ?? 0) + 1);
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
  const p1 = m.projects[0];
  p1.committers.add(r.financiers[0].address);
  p1.poolHeld = FIXTURE_COMMIT[0];
  const p2 = m.projects[1];
  p2.committers.add(r.financiers[1].address);
  p2.poolHeld = FIXTURE_COMMIT[0];
  m.ledger.committed = 2n * FIXTURE_COMMIT[0];
  return m;
}

/** The escrow's grace period after a project's last deadline (RDEscrow.CLOSE_GRACE_PERIOD). */
const GRACE = 30n * 86_400n;

/** Invoices are unique per payee (RDEscrow's `_paidInvoices[payee][invoiceHash]`). */
const invoiceKey = (payee: string, invoice: string) => `${payee.toLowerCase()}:${invoice.toLowerCase()}`;

function supplierState(m: Model, supplier: string): MSupplier {
  let s = m.oracle.get(supplier);
  if (!s) {
    s = { disrupted: false, since: 0n, confirmationId: 0n, roundStart: 0n, voters: new Set() };
    m.oracle.set(supplier, s);
  }
  return s;
}

/** Reporters whose vote still counts at time `t` (a round expires maxReportAge after its first vote). */
function liveVoters(s: MSupplier, t: bigint): Set<number> {
  if (s.voters.size === 0 || s.roundStart + MAX_REPORT_AGE < t) return new Set();
  return s.voters;
}

/* ------------------------------------------------------------------------------------------------------------ */
/*                                        Transactions, errors and events                                         */
/* ------------------------------------------------------------------------------------------------------------ */

/** What the runs exercised (printed at the end, to show that the interesting paths are reached). */
const stats = { steps: 0, ok: 0, reverted: 0, events: new Map<string, number>(), errors: new Map<string, number>() };
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

type Expect = { ok: true } | { err: string } | { any: true };
const OK: Expect = { ok: true };
const err = (name: string): Expect => ({ err: name });
const ANY: Expect = { any: true };

interface Parsed {
  source: "escrow" | "registry" | "oracle" | "pool" | "token";
  name: string;
  args: Record<string, unknown> & unknown[];
}

function errorName(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const custom = /custom error '([A-Za-z0-9_]+)\(/.exec(message);
  if (custom) return custom[1];
  const data = (e as { data?: unknown }).data;
  if (typeof data === "string" && data.length >= 10) return `raw:${data.slice(0, 10)}`;
  return `unknown:${message.slice(0, 160)}`;
}

function parseLogs(r: Real, logs: readonly Log[]): Parsed[] {
  const sources: [string, Parsed["source"], Interface][] = [
    [r.stack.addresses.escrow, "escrow", r.escrow.interface],
    [r.stack.addresses.registry, "registry", r.registry.interface],
    [r.stack.addresses.oracle, "oracle", r.oracle.interface],
    [r.stack.addresses.pool, "pool", r.pool.interface],
    [r.stack.addresses.token, "token", r.token.interface],
  ];
  const out: Parsed[] = [];
  for (const log of logs) {
    const src = sources.find(([address]) => address.toLowerCase() === log.address.toLowerCase());
    if (!src) throw new Error(`log from an unknown contract ${log.address}`);
    const parsed = src[2].parseLog({ topics: [...log.topics], data: log.data });
    if (!parsed) throw new Error(`unparseable log from ${src[1]}`);
    out.push({ source: src[1], name: parsed.name, args: parsed.args as unknown as Parsed["args"] });
  }
  return out;
}

/**
 * Sends one transaction at exactly `m.now + 1`, checks the outcome against `expected`, applies its events to the
 * model (checking the event-level invariants) and returns the parsed events (null when it reverted).
 */
async function act(
  m: Model,
  r: Real,
  expected: Expect,
  send: () => Promise<ContractTransactionResponse>,
): Promise<Parsed[] | null> {
  await networkHelpers.time.setNextBlockTimestamp(m.now + 1n);
  let logs: Parsed[] | null = null;
  let failure: string | null = null;
  try {
    const tx = await send();
    const receipt = await tx.wait();
    logs = parseLogs(r, receipt!.logs);
  } catch (e) {
    failure = errorName(e);
  }
  stats.steps += 1;
  if (failure !== null) {
    stats.reverted += 1;
    bump(stats.errors, failure);
  } else {
    stats.ok += 1;
    for (const x of logs!) bump(stats.events, x.name);
  }
  if (failure !== null) {
    if ("ok" in expected) throw new Error(`expected success, reverted with ${failure}`);
    if ("err" in expected) expect(failure, "custom error").to.equal(expected.err);
    return null;
  }
  if ("err" in expected) throw new Error(`expected ${expected.err}, but the transaction succeeded`);
  applyEvents(m, r, logs!);
  return logs;
}

const a = (x: unknown) => String(x);
const n = (x: unknown) => BigInt(x as bigint);

function projectOf(m: Model, id: unknown): MProject {
  const p = m.projects[Number(n(id)) - 1];
  if (!p) throw new Error(`event for unknown project ${String(id)}`);
  return p;
}

/** Applies one transaction's events to the model, asserting the event-level invariants (2, 3, 4, 5). */
function applyEvents(m: Model, r: Real, logs: Parsed[]) {
  const t = m.now + 1n;
  for (const { source, name, args } of logs) {
    if (source === "token") continue;
    if (source === "escrow") {
      const p = name === "ProjectCreated" || name === "ProjectClassified" ? null : projectOf(m, args[0]);
      switch (name) {
        case "ProjectCreated":
          // The command adds the project to the model; only the id sequence is checked here.
          expect(n(args[0]), "project ids are sequential").to.equal(BigInt(m.projects.length + 1));
          break;
        case "ProjectClassified":
          // Emitted with ProjectCreated, for the same (new) id.
          expect(n(args[0]), "classified with its creation").to.equal(BigInt(m.projects.length + 1));
          break;
        case "Funded": {
          expect(p!.status, "Funded only while Active").to.equal(PStatus.Active);
          const amount = n(args[2]);
          p!.funded += amount;
          expect(p!.funded <= p!.target, "funded never exceeds the target").to.equal(true);
          p!.contributions.set(a(args[1]), (p!.contributions.get(a(args[1])) ?? 0n) + amount);
          m.ledger.funded += amount;
          break;
        }
        case "MilestoneSubmitted": {
          const ms = p!.milestones[Number(n(args[1]))];
          expect(MILESTONE_EDGES[ms.status], "milestone edge → Submitted").to.include(MStatus.Submitted);
          ms.status = MStatus.Submitted;
          break;
        }
        case "MilestoneApproved": {
          const i = Number(n(args[1]));
          const ms = p!.milestones[i];
          expect(ms.status, "milestone edge → Approved").to.equal(MStatus.Submitted);
          expect(i, "approved in order").to.equal(p!.approvedCount);
          expect(p!.funded >= ms.cumulative, "approved budget is funded").to.equal(true);
          ms.status = MStatus.Approved;
          p!.approvedCount += 1;
          break;
        }
        case "MilestoneRejected": {
          const ms = p!.milestones[Number(n(args[1]))];
          expect(ms.status, "milestone edge → Rejected").to.equal(MStatus.Submitted);
          ms.status = MStatus.Rejected;
          break;
        }
        case "Disbursed": {
          // Invariant 2: only from an Approved milestone, within its budget, each invoice once, to a payee.
          const [, payee, amount, index, , invoice] = args;
          const ms = p!.milestones[Number(n(index))];
          expect(p!.status, "Disbursed only while Active").to.equal(PStatus.Active);
          expect(ms.status, "Disbursed only from an Approved milestone").to.equal(MStatus.Approved);
          expect(n(amount) > 0n && ms.paid + n(amount) <= ms.budget, "Disbursed within the budget").to.equal(true);
          expect(m.invoices.has(invoiceKey(a(payee), a(invoice))), "payee's invoice paid twice").to.equal(false);
          const firm = r.firms[p!.firm].address;
          expect(a(payee) === firm || p!.payees.has(a(payee)), "payee is the firm or a registered supplier").to.equal(
            true,
          );
          expect(supplierState(m, a(payee)).disrupted, "no payment to a disrupted payee").to.equal(false);
          ms.paid += n(amount);
          m.invoices.add(invoiceKey(a(payee), a(invoice)));
          m.lastInvoice = a(invoice);
          m.ledger.disbursed += n(amount);
          break;
        }
        case "ProjectFailed":
        case "ProjectCancelled":
        case "ProjectCompleted":
        case "ProjectClosedAfterGracePeriod": {
          expect(p!.status, `${name}: project edge from Active`).to.equal(PStatus.Active);
          const disbursed = p!.milestones.reduce((s, x) => s + x.paid, 0n);
          const byAnyone = name === "ProjectClosedAfterGracePeriod";
          const refundable = n(args[name === "ProjectFailed" || byAnyone ? 2 : 1]);
          if (byAnyone) {
            expect(p!.approvedCount, "closed after grace only once all milestones are approved").to.equal(
              p!.milestones.length,
            );
            expect(m.now > p!.milestones[p!.milestones.length - 1].deadline + GRACE, "closed after the grace").to.equal(
              true,
            );
          }
          expect(refundable, "refundable = funded − disbursed").to.equal(p!.funded - disbursed);
          if (name === "ProjectFailed") expect(Number(n(args[1]))).to.equal(p!.approvedCount);
          p!.status =
            name === "ProjectFailed"
              ? PStatus.Failed
              : name === "ProjectCancelled"
                ? PStatus.Cancelled
                : PStatus.Completed;
          p!.refundable = refundable;
          break;
        }
        case "Refunded": {
          // Invariant 4: pro rata; the last claimer takes the rounding remainder, which is < #financiers.
          const financier = a(args[1]);
          const amount = n(args[2]);
          const contributed = p!.contributions.get(financier) ?? 0n;
          expect(p!.status > PStatus.Active, "refunds only once closed").to.equal(true);
          expect(contributed > 0n && !p!.claimed.has(financier), "one refund per contributor").to.equal(true);
          const proRata = (p!.refundable * contributed) / p!.funded;
          const last = p!.claimedContrib + contributed === p!.funded;
          const expected = last ? p!.refundable - p!.refunded : proRata;
          expect(amount, "refund amount (pro rata / remainder)").to.equal(expected);
          if (last) {
            expect(amount >= proRata, "remainder never below the pro-rata share").to.equal(true);
            expect(amount - proRata < BigInt(p!.contributions.size), "refund dust < number of financiers").to.equal(
              true,
            );
          }
          p!.claimed.add(financier);
          p!.claimedContrib += contributed;
          p!.refunded += amount;
          expect(p!.refunded <= p!.refundable, "refunds never exceed what is there").to.equal(true);
          m.ledger.refunded += amount;
          break;
        }
        default:
          throw new Error(`unexpected escrow event ${name}`);
      }
      continue;
    }
    if (source === "registry") {
      switch (name) {
        case "SupplierRegistered":
          break;
        case "ProjectSupplierAdded":
          projectOf(m, args[0]).payees.add(a(args[1]));
          break;
        case "ListingAccepted":
          m.pairs.set(a(args[2]), (m.pairs.get(a(args[2])) ?? 0) + 1);
          break;
        case "ProjectSupplierRemoved":
          projectOf(m, args[0]).payees.delete(a(args[1]));
          break;
        case "ComponentDefined":
          // The command adds the component; check the id.
          expect(n(args[1])).to.equal(BigInt(projectOf(m, args[0]).components.length + 1));
          break;
        case "ComponentSwitched": {
          const p = projectOf(m, args[0]);
          const c = p.components[Number(n(args[1])) - 1];
          const [to, from, confirmationId] = [a(args[2]), a(args[3]), n(args[4])];
          expect(from, "switch from the current supplier").to.equal(c.current);
          const listed = to === c.primary || c.subs.some((s) => s.supplier === to);
          expect(listed, "switch to a listed supplier").to.equal(true);
          expect(supplierState(m, to).disrupted, "never a switch to a disrupted supplier").to.equal(false);
          if (confirmationId !== 0n) {
            // Automatic failover: the disrupted current supplier, to a healthy listed substitute, once per id.
            const disrupted = supplierState(m, from);
            expect(
              disrupted.disrupted && disrupted.confirmationId === confirmationId,
              "failover from the disrupted",
            ).to.equal(true);
            expect(supplierState(m, to).disrupted, "failover to a healthy substitute").to.equal(false);
            expect(c.lastConf === confirmationId, "one failover per confirmation").to.equal(false);
            c.lastConf = confirmationId;
          }
          c.current = to;
          break;
        }
        default:
          throw new Error(`unexpected registry event ${name}`);
      }
      continue;
    }
    if (source === "oracle") {
      switch (name) {
        case "DisruptionReported": {
          const s = supplierState(m, a(args[0]));
          const reporter = r.reporters.findIndex((x) => x.address === a(args[1]));
          const live = new Set(liveVoters(s, t));
          if (live.size === 0) s.roundStart = t;
          live.add(reporter);
          s.voters = live;
          expect(n(args[5]), "votes counted").to.equal(BigInt(live.size));
          break;
        }
        case "DisruptionConfirmed":
        case "RecoveryConfirmed": {
          // Invariant 5: the disrupted flag only flips, with strictly increasing confirmation ids.
          const s = supplierState(m, a(args[0]));
          const disrupted = name === "DisruptionConfirmed";
          expect(s.disrupted, "supplier flag flips").to.equal(!disrupted);
          expect(n(args[1]), "confirmation ids sequential").to.equal(m.lastConfirmationId + 1n);
          expect(s.voters.size >= QUORUM, "confirmed only with a quorum").to.equal(true);
          m.lastConfirmationId += 1n;
          s.disrupted = disrupted;
          s.since = t;
          s.confirmationId = m.lastConfirmationId;
          s.voters = new Set();
          s.roundStart = 0n;
          m.pending.set(m.lastConfirmationId, { supplier: a(args[0]), disrupted });
          break;
        }
        case "SubscriberNotified":
          m.pending.delete(n(args[0]));
          break;
        case "NotificationsDeferred":
          break;
        case "SubscriberNotificationFailed":
          throw new Error(`the pool's callback failed: ${String(args[2])}`);
        case "TriggersPaused":
          m.paused = Boolean(args[0]);
          break;
        default:
          throw new Error(`unexpected oracle event ${name}`);
      }
      continue;
    }
    // pool
    switch (name) {
      case "Committed": {
        const p = projectOf(m, args[0]);
        p.committers.add(a(args[1]));
        p.poolHeld += n(args[2]);
        m.ledger.committed += n(args[2]);
        break;
      }
      case "SubstituteFinanced": {
        // Invariant 3: once per (project, component, confirmation); never for a recovered/superseded supplier.
        const p = projectOf(m, args[0]);
        expect(p.status, "financing only for Active projects").to.equal(PStatus.Active);
        const [substitute, amount, componentId, disruptedSupplier, confirmationId] = [
          a(args[1]),
          n(args[2]),
          n(args[3]),
          a(args[4]),
          n(args[5]),
        ];
        const key = `${p.id}/${componentId}/${confirmationId}`;
        expect(m.financed.has(key), `SubstituteFinanced twice for ${key}`).to.equal(false);
        m.financed.add(key);
        const s = supplierState(m, disruptedSupplier);
        expect(s.disrupted, "financing for a supplier that is not disrupted (recovered)").to.equal(true);
        expect(s.confirmationId, "financing for the supplier's current confirmation").to.equal(confirmationId);
        const c = p.components[Number(componentId) - 1];
        expect(c.current, "financed substitute is the component's new current supplier").to.equal(substitute);
        expect(c.lastConf, "switched by this confirmation").to.equal(confirmationId);
        const advance = c.subs.find((x) => x.supplier === substitute)?.advance;
        expect(amount, "financing = the agreed advance").to.equal(advance);
        p.outstanding += amount;
        p.poolHeld -= amount;
        m.ledger.financed += amount;
        break;
      }
      case "FinancingSkipped":
        // Closed projects are skipped with their own reason, and only they.
        expect(n(args[4]) === BigInt(SkipReason.ProjectClosed), "ProjectClosed iff the project is not Active").to.equal(
          projectOf(m, args[0]).status !== PStatus.Active,
        );
        break;
      case "AdvanceOwed":
        expect.fail("the demo token never refuses a transfer");
        break;
      case "Queued":
        m.queue += 1;
        break;
      case "QueueJobDone":
        m.queue -= 1;
        expect(m.queue >= 0).to.equal(true);
        break;
      case "Repaid": {
        const p = projectOf(m, args[0]);
        expect(n(args[2]) <= p.outstanding, "repay at most the debt").to.equal(true);
        p.outstanding -= n(args[2]);
        p.poolHeld += n(args[2]);
        p.repays += 1;
        m.ledger.repaid += n(args[2]);
        break;
      }
      case "Withdrawn": {
        const p = projectOf(m, args[0]);
        p.poolHeld -= n(args[2]);
        expect(p.poolHeld >= 0n, "withdrawals never exceed what is there").to.equal(true);
        m.ledger.withdrawn += n(args[2]);
        break;
      }
      case "ClaimOpened":
        break;
      default:
        throw new Error(`unexpected pool event ${name}`);
    }
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/*                                         Invariant check after every step                                       */
/* ------------------------------------------------------------------------------------------------------------ */

async function checkInvariants(m: Model, r: Real) {
  const { escrow, pool, registry, oracle, token } = r;
  const ids = m.projects.map((p) => p.id);
  const trackedSuppliers = [...r.suppliers.map((s) => s.address), r.rogue.address];
  const [block, escrowBalance, poolBalance, pendingJobs, config, projects, milestones, pools, poolBalances] =
    await Promise.all([
      ethers.provider.getBlock("latest"),
      token.balanceOf(r.stack.addresses.escrow),
      token.balanceOf(r.stack.addresses.pool),
      pool.pendingJobs(),
      oracle.config(),
      Promise.all(ids.map((id) => escrow.getProject(id))),
      Promise.all(ids.map((id) => escrow.getMilestones(id))),
      Promise.all(ids.map((id) => pool.getPool(id))),
      Promise.all(ids.map((id) => pool.poolBalance(id))),
    ]);
  const [statuses, rounds, currents, withdrawables] = await Promise.all([
    Promise.all(trackedSuppliers.map((s) => oracle.supplierStatus(s))),
    Promise.all(trackedSuppliers.map((s) => oracle.openRound(s))),
    Promise.all(
      m.projects.map((p) => Promise.all(p.components.map((_, i) => registry.currentSupplier(p.id, BigInt(i + 1))))),
    ),
    Promise.all(m.projects.map((p) => Promise.all([...p.committers].map((f) => pool.withdrawable(p.id, f))))),
  ]);
  m.now = BigInt(block!.timestamp);

  // 1. Nothing is lost: token balances = the contracts' own accounting = the totals rebuilt from events.
  const L = m.ledger;
  let fromEvents = L.funded + L.committed - L.disbursed - L.refunded - L.financed + L.repaid - L.withdrawn;
  if (SELFTEST && L.refunded > 0n) fromEvents += 1n; // deliberately wrong expectation (INVARIANT_SELFTEST=1)
  const heldByViews = projects.reduce((s, v) => s + v.held, 0n);
  const poolByViews = poolBalances.reduce((s, v) => s + v, 0n);
  expect(escrowBalance + poolBalance, "1: escrow + pool balance = Σ movement events").to.equal(fromEvents);
  expect(escrowBalance, "1: escrow balance = Σ getProject().held").to.equal(heldByViews);
  expect(poolBalance, "1: pool balance = Σ poolBalance()").to.equal(poolByViews);

  m.projects.forEach((p, i) => {
    const v = projects[i];
    const tag = `project ${p.id}`;
    // Contract accounting vs model (which is built from the events and the model's predictions).
    expect(Number(v.status), `${tag} status`).to.equal(p.status);
    expect(v.funded, `${tag} funded: view vs events`).to.equal(p.funded);
    expect(v.disbursed, `${tag} disbursed: view vs events`).to.equal(p.milestones.reduce((s, x) => s + x.paid, 0n));
    expect(v.refunded, `${tag} refunded: view vs events`).to.equal(p.refunded);
    expect(v.held, `${tag} held = funded − disbursed − refunded`).to.equal(v.funded - v.disbursed - v.refunded);
    expect(Number(v.approvedCount), `${tag} approvedCount`).to.equal(p.approvedCount);
    expect(v.refundable, `${tag} refundable`).to.equal(p.refundable);
    // 4. Refunds never exceed what is there; once every contributor claimed, the dust went out too.
    expect(v.refunded <= v.refundable || v.status === BigInt(PStatus.Active)).to.equal(true);
    if (p.status !== PStatus.Active && p.claimedContrib === p.funded) {
      expect(v.refunded, `${tag} all claimed: Σ refunds = refundable`).to.equal(v.refundable);
    }
    // 2. Milestones: paid within budget, nothing paid from a milestone that is not Approved.
    milestones[i].forEach((ms, j) => {
      const mm = p.milestones[j];
      expect(Number(ms.status), `${tag} milestone ${j} status`).to.equal(mm.status);
      expect(ms.paid, `${tag} milestone ${j} paid`).to.equal(mm.paid);
      expect(ms.paid <= ms.budget, `${tag} milestone ${j} paid ≤ budget`).to.equal(true);
      if (ms.paid > 0n) expect(Number(ms.status), `${tag} milestone ${j} paid ⇒ Approved`).to.equal(MStatus.Approved);
    });
    // Pool accounting: poolBalance() = Σ Committed − Σ SubstituteFinanced + Σ Repaid − Σ Withdrawn; debt = events.
    const pv = pools[i];
    expect(poolBalances[i], `${tag} poolBalance() vs events`).to.equal(p.poolHeld);
    expect(pv.cash + pv.claimCash, `${tag} poolBalance = cash + claimCash`).to.equal(poolBalances[i]);
    expect(pv.outstanding, `${tag} outstanding = Σ financed − Σ repaid`).to.equal(p.outstanding);
    expect(pv.claimDebt <= pv.outstanding, `${tag} claimDebt ≤ outstanding`).to.equal(true);
    // 4. Withdrawals: what all financiers could withdraw right now is at most what the pool holds.
    const owed = withdrawables[i].reduce((s, x) => s + x, 0n);
    expect(owed <= poolBalances[i], `${tag} Σ withdrawable ≤ poolBalance`).to.equal(true);
    // Dust: once no share and no debt is left and nobody can withdraw anything, what stays is rounding dust.
    if (pv.totalShares === 0n && pv.outstanding === 0n && owed === 0n) {
      const bound = BigInt(p.committers.size * (p.repays + 1));
      expect(
        poolBalances[i] < bound || poolBalances[i] === 0n,
        `${tag} pool dust ${poolBalances[i]} < ${bound}`,
      ).to.equal(true);
    }
    // Registry: current suppliers as the model followed them from ComponentSwitched.
    currents[i].forEach((c, j) => expect(c, `${tag} component ${j + 1} current`).to.equal(p.components[j].current));
  });

  // Oracle and queue.
  expect(Number(pendingJobs), "queue length (Queued − QueueJobDone)").to.equal(m.queue);
  expect(config.paused, "paused").to.equal(m.paused);
  expect(config.lastConfirmationId, "last confirmation id").to.equal(m.lastConfirmationId);
  trackedSuppliers.forEach((s, i) => {
    const ms = supplierState(m, s);
    expect(statuses[i].disrupted, `supplier ${s} disrupted`).to.equal(ms.disrupted);
    expect(statuses[i].confirmationId, `supplier ${s} confirmation`).to.equal(ms.confirmationId);
    // Round expiry depends on the call's timestamp: compare away from the boundary only.
    const boundary = ms.roundStart + MAX_REPORT_AGE;
    if (ms.voters.size === 0 || boundary > m.now + 120n || boundary < m.now - 120n) {
      expect(rounds[i].votes, `supplier ${s} open round votes`).to.equal(BigInt(liveVoters(ms, m.now).size));
    }
  });

  // 5. State machines moved only along allowed edges since the last check (chain views only).
  const seen: Seen = {
    projectStatus: projects.map((v) => Number(v.status)),
    milestoneStatus: milestones.map((list) => list.map((x) => Number(x.status))),
    supplier: new Map(
      trackedSuppliers.map((s, i) => [
        s,
        { disrupted: statuses[i].disrupted, confirmationId: statuses[i].confirmationId },
      ]),
    ),
  };
  if (m.seen) {
    seen.projectStatus.forEach((now, i) => {
      const before = m.seen!.projectStatus[i];
      if (before !== undefined && before !== now) expect(PROJECT_EDGES[before], "5: project edge").to.include(now);
      seen.milestoneStatus[i].forEach((st, j) => {
        const was = m.seen!.milestoneStatus[i]?.[j];
        if (was !== undefined && was !== st) expect(MILESTONE_EDGES[was], "5: milestone edge").to.include(st);
      });
    });
    for (const [s, st] of seen.supplier) {
      const was = m.seen.supplier.get(s)!;
      if (was.confirmationId !== st.confirmationId) {
        expect(st.confirmationId > was.confirmationId, "5: confirmation ids increase").to.equal(true);
        expect(st.disrupted, "5: the supplier flag flips on a confirmation").to.equal(!was.disrupted);
      } else {
        expect(st.disrupted, "5: no flip without a confirmation").to.equal(was.disrupted);
      }
    }
  }
  m.seen = seen;
}

/* ------------------------------------------------------------------------------------------------------------ */
/*                                                    Commands                                                    */
/* ------------------------------------------------------------------------------------------------------------ */

abstract class Step implements fc.AsyncCommand<Model, Real> {
  protected note = "";
  check(_m: Readonly<Model>): boolean {
    void _m;
    return true;
  }
  abstract label(): string;
  abstract exec(m: Model, r: Real): Promise<void>;
  async run(m: Model, r: Real): Promise<void> {
    await this.exec(m, r);
    await checkInvariants(m, r);
  }
  toString(): string {
    return this.label() + (this.note ? ` /*${this.note}*/` : "");
  }
}

/**
 * Picks a project id: selector 19 is the unknown id count + 1; 12..18 any existing project; 0..11 prefer the projects
 * for which the command can do something (so that valid paths are reached often, invalid ones still occur).
 */
function pickProject(
  m: Model,
  sel: number,
  prefer?: (p: MProject) => boolean,
): { id: bigint; p: MProject | undefined } {
  if (sel === 19) return { id: BigInt(m.projects.length + 1), p: undefined };
  const preferred = prefer && sel < 12 ? m.projects.filter(prefer) : [];
  const list = preferred.length > 0 ? preferred : m.projects;
  const p = list[sel % list.length];
  return { id: p.id, p };
}
const isActive = (p: MProject) => p.status === PStatus.Active;

/** A milestone selector: an index, or -1 for "the next one to approve" (-1 for disburse: the last approved). */
function pickMilestone(p: MProject | undefined, sel: number, approved = false): number {
  if (sel >= 0 || !p) return Math.max(sel, 0);
  return approved ? Math.max(p.approvedCount - 1, 0) : Math.min(p.approvedCount, p.milestones.length - 1);
}

type AmountSel = "zero" | "all" | "over" | number;
const amountArb: fc.Arbitrary<AmountSel> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom<AmountSel>("zero", "over") },
  { weight: 2, arbitrary: fc.constant<AmountSel>("all") },
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 100 }) },
);
function resolveAmount(sel: AmountSel, room: bigint): bigint {
  if (sel === "zero") return 0n;
  if (sel === "all") return room === 0n ? 1n : room;
  if (sel === "over") return room + 1n;
  const x = (room * BigInt(sel)) / 100n;
  return x === 0n ? 1n : x;
}

/** The escrow-side precondition shared by submit/approve/reject/disburse. */
function activeMilestoneError(p: MProject | undefined, index: number): string | null {
  if (!p) return "RDEscrow_ProjectNotFound";
  if (p.status !== PStatus.Active) return "RDEscrow_ProjectNotActive";
  if (index >= p.milestones.length) return "RDEscrow_MilestoneNotFound";
  return null;
}

class CreateProject extends Step {
  constructor(
    readonly firm: number,
    readonly verifier: number, // 0..1 verifiers, 2 = the firm itself
    readonly budgets: bigint[],
    readonly spacingDays: bigint,
  ) {
    super();
  }
  check(m: Readonly<Model>) {
    return m.projects.length < MAX_PROJECTS;
  }
  label() {
    return `createProject(firm${this.firm}, ${this.verifier === 2 ? "verifier=firm" : `ver${this.verifier}`}, [${this.budgets}], every ${this.spacingDays}d)`;
  }
  async exec(m: Model, r: Real) {
    const t = m.now + 1n;
    const deadlines = this.budgets.map((_, i) => t + BigInt(i + 1) * this.spacingDays * DAY);
    const firm = r.firms[this.firm];
    const verifier = this.verifier === 2 ? firm : r.verifiers[this.verifier];
    const expected = this.verifier === 2 ? err("RDEscrow_InvalidVerifier") : OK;
    const milestones = this.budgets.map((budget, i) => ({
      budget,
      deadline: deadlines[i],
      stage: Stage.Research,
      accounting: Accounting.Expensed,
    }));
    const logs = await act(m, r, expected, () =>
      r.escrow
        .connect(firm)
        .createProject(
          r.stack.addresses.token,
          verifier.address,
          ethers.ZeroHash,
          "",
          DEFAULT_PROFILE,
          milestones,
          GAS,
        ),
    );
    if (logs)
      m.projects.push(newProject(BigInt(m.projects.length + 1), this.firm, this.verifier, this.budgets, deadlines));
  }
}

class Fund extends Step {
  constructor(
    readonly project: number,
    readonly financier: number, // 0..3 (3 = f4, who never approved the escrow)
    readonly amount: AmountSel,
  ) {
    super();
  }
  label() {
    return `fund(p#${this.project}, f${this.financier + 1}, ${this.amount})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project, (p) => isActive(p) && p.funded < p.target);
    const amount = resolveAmount(this.amount, p ? p.target - p.funded : 1n);
    this.note = `id=${id} amount=${amount}`;
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (p.status !== PStatus.Active) expected = err("RDEscrow_ProjectNotActive");
    else if (amount === 0n) expected = err("RDEscrow_ZeroAmount");
    else if (amount > p.target - p.funded) expected = err("RDEscrow_OverFunding");
    else if (this.financier === 3) expected = err("ERC20InsufficientAllowance");
    await act(m, r, expected, () => r.escrow.connect(r.financiers[this.financier]).fund(id, amount, GAS));
  }
}

class FundWithPermit extends Step {
  constructor(
    readonly project: number,
    readonly amount: AmountSel,
  ) {
    super();
  }
  label() {
    return `fundWithPermit(p#${this.project}, f4, ${this.amount})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project, (p) => isActive(p) && p.funded < p.target);
    const amount = resolveAmount(this.amount, p ? p.target - p.funded : 1n);
    this.note = `id=${id} amount=${amount}`;
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (p.status !== PStatus.Active) expected = err("RDEscrow_ProjectNotActive");
    else if (amount === 0n) expected = err("RDEscrow_ZeroAmount");
    else if (amount > p.target - p.funded) expected = err("RDEscrow_OverFunding");
    const owner = r.financiers[3];
    const deadline = m.now + 3600n;
    const { v, r: sr, s } = await signPermit(r.token, owner, r.stack.addresses.escrow, amount, deadline);
    await act(m, r, expected, () => r.escrow.connect(owner).fundWithPermit(id, amount, deadline, v, sr, s, GAS));
  }
}

class Submit extends Step {
  constructor(
    readonly project: number,
    readonly milestone: number,
    readonly byFirm: boolean,
  ) {
    super();
  }
  label() {
    return `submit(p#${this.project}, m${this.milestone}${this.byFirm ? "" : ", by stranger"})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project, isActive);
    const i = pickMilestone(p, this.milestone);
    const t = m.now + 1n;
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (!this.byFirm) expected = err("RDEscrow_CallerNotFirm");
    else {
      const e = activeMilestoneError(p, i);
      if (e) expected = err(e);
      else {
        const ms = p.milestones[i];
        if (i < p.approvedCount || ms.status === MStatus.Submitted) {
          expected = err("RDEscrow_MilestoneNotSubmittable");
        } else if (t > ms.deadline) expected = err("RDEscrow_MilestoneDeadlinePassed");
      }
    }
    const caller = p && this.byFirm ? r.firms[p.firm] : r.stranger;
    await act(m, r, expected, () => r.escrow.connect(caller).submitMilestone(id, i, ethers.id("e"), "", GAS));
  }
}

class Review extends Step {
  constructor(
    readonly project: number,
    readonly milestone: number,
    readonly approve: boolean,
    readonly byVerifier: boolean,
  ) {
    super();
  }
  label() {
    return `${this.approve ? "approve" : "reject"}(p#${this.project}, m${this.milestone}${this.byVerifier ? "" : ", by firm"})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(
      m,
      this.project,
      (p) => isActive(p) && p.milestones.some((x) => x.status === MStatus.Submitted),
    );
    const i = pickMilestone(p, this.milestone);
    const t = m.now + 1n;
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (!this.byVerifier) expected = err("RDEscrow_CallerNotVerifier");
    else {
      const e = activeMilestoneError(p, i);
      if (e) expected = err(e);
      else if (this.approve) {
        const ms = p.milestones[i];
        if (i !== p.approvedCount) expected = err("RDEscrow_MilestoneOutOfOrder");
        else if (ms.status !== MStatus.Submitted) expected = err("RDEscrow_MilestoneNotSubmitted");
        else if (t > ms.deadline) expected = err("RDEscrow_MilestoneDeadlinePassed");
        else if (p.funded < ms.cumulative) expected = err("RDEscrow_InsufficientFunding");
      } else if (p.milestones[i].status !== MStatus.Submitted) {
        expected = err("RDEscrow_MilestoneNotSubmitted");
      }
    }
    const caller = p ? (this.byVerifier ? r.verifiers[p.verifier] : r.firms[p.firm]) : r.stranger;
    await act(m, r, expected, () =>
      this.approve
        ? r.escrow.connect(caller).approveMilestone(id, i, GAS)
        : r.escrow.connect(caller).rejectMilestone(id, i, ethers.id("why"), "", GAS),
    );
  }
}

type InvoiceSel = "fresh" | "reuse" | "zero";
class Disburse extends Step {
  constructor(
    readonly project: number,
    readonly milestone: number,
    readonly payee: number, // 0 firm, 1..5 the registered suppliers, 6 the unregistered rogue
    readonly amount: AmountSel,
    readonly invoice: InvoiceSel,
  ) {
    super();
  }
  label() {
    return `disburse(p#${this.project}, m${this.milestone}, payee${this.payee}, ${this.amount}, ${this.invoice} invoice)`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project, (p) => isActive(p) && p.approvedCount > 0);
    const i = pickMilestone(p, this.milestone, true);
    const ms = p?.milestones[i];
    const remaining = ms ? ms.budget - ms.paid : 1n;
    const amount = resolveAmount(this.amount, remaining);
    let invoice: string;
    if (this.invoice === "zero") invoice = ethers.ZeroHash;
    else if (this.invoice === "reuse" && m.lastInvoice) invoice = m.lastInvoice;
    else invoice = ethers.id(`invoice ${m.nextInvoice++}`);
    const payee =
      this.payee === 0 && p
        ? r.firms[p.firm].address
        : this.payee === 6 || this.payee === 0
          ? r.rogue.address
          : r.suppliers[this.payee - 1].address;
    this.note = `id=${id} amount=${amount} payee=${payee.slice(0, 8)} invoice=${invoice.slice(0, 10)}`;
    let expected: Expect = OK;
    const e = activeMilestoneError(p, i);
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (e) expected = err(e);
    else if (i >= p.approvedCount) expected = err("RDEscrow_MilestoneNotApproved");
    else if (amount === 0n) expected = err("RDEscrow_ZeroAmount");
    else if (invoice === ethers.ZeroHash) expected = err("RDEscrow_ZeroInvoiceHash");
    else if (m.invoices.has(invoiceKey(payee, invoice))) expected = err("RDEscrow_InvoiceAlreadyPaid");
    else if (amount > remaining) expected = err("RDEscrow_BudgetExceeded");
    else if (payee !== r.firms[p.firm].address && !p.payees.has(payee)) expected = err("RDEscrow_PayeeNotAllowed");
    else if (supplierState(m, payee).disrupted) expected = err("RDEscrow_PayeeDisrupted");
    const caller = p ? r.firms[p.firm] : r.stranger;
    const logs = await act(m, r, expected, () =>
      r.escrow.connect(caller).disburse(id, i, payee, amount, 1, invoice, GAS),
    );
    if (logs) expect(logs.filter((x) => x.name === "Disbursed").length, "one Disbursed").to.equal(1);
  }
}

class TimeTravel extends Step {
  constructor(readonly seconds: bigint | "beyondEveryGrace") {
    super();
  }
  label() {
    return this.seconds === "beyondEveryGrace"
      ? "timeTravel(beyond every deadline + grace)"
      : `timeTravel(+${this.seconds}s)`;
  }
  async exec(m: Model) {
    if (this.seconds !== "beyondEveryGrace") return networkHelpers.time.increaseTo(m.now + this.seconds);
    // Past the last deadline of every project plus the grace period: every all-approved project is closable by anyone.
    const last = m.projects.reduce(
      (t, p) => (p.milestones.at(-1)!.deadline > t ? p.milestones.at(-1)!.deadline : t),
      0n,
    );
    await networkHelpers.time.increaseTo(last + GRACE > m.now ? last + GRACE : m.now + 1n);
  }
}

class Close extends Step {
  constructor(
    readonly project: number,
    readonly how: "markFailed" | "cancel" | "complete" | "cancelByStranger" | "closeByAnyone",
  ) {
    super();
  }
  label() {
    return `${this.how}(p#${this.project})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project, isActive);
    const t = m.now + 1n;
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (this.how === "cancelByStranger") expected = err("RDEscrow_CallerNotFirm");
    else if (p.status !== PStatus.Active) expected = err("RDEscrow_ProjectNotActive");
    else if (this.how === "markFailed") {
      if (p.approvedCount === p.milestones.length) expected = err("RDEscrow_AllMilestonesApproved");
      else if (t <= p.milestones[p.approvedCount].deadline) expected = err("RDEscrow_DeadlineNotPassed");
    } else if (this.how === "complete" && p.approvedCount !== p.milestones.length) {
      expected = err("RDEscrow_MilestonesPending");
    } else if (this.how === "closeByAnyone") {
      if (p.approvedCount !== p.milestones.length) expected = err("RDEscrow_MilestonesPending");
      else if (t <= p.milestones[p.milestones.length - 1].deadline + GRACE)
        expected = err("RDEscrow_GracePeriodNotOver");
    }
    const firm = p ? r.firms[p.firm] : r.stranger;
    await act(m, r, expected, () => {
      if (this.how === "markFailed") return r.escrow.connect(r.keeper).markFailed(id, GAS);
      if (this.how === "cancel") return r.escrow.connect(firm).cancelProject(id, GAS);
      if (this.how === "complete") return r.escrow.connect(firm).completeProject(id, GAS);
      if (this.how === "closeByAnyone") return r.escrow.connect(r.stranger).closeAfterGracePeriod(id, GAS);
      return r.escrow.connect(r.stranger).cancelProject(id, GAS);
    });
  }
}

class ClaimRefund extends Step {
  constructor(
    readonly project: number,
    readonly financier: number,
  ) {
    super();
  }
  label() {
    return `claimRefund(p#${this.project}, f${this.financier + 1})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project, (p) => !isActive(p));
    const f = r.financiers[this.financier];
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (p.status === PStatus.Active) expected = err("RDEscrow_RefundsNotOpen");
    else if (!p.contributions.get(f.address)) expected = err("RDEscrow_NoContribution");
    else if (p.claimed.has(f.address)) expected = err("RDEscrow_RefundAlreadyClaimed");
    const logs = await act(m, r, expected, () => r.escrow.connect(f).claimRefund(id, GAS));
    if (logs) expect(logs.filter((x) => x.name === "Refunded").length, "one Refunded").to.equal(1);
  }
}

class DefineComponent extends Step {
  constructor(
    readonly project: number,
    readonly primary: number, // 0..4 registered suppliers, 5 the rogue
    readonly subs: [number, bigint][],
    readonly byFirm: boolean,
  ) {
    super();
  }
  label() {
    return `defineComponent(p#${this.project}, primary s${this.primary}, subs [${this.subs.map(([i, adv]) => `s${i}:${adv}`)}]${this.byFirm ? "" : ", by stranger"})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project);
    const addr = (i: number) => (i === 5 ? r.rogue.address : r.suppliers[i].address);
    const registered = (i: number) => i !== 5;
    const primary = addr(this.primary);
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (!this.byFirm) expected = err("SupplyChainRegistry_CallerNotFirm");
    else if (!registered(this.primary)) expected = err("SupplyChainRegistry_SupplierNotRegistered");
    else if (supplierState(m, primary).disrupted) expected = err("SupplyChainRegistry_SupplierDisrupted");
    else {
      const seen: number[] = [];
      for (const [i, advance] of this.subs) {
        if (!registered(i)) expected = err("SupplyChainRegistry_SupplierNotRegistered");
        else if (supplierState(m, addr(i)).disrupted) expected = err("SupplyChainRegistry_SupplierDisrupted");
        else if (i === this.primary || seen.includes(i)) expected = err("SupplyChainRegistry_DuplicateSupplier");
        else if (advance === 0n) expected = err("SupplyChainRegistry_InvalidAdvance");
        if ("err" in expected) break;
        seen.push(i);
      }
    }
    const caller = p && this.byFirm ? r.firms[p.firm] : r.stranger;
    const subs = this.subs.map(([i, advance]) => ({ supplier: addr(i), advance }));
    const logs = await act(m, r, expected, () =>
      r.registry.connect(caller).defineComponent(id, ethers.ZeroHash, "", primary, subs, GAS),
    );
    if (logs && p) {
      p.components.push({
        primary,
        subs: subs.map((s) => ({ supplier: s.supplier, advance: s.advance })),
        current: primary,
        lastConf: 0n,
      });
      // Each listed supplier accepts its listing (one transaction each), unless its reverse index is full.
      const componentId = BigInt(p.components.length);
      for (const [k, s] of [primary, ...subs.map((x) => x.supplier)].entries()) {
        const index = k === 0 ? this.primary : this.subs[k - 1][0];
        const full = (m.pairs.get(s) ?? 0) >= 64;
        m.now += 1n; // one block each
        await act(m, r, full ? err("SupplyChainRegistry_TooManyPairs") : OK, () =>
          r.registry.connect(r.suppliers[index]).acceptListing(id, componentId, GAS),
        );
      }
    }
  }
}

class SwitchSupplier extends Step {
  constructor(
    readonly project: number,
    readonly component: number,
    readonly to: number, // 0..4 registered suppliers
  ) {
    super();
  }
  label() {
    return `switchSupplier(p#${this.project}, c${this.component + 1}, s${this.to})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project, (p) => p.components.length > 0);
    const to = r.suppliers[this.to].address;
    const c = p?.components[this.component];
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (!c) expected = err("SupplyChainRegistry_ComponentNotFound");
    else if (c.current === to) expected = err("SupplyChainRegistry_AlreadyCurrent");
    else if (c.primary !== to && !c.subs.some((s) => s.supplier === to)) {
      expected = err("SupplyChainRegistry_NotComponentSupplier");
    } else if (supplierState(m, to).disrupted) expected = err("SupplyChainRegistry_SupplierDisrupted");
    const caller = p ? r.firms[p.firm] : r.stranger;
    await act(m, r, expected, () => r.registry.connect(caller).switchSupplier(id, this.component + 1, to, GAS));
  }
}

class AddProjectSupplier extends Step {
  constructor(
    readonly project: number,
    readonly supplier: number, // 0..4 registered, 5 rogue
  ) {
    super();
  }
  label() {
    return `addProjectSupplier(p#${this.project}, s${this.supplier})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project);
    const s = this.supplier === 5 ? r.rogue.address : r.suppliers[this.supplier].address;
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (this.supplier === 5) expected = err("SupplyChainRegistry_SupplierNotRegistered");
    const caller = p ? r.firms[p.firm] : r.stranger;
    await act(m, r, expected, () => r.registry.connect(caller).addProjectSupplier(id, s, GAS));
  }
}

class RemoveProjectSupplier extends Step {
  constructor(
    readonly project: number,
    readonly supplier: number, // 0..4 registered, 5 rogue
  ) {
    super();
  }
  label() {
    return `removeProjectSupplier(p#${this.project}, s${this.supplier})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project);
    const s = this.supplier === 5 ? r.rogue.address : r.suppliers[this.supplier].address;
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (!p.payees.has(s)) expected = err("SupplyChainRegistry_NotProjectPayee");
    const caller = p ? r.firms[p.firm] : r.stranger;
    await act(m, r, expected, () => r.registry.connect(caller).removeProjectSupplier(id, s, GAS));
  }
}

class Commit extends Step {
  constructor(
    readonly project: number,
    readonly financier: number,
    readonly amount: bigint,
    readonly exposurePct: number, // > 100 = invalid allowance
    readonly disruptionPct: number,
  ) {
    super();
  }
  label() {
    return `commit(p#${this.project}, f${this.financier + 1}, ${this.amount}, exposure ${this.exposurePct}%, disruption ${this.disruptionPct}% of it)`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project);
    const exposure = (this.amount * BigInt(this.exposurePct)) / 100n;
    const disruption = (exposure * BigInt(this.disruptionPct)) / 100n;
    let expected: Expect = OK;
    if (this.amount === 0n) expected = err("ContingencyPool_ZeroAmount");
    else if (exposure > this.amount || disruption > exposure) expected = err("ContingencyPool_InvalidAllowance");
    else if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (p.status !== PStatus.Active) expected = err("ContingencyPool_ProjectNotActive");
    const before = p ? await r.pool.getPool(id) : null;
    const f = r.financiers[this.financier];
    const logs = await act(m, r, expected, () => r.pool.connect(f).commit(id, this.amount, exposure, disruption, GAS));
    if (logs && before) {
      // Shares are minted at the pool's net asset value (pro-rata entry).
      const value = before.cash + before.outstanding - before.claimDebt;
      const shares =
        before.totalShares === 0n || value === 0n ? this.amount : (this.amount * before.totalShares) / value;
      const committed = logs.find((x) => x.name === "Committed")!;
      expect(n(committed.args[3]), "shares minted pro rata to the pool's value").to.equal(shares);
    }
  }
}

type ReportAge = "now" | "hourAgo" | "stale" | "future";
class Report extends Step {
  constructor(
    readonly reporter: number, // 0..2 reporters, 3 stranger
    readonly supplier: number, // 0..4 registered, 5 rogue
    readonly flip: boolean, // report the opposite of the confirmed state (false: a no-change report)
    readonly age: ReportAge,
  ) {
    super();
  }
  private disrupted = false;
  label() {
    return `report(${this.reporter === 3 ? "stranger" : `r${this.reporter + 1}`}, s${this.supplier}, ${this.flip ? "flip" : "same"}, ${this.age})`;
  }
  async exec(m: Model, r: Real) {
    const t = m.now + 1n;
    const supplier = this.supplier === 5 ? r.rogue.address : r.suppliers[this.supplier].address;
    const observedAt = { now: t, hourAgo: t - 3600n, stale: t - MAX_REPORT_AGE - 1n, future: t + 60n }[this.age];
    const s = supplierState(m, supplier);
    this.disrupted = this.flip !== s.disrupted;
    this.note = this.disrupted ? "disrupted" : "recovered";
    let expected: Expect = OK;
    if (observedAt > t) expected = err("DisruptionOracle_ObservedInFuture");
    else if (observedAt < t - MAX_REPORT_AGE) expected = err("DisruptionOracle_StaleReport");
    else if (observedAt < s.since) expected = err("DisruptionOracle_ReportPredatesLastConfirmation");
    else if (s.disrupted === this.disrupted) expected = err("DisruptionOracle_ReportWouldNotChangeState");
    else if (this.reporter === 3) expected = err("DisruptionOracle_UnknownReporter");
    else if (liveVoters(s, t).has(this.reporter)) expected = err("DisruptionOracle_DuplicateVote");
    const willConfirm = "ok" in expected && liveVoters(s, t).size + 1 >= QUORUM;
    const caller = this.reporter === 3 ? r.stranger : r.reporters[this.reporter];
    const queueBefore = m.queue;
    const logs = await act(m, r, expected, () =>
      r.oracle.connect(caller).report(supplier, this.disrupted, ethers.id("evidence"), observedAt, GAS),
    );
    if (!logs) return;
    const confirmed = logs.some((x) => x.name === "DisruptionConfirmed" || x.name === "RecoveryConfirmed");
    expect(confirmed, "confirmed exactly when the quorum is reached").to.equal(willConfirm);
    this.note += confirmed ? `, confirmation ${m.lastConfirmationId}` : ", below quorum";
    if (confirmed) checkNotification(m, supplier, this.disrupted, queueBefore, logs);
  }
}

/** Two reporters vote the same fresh flip back to back (so that quorums are reached often). */
class ReportPair extends Step {
  constructor(
    readonly first: number,
    readonly supplier: number,
  ) {
    super();
  }
  label() {
    return `reportPair(r${this.first + 1} + r${((this.first + 1) % 3) + 1}, s${this.supplier}, flip, now)`;
  }
  async exec(m: Model, r: Real) {
    const one = new Report(this.first, this.supplier, true, "now");
    await one.run(m, r);
    const two = new Report((this.first + 1) % 3, this.supplier, true, "now");
    await two.exec(m, r);
    this.note = `${one.toString()}; ${two.toString()}`;
  }
}

/**
 * After a confirmation (or a delivery) that reached the pool: on a disruption that is still current, with an
 * empty queue the pool handles the first MAX_PAIRS_PER_CALLBACK pairs and queues the rest; behind a waiting job
 * it queues the whole confirmation (and finances nothing). A recovery or an outdated notification pays nothing.
 */
function checkNotification(m: Model, supplier: string, live: boolean, queueBefore: number, logs: Parsed[]) {
  const notified = logs.some((x) => x.name === "SubscriberNotified");
  expect(notified, "the pool is notified unless paused").to.equal(!m.paused);
  const financed = logs.some((x) => x.name === "SubstituteFinanced");
  const queued = logs.some((x) => x.name === "Queued");
  if (!notified || !live) {
    expect(financed || queued, "no financing or queueing on recovery, deferral or an outdated id").to.equal(false);
    return;
  }
  const pairs = m.pairs.get(supplier) ?? 0;
  expect(queued, "queued iff a job waited or more pairs than one callback handles").to.equal(
    queueBefore > 0 || pairs > MAX_PAIRS_PER_CALLBACK,
  );
  if (queueBefore > 0) expect(financed, "behind a waiting job nothing is financed").to.equal(false);
}

class Deliver extends Step {
  constructor(readonly pick: number) {
    super();
  }
  label() {
    return `deliver(pending #${this.pick})`;
  }
  async exec(m: Model, r: Real) {
    const ids = [...m.pending.keys()];
    const id = ids.length > 0 ? ids[this.pick % ids.length] : m.lastConfirmationId + 1n;
    this.note = `confirmation ${id}`;
    let expected: Expect = OK;
    if (m.paused) expected = err("DisruptionOracle_TriggersPaused");
    else if (!m.pending.has(id)) expected = err("DisruptionOracle_NothingToDeliver");
    const pending = m.pending.get(id);
    const s = pending ? supplierState(m, pending.supplier) : undefined;
    const live = !!pending && pending.disrupted && s!.disrupted && s!.confirmationId === id;
    const queueBefore = m.queue;
    const logs = await act(m, r, expected, () => r.oracle.connect(r.keeper).deliver(id, GAS));
    if (logs) checkNotification(m, pending!.supplier, live, queueBefore, logs);
  }
}

class Pause extends Step {
  constructor(readonly pause: boolean) {
    super();
  }
  label() {
    return this.pause ? "pause()" : "unpause()";
  }
  async exec(m: Model, r: Real) {
    const expected = m.paused === this.pause ? err("DisruptionOracle_PauseUnchanged") : OK;
    await act(m, r, expected, () =>
      this.pause ? r.oracle.connect(r.admin).pause(GAS) : r.oracle.connect(r.admin).unpause(GAS),
    );
  }
}

class ProcessQueue extends Step {
  constructor(readonly max: number) {
    super();
  }
  label() {
    return `processQueue(${this.max})`;
  }
  async exec(m: Model, r: Real) {
    let expected: Expect = OK;
    if (m.paused) expected = err("ContingencyPool_TriggersPaused");
    else if (m.queue === 0 || this.max === 0) expected = err("ContingencyPool_NothingToProcess");
    await act(m, r, expected, () => r.pool.connect(r.keeper).processQueue(this.max, GAS));
  }
}

class Repay extends Step {
  constructor(
    readonly project: number,
    readonly amount: AmountSel,
    readonly byFirm: boolean,
  ) {
    super();
  }
  label() {
    return `repay(p#${this.project}, ${this.amount}${this.byFirm ? "" : ", by stranger"})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project, (p) => p.outstanding > 0n);
    const amount = resolveAmount(this.amount, p?.outstanding ?? 1n);
    this.note = `id=${id} amount=${amount}`;
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (!this.byFirm) expected = err("ContingencyPool_CallerNotFirm");
    else if (amount === 0n) expected = err("ContingencyPool_ZeroAmount");
    else if (amount > p.outstanding) expected = err("ContingencyPool_RepayExceedsDebt");
    const caller = p && this.byFirm ? r.firms[p.firm] : r.stranger;
    await act(m, r, expected, () => r.pool.connect(caller).repay(id, amount, GAS));
  }
}

class Withdraw extends Step {
  constructor(
    readonly project: number,
    readonly financier: number,
  ) {
    super();
  }
  label() {
    return `withdraw(p#${this.project}, f${this.financier + 1})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project, (p) => p.committers.size > 0);
    const f = r.financiers[this.financier];
    let expected: Expect = ANY;
    // While jobs wait, a project with pairs still queued refuses share exits (QueuePending), others do not: the
    // model does not track which projects a job reserves, so either outcome is accepted (the accounting is checked).
    if (!p || !p.committers.has(f.address)) expected = err("ContingencyPool_NothingToWithdraw");
    const [before, position, withdrawable, held] = await Promise.all([
      r.pool.getPool(id),
      r.pool.getPosition(id, f.address),
      r.pool.withdrawable(id, f.address),
      r.pool.poolBalance(id),
    ]);
    const logs = await act(m, r, expected, () => r.pool.connect(f).withdraw(id, GAS));
    if (!logs) return;
    // Invariant 4: what was paid = the claim payout so far + the pro-rata share of the cash, never more than held.
    const paid = logs.filter((x) => x.name === "Withdrawn").reduce((s, x) => s + n(x.args[2]), 0n);
    const cashPart = before.totalShares === 0n ? 0n : (position.shares * before.cash) / before.totalShares;
    this.note = `paid=${paid} cashPart=${cashPart}`;
    expect(paid, "withdrawn = withdrawable() before").to.equal(withdrawable);
    expect(paid >= cashPart, "withdrawn ≥ pro-rata cash share").to.equal(true);
    expect(paid - cashPart <= before.claimCash, "claim payout ≤ claimants' cash").to.equal(true);
    expect(paid <= held, "withdrawn ≤ pool held").to.equal(true);
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/*                                                      Run                                                       */
/* ------------------------------------------------------------------------------------------------------------ */

const pIdx = fc.nat({ max: 19 });
const msIdx = fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat({ max: 3 }) });
const finIdx = fc.nat({ max: 3 });
const budgetArb = fc.constantFrom(500_00n, 1_000_00n, 2_500_00n);
const advanceArb = fc.constantFrom(0n, 100_00n, 300_00n, 800_00n, 5_000_00n);

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const commandArb: fc.Arbitrary<fc.AsyncCommand<Model, Real>> = fc.oneof(
  w(
    1,
    fc
      .tuple(
        fc.nat({ max: 1 }),
        fc.nat({ max: 4 }).map((v) => (v === 4 ? 2 : v % 2)),
        fc.array(budgetArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(3n, 20n, 40n),
      )
      .map(([f, v, b, d]) => new CreateProject(f, v, b, d)),
  ),
  w(
    8,
    fc.tuple(pIdx, fc.nat({ max: 3 }), amountArb).map(([p, f, x]) => new Fund(p, f, x)),
  ),
  w(
    2,
    fc.tuple(pIdx, amountArb).map(([p, x]) => new FundWithPermit(p, x)),
  ),
  w(
    8,
    fc.tuple(pIdx, msIdx, fc.nat({ max: 7 })).map(([p, i, who]) => new Submit(p, i, who !== 0)),
  ),
  w(
    12,
    fc
      .tuple(pIdx, msIdx, fc.nat({ max: 3 }), fc.nat({ max: 7 }))
      .map(([p, i, approve, who]) => new Review(p, i, approve !== 0, who !== 0)),
  ),
  w(
    8,
    fc
      .tuple(
        pIdx,
        msIdx,
        fc.nat({ max: 6 }),
        amountArb,
        fc.constantFrom<InvoiceSel>("fresh", "fresh", "fresh", "fresh", "reuse", "zero"),
      )
      .map(([p, i, payee, x, inv]) => new Disburse(p, i, payee, x, inv)),
  ),
  w(
    3,
    fc
      .constantFrom<TimeTravel["seconds"]>(
        3_600n,
        DAY + 1n,
        11n * DAY,
        35n * DAY,
        "beyondEveryGrace",
        "beyondEveryGrace",
      )
      .map((s) => new TimeTravel(s)),
  ),
  w(
    5,
    fc
      .tuple(
        pIdx,
        fc.constantFrom<Close["how"]>(
          "markFailed",
          "markFailed",
          "cancel",
          "complete",
          "cancelByStranger",
          "closeByAnyone",
          "closeByAnyone",
        ),
      )
      .map(([p, how]) => new Close(p, how)),
  ),
  w(
    5,
    fc.tuple(pIdx, finIdx).map(([p, f]) => new ClaimRefund(p, f)),
  ),
  w(
    3,
    fc
      .tuple(
        pIdx,
        fc.nat({ max: 5 }),
        fc.array(fc.tuple(fc.nat({ max: 5 }), advanceArb), { minLength: 1, maxLength: 3 }),
        fc.nat({ max: 7 }),
      )
      .map(([p, primary, subs, who]) => new DefineComponent(p, primary, subs, who !== 0)),
  ),
  w(
    2,
    fc.tuple(pIdx, fc.nat({ max: 3 }), fc.nat({ max: 4 })).map(([p, c, to]) => new SwitchSupplier(p, c, to)),
  ),
  w(
    1,
    fc.tuple(pIdx, fc.nat({ max: 5 })).map(([p, s]) => new AddProjectSupplier(p, s)),
  ),
  w(
    1,
    fc.tuple(pIdx, fc.nat({ max: 5 })).map(([p, s]) => new RemoveProjectSupplier(p, s)),
  ),
  w(
    5,
    fc
      .tuple(
        pIdx,
        finIdx,
        fc.constantFrom(0n, 100_00n, 1_000_00n, 3_000_00n),
        fc.constantFrom(0, 50, 100, 100, 101),
        fc.constantFrom(0, 50, 100, 100, 101),
      )
      .map(([p, f, x, e, d]) => new Commit(p, f, x, e, d)),
  ),
  w(
    11,
    fc
      .tuple(
        fc.nat({ max: 9 }).map((x) => (x === 9 ? 3 : x % 3)),
        fc.nat({ max: 7 }).map((x) => (x < 4 ? x % 2 : x - 2)),
        fc.nat({ max: 7 }).map((x) => x !== 0),
        fc.constantFrom<ReportAge>("now", "now", "now", "now", "now", "now", "hourAgo", "stale", "future"),
      )
      .map(([rep, s, flip, age]) => new Report(rep, s, flip, age)),
  ),
  w(
    5,
    fc
      .tuple(
        fc.nat({ max: 2 }),
        fc.nat({ max: 5 }).map((x) => (x < 4 ? x % 2 : x - 2)),
      )
      .map(([first, s]) => new ReportPair(first, s)),
  ),
  w(
    2,
    fc.nat({ max: 3 }).map((i) => new Deliver(i)),
  ),
  w(
    1,
    fc.boolean().map((b) => new Pause(b)),
  ),
  w(
    3,
    fc.constantFrom(0, 1, 2, 8).map((x) => new ProcessQueue(x)),
  ),
  w(
    4,
    fc.tuple(pIdx, amountArb, fc.nat({ max: 7 })).map(([p, x, who]) => new Repay(p, x, who !== 0)),
  ),
  w(
    4,
    fc.tuple(pIdx, finIdx).map(([p, f]) => new Withdraw(p, f)),
  ),
);

describe("stateful invariants (fast-check model-based, whole stack)", function () {
  this.timeout(0);

  it(`keeps invariants 1-5 over ${RUNS} random sequences of up to ${STEPS} steps`, async function () {
    const started = Date.now();
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands([commandArb], { maxCommands: STEPS, size: "max" }), async (cmds) => {
        const real = await networkHelpers.loadFixture(stackFixture);
        const model = initialModel(real);
        await checkInvariants(model, real);
        steps += [...cmds].length;
        await fc.asyncModelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: RUNS, seed: SEED, verbose: 1, endOnFailure: false },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`      ${RUNS} runs, ${steps} commands, ${stats.steps} transactions, ${seconds} s`);
    console.log(`      ${stats.ok} succeeded, ${stats.reverted} reverted as predicted`);
    const show = (map: Map<string, number>) =>
      [...map]
        .sort((x, y) => y[1] - x[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
    console.log(`      events: ${show(stats.events)}`);
    console.log(`      custom errors: ${show(stats.errors)}`);
  });
});
