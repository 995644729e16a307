/**
 * The commands of the stateful invariant suite: `act` sends one transaction at a pinned timestamp and compares its
 * outcome with the model's prediction (success, or exactly the predicted custom error); each `Step` is one action
 * (valid or invalid) with its precondition and prediction; `commandArb` is the weighted random mix fast-check draws
 * sequences from.
 */
import { expect } from "chai";
import type { ContractTransactionResponse, Interface, Log } from "ethers";
import fc from "fast-check";

import { signPermit } from "../../scripts/lib/permit.js";
import { Accounting, Stage } from "../../web/src/generated/enums.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";
import {
  DAY,
  ethers,
  GAS,
  GRACE,
  invoiceKey,
  liveVoters,
  MAX_PROJECTS,
  MAX_REPORT_AGE,
  MODEL_TERMS,
  HOSTILE_KINDS,
  type HostileKind,
  type Model,
  type MProject,
  MStatus,
  n,
  networkHelpers,
  newProject,
  PStatus,
  QUORUM,
  type Real,
  supplierState,
} from "./model.js";
import { applyEvents, checkInvariants, checkNotification, preparePairs, settlePairs } from "./checks.js";

/* ------------------------------------------------------------------------------------------------------------ */
/*                                        Transactions, errors and events                                         */
/* ------------------------------------------------------------------------------------------------------------ */

/** What the runs exercised (printed at the end, to show that the interesting paths are reached). */
export const stats = {
  steps: 0,
  ok: 0,
  reverted: 0,
  events: new Map<string, number>(),
  errors: new Map<string, number>(),
};
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

type Expect = { ok: true } | { err: string } | { any: true } | { reverts: true };
const OK: Expect = { ok: true };
const err = (name: string): Expect => ({ err: name });
const ANY: Expect = { any: true };
const REVERTS: Expect = { reverts: true };

export interface Parsed {
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
    [r.hostileAddresses.refusing, "token", r.hostileTokens.refusing.interface],
    [r.hostileAddresses.gasBurning, "token", r.hostileTokens.gasBurning.interface],
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
  if ("reverts" in expected) throw new Error("expected a revert, but the transaction succeeded");
  applyEvents(m, r, logs!);
  return logs;
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
  // The hostile projects have their own commands (HostileToken, ClaimAdvance, HostileRepay).
  const honest = m.projects.filter((p) => p.hostile === null);
  const preferred = prefer && sel < 12 ? honest.filter(prefer) : [];
  const list = preferred.length > 0 ? preferred : honest;
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
        eligibleFrom: [primary, ...subs].map(() => 0n),
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

type PoolTermsArgs = { exposureBps: bigint; disruptionBps: bigint; withdrawalNotice: bigint; repaymentTerm: bigint };
const termsOf = (t: PoolTermsArgs): PoolTermsArgs => ({
  exposureBps: t.exposureBps,
  disruptionBps: t.disruptionBps,
  withdrawalNotice: t.withdrawalNotice,
  repaymentTerm: t.repaymentTerm,
});

/** The terms a commitment to `id` is bound by now: the pending ones while a change is pending, else those in force. */
async function boundTerms(r: Real, id: bigint): Promise<PoolTermsArgs> {
  const [current, [pending, effectiveAt]] = await Promise.all([r.pool.poolTerms(id), r.pool.pendingPoolTerms(id)]);
  return termsOf(effectiveAt !== 0n ? pending : current);
}

/** A financier (f4 never funds anything: the stranger of the pool) commits, naming the pool's terms or stale ones. */
class Commit extends Step {
  constructor(
    readonly project: number,
    readonly financier: number,
    readonly amount: bigint,
    readonly stale: boolean, // names terms that differ from the pool's (one basis point more exposure)
  ) {
    super();
  }
  label() {
    return `commit(p#${this.project}, f${this.financier + 1}, ${this.amount}, ${this.stale ? "stale" : "the pool's"} terms)`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project);
    const bound = p ? await boundTerms(r, id) : termsOf(MODEL_TERMS);
    const named = this.stale ? { ...bound, exposureBps: bound.exposureBps + 1n } : bound;
    let expected: Expect = OK;
    if (this.amount === 0n) expected = err("ContingencyPool_ZeroAmount");
    else if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (p.status !== PStatus.Active) expected = err("ContingencyPool_ProjectNotActive");
    else if (bound.repaymentTerm === 0n) expected = err("ContingencyPool_TermsNotSet");
    else if (this.stale) expected = err("ContingencyPool_TermsMismatch");
    const before = p ? await r.pool.getPool(id) : null;
    const f = r.financiers[this.financier];
    const logs = await act(m, r, expected, () => r.pool.connect(f).commit(id, this.amount, named, GAS));
    if (logs && before) {
      // Shares are minted at the pool's value without its overdue financing: at least as many as at face value,
      // at most as many as if all of the shareholders' debt were overdue.
      const face = before.cash + before.shareDebt;
      const atFace =
        before.totalShares === 0n ? this.amount : (this.amount * before.totalShares) / (face > 0n ? face : 1n);
      const allOverdue =
        before.totalShares === 0n
          ? this.amount
          : (this.amount * before.totalShares) / (before.cash > 0n ? before.cash : 1n);
      const committed = logs.find((x) => x.name === "Committed")!;
      const shares = n(committed.args[3]);
      expect(shares >= atFace && shares <= allOverdue, "shares priced between face value and all-overdue").to.equal(
        true,
      );
    }
  }
}

/** The firm (or a stranger) changes a pool's terms: tighter, looser, inconsistent or with too short a notice. */
class SetPoolTerms extends Step {
  constructor(
    readonly project: number,
    readonly byFirm: boolean,
    readonly kind: "tighter" | "looser" | "invalid" | "shortNotice",
  ) {
    super();
  }
  label() {
    return `setPoolTerms(p#${this.project}, ${this.byFirm ? "firm" : "stranger"}, ${this.kind})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project);
    const current = p ? termsOf(await r.pool.poolTerms(id)) : termsOf(MODEL_TERMS);
    const base = current.repaymentTerm === 0n ? termsOf(MODEL_TERMS) : current;
    const terms = { ...base };
    if (this.kind === "tighter") {
      terms.exposureBps = base.exposureBps / 2n;
      terms.disruptionBps = base.disruptionBps < terms.exposureBps ? base.disruptionBps : terms.exposureBps;
    } else if (this.kind === "looser") {
      terms.exposureBps = base.exposureBps + 1_000n > 10_000n ? 10_000n : base.exposureBps + 1_000n;
    } else if (this.kind === "invalid") {
      terms.disruptionBps = terms.exposureBps + 1n;
    } else {
      terms.withdrawalNotice = MAX_REPORT_AGE - 1n;
    }
    let expected: Expect = OK;
    if (!p) expected = err("RDEscrow_ProjectNotFound");
    else if (!this.byFirm) expected = err("ContingencyPool_CallerNotFirm");
    else if (this.kind === "invalid") expected = err("ContingencyPool_InvalidTerms");
    else if (this.kind === "shortNotice") expected = err("ContingencyPool_NoticeTooShort");
    const caller = p && this.byFirm ? r.firms[p.firm] : r.stranger;
    await act(m, r, expected, () => r.pool.connect(caller).setPoolTerms(id, terms, GAS));
  }
}

/** A financier requests the exit of its shares (refused without shares), and may wait out the pool's notice. */
class RequestWithdrawal extends Step {
  constructor(
    readonly project: number,
    readonly financier: number,
    readonly wait: boolean,
  ) {
    super();
  }
  label() {
    return `requestWithdrawal(p#${this.project}, f${this.financier + 1}${this.wait ? ", then withdraw after the notice" : ""})`;
  }
  async exec(m: Model, r: Real) {
    const { id, p } = pickProject(m, this.project);
    const f = r.financiers[this.financier];
    const shares = p ? (await r.pool.getPosition(id, f.address)).shares : 0n;
    const expected: Expect = shares === 0n ? err("ContingencyPool_NothingToWithdraw") : OK;
    const logs = await act(m, r, expected, () => r.pool.connect(f).requestWithdrawal(id, GAS));
    if (logs && this.wait) {
      // The notice passes and the financier executes its exit (a queued job of the project may still hold it).
      const executableAt = n(logs.find((x) => x.name === "WithdrawalRequested")!.args[2]);
      if (executableAt > m.now + 1n) {
        await networkHelpers.time.increaseTo(executableAt);
        m.now = executableAt;
      }
      const exited = await act(m, r, ANY, () => r.pool.connect(f).withdraw(id, GAS));
      this.note = exited ? "exited after the notice" : "exit refused";
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
    const sim = willConfirm && this.disrupted ? await preparePairs(m, r, [supplier]) : null;
    const logs = await act(m, r, expected, () =>
      r.oracle.connect(caller).report(supplier, this.disrupted, ethers.id("evidence"), observedAt, GAS),
    );
    if (!logs) return;
    if (sim) {
      const trigger = { kind: "notify", supplier, confirmationId: m.lastConfirmationId, live: true } as const;
      await settlePairs(m, r, sim, trigger, logs);
    }
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
    const sim = live ? await preparePairs(m, r, [pending!.supplier]) : null;
    const logs = await act(m, r, expected, () => r.oracle.connect(r.keeper).deliver(id, GAS));
    if (logs) checkNotification(m, pending!.supplier, live, queueBefore, logs);
    if (logs && sim)
      await settlePairs(m, r, sim, { kind: "notify", supplier: pending!.supplier, confirmationId: id, live }, logs);
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
    const sim = "ok" in expected ? await preparePairs(m, r, [...new Set(m.jobs.map((j) => j.supplier))]) : null;
    const logs = await act(m, r, expected, () => r.pool.connect(r.keeper).processQueue(this.max, GAS));
    if (logs && sim) await settlePairs(m, r, sim, { kind: "process", max: this.max }, logs);
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

/** The hostile project of `kind` (project 4 refuses transfers, project 5 burns the gas). */
const hostileProject = (m: Model, kind: HostileKind) => m.projects.find((p) => p.hostile === kind)!;

/** Anyone switches a hostile token's hostility on or off (so owed advances can be claimed later, or not). */
class HostileToken extends Step {
  constructor(
    readonly kind: HostileKind,
    readonly on: boolean,
  ) {
    super();
  }
  label() {
    return `${this.kind}Token(${this.on ? "hostile" : "well-behaved"})`;
  }
  async exec(m: Model, r: Real) {
    const logs = await act(m, r, OK, () =>
      this.kind === "refusing"
        ? r.hostileTokens.refusing.connect(r.stranger).setReturnFalse(this.on, GAS)
        : r.hostileTokens.gasBurning.connect(r.stranger).setBurnGas(this.on, GAS),
    );
    if (logs) m.hostileOn[this.kind] = this.on;
  }
}

/** Anyone claims an advance owed to a substitute (a hostile project's, or an honest project's, which owes none). */
class ClaimAdvance extends Step {
  constructor(
    readonly kind: HostileKind | "honest",
    readonly supplier: number, // 0..4
    readonly cure: boolean, // the token first stops refusing / burning the gas (one transaction before)
  ) {
    super();
  }
  label() {
    return `claimAdvance(${this.kind}, s${this.supplier}${this.cure ? ", once the token behaves" : ""})`;
  }
  async exec(m: Model, r: Real) {
    const p = this.kind === "honest" ? m.projects[1] : hostileProject(m, this.kind);
    if (this.cure && p.hostile !== null && m.hostileOn[p.hostile]) {
      await new HostileToken(p.hostile, false).exec(m, r);
      m.now += 1n; // one block
    }
    // Prefer a substitute that is owed something, so that claims happen.
    const owedTo = [...p.owed.keys()];
    const substitute = owedTo.length > 0 ? owedTo[this.supplier % owedTo.length] : r.suppliers[this.supplier].address;
    const owed = p.owed.get(substitute) ?? 0n;
    this.note = `p#${p.id} owed=${owed}`;
    let expected: Expect = OK;
    if (owed === 0n) expected = err("ContingencyPool_NothingOwed");
    else if (p.hostile === "refusing" && m.hostileOn.refusing) expected = err("SafeERC20FailedOperation");
    else if (p.hostile === "gasBurning" && m.hostileOn.gasBurning) expected = REVERTS; // out of gas
    // A bounded gas limit: a claim needs far less, and a gas-burning token then fails fast.
    const logs = await act(m, r, expected, () =>
      r.pool.connect(r.keeper).claimAdvance(p.id, substitute, { gasLimit: 300_000n }),
    );
    if (logs) expect(logs.filter((x) => x.name === "AdvanceClaimed").length, "one AdvanceClaimed").to.equal(1);
  }
}

/** The rogue repays its hostile project's pool in full (so that it keeps financing), which a refusing token fails. */
class HostileRepay extends Step {
  constructor(readonly kind: HostileKind) {
    super();
  }
  label() {
    return `hostileRepay(${this.kind})`;
  }
  async exec(m: Model, r: Real) {
    const p = hostileProject(m, this.kind);
    let expected: Expect = OK;
    if (p.outstanding === 0n) expected = err("ContingencyPool_ZeroAmount");
    else if (this.kind === "refusing" && m.hostileOn.refusing) expected = err("SafeERC20FailedOperation");
    await act(m, r, expected, () => r.pool.connect(r.rogue).repay(p.id, p.outstanding, GAS));
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/*                                       The random mix of commands                                               */
/* ------------------------------------------------------------------------------------------------------------ */

const pIdx = fc.nat({ max: 19 });
const msIdx = fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat({ max: 3 }) });
const finIdx = fc.nat({ max: 3 });
const budgetArb = fc.constantFrom(500_00n, 1_000_00n, 2_500_00n);
const advanceArb = fc.constantFrom(0n, 100_00n, 300_00n, 800_00n, 5_000_00n);

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
export const commandArb: fc.Arbitrary<fc.AsyncCommand<Model, Real>> = fc.oneof(
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
        fc.nat({ max: 4 }).map((x) => x === 0),
      )
      .map(([p, f, x, stale]) => new Commit(p, f, x, stale)),
  ),
  w(
    2,
    fc
      .tuple(
        pIdx,
        fc.nat({ max: 4 }).map((x) => x !== 0),
        fc.constantFrom<SetPoolTerms["kind"]>("tighter", "looser", "looser", "invalid", "shortNotice"),
      )
      .map(([p, byFirm, kind]) => new SetPoolTerms(p, byFirm, kind)),
  ),
  w(
    3,
    fc.tuple(pIdx, finIdx, fc.boolean()).map(([p, f, wait]) => new RequestWithdrawal(p, f, wait)),
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
  w(
    2,
    fc.tuple(fc.constantFrom(...HOSTILE_KINDS), fc.boolean()).map(([kind, on]) => new HostileToken(kind, on)),
  ),
  w(
    4,
    fc
      .tuple(
        fc.constantFrom<HostileKind | "honest">("refusing", "refusing", "gasBurning", "honest"),
        fc.nat({ max: 4 }),
        fc.boolean(),
      )
      .map(([kind, s, cure]) => new ClaimAdvance(kind, s, cure)),
  ),
  w(
    1,
    fc.constantFrom(...HOSTILE_KINDS).map((kind) => new HostileRepay(kind)),
  ),
);
