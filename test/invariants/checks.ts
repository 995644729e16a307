/**
 * The checks of the stateful invariant suite (numbered as in test/invariants/README.md): the event-level ones,
 * asserted while a transaction's events update the model (`applyEvents`, checks 2-5), the state-level ones after
 * every command (`checkInvariants`: the chain, the contracts' accounting views and the model agree; checks 1-6 and
 * 8), what a confirmation reaching the pool must do (`checkNotification`), and around every confirmation, delivery
 * and queue run the outcome of each pair the pool handles (`preparePairs` / `settlePairs`: checks 7 and 8).
 *
 * INVARIANT_SELFTEST=1 injects a bogus expected value into check 1 once a refund happened, to show that a broken
 * invariant fails the run and prints the shrunk command sequence. INVARIANT_SELFTEST=7 makes check 7's prediction
 * wrong in the way a coupled pool would be: each hostile advance handled in a transaction is also taken out of the
 * cash of the honest projects handled after it.
 */
import { expect } from "chai";

import { SkipReason } from "../../web/src/generated/enums.js";
import {
  a,
  ethers,
  GRACE,
  invoiceKey,
  liveVoters,
  MAX_PAIRS_PER_CALLBACK,
  MAX_REPORT_AGE,
  MILESTONE_EDGES,
  type Job,
  type Model,
  type MProject,
  MStatus,
  n,
  PROJECT_EDGES,
  PStatus,
  QUORUM,
  type Real,
  type Seen,
  supplierState,
} from "./model.js";
import type { Parsed } from "./commands.js";

const SELFTEST = process.env.INVARIANT_SELFTEST === "1";
const SELFTEST_7 = process.env.INVARIANT_SELFTEST === "7";

function projectOf(m: Model, id: unknown): MProject {
  const p = m.projects[Number(n(id)) - 1];
  if (!p) throw new Error(`event for unknown project ${String(id)}`);
  return p;
}

/** Applies one transaction's events to the model, asserting the event-level invariants (2, 3, 4, 5). */
/** Whether `who` is none of the run's firms and verifiers (pool money must never reach them). */
function notFirmOrVerifier(r: Real, who: string): boolean {
  return ![...r.firms, ...r.verifiers, r.rogue].some((x) => x.address.toLowerCase() === who.toLowerCase());
}

/** The demo token's ledger counts only the projects in it (the hostile projects' pools are checked per token). */
const inDemoToken = (p: MProject) => p.hostile === null;

export function applyEvents(m: Model, r: Real, logs: Parsed[]) {
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
        case "ListingAccepted": {
          const supplier = a(args[2]);
          m.pairs.set(supplier, (m.pairs.get(supplier) ?? 0) + 1);
          const list = m.pairList.get(supplier) ?? [];
          list.push({ project: n(args[0]), component: Number(n(args[1])) });
          m.pairList.set(supplier, list);
          const c = projectOf(m, args[0]).components[Number(n(args[1])) - 1];
          c.eligibleFrom[Number(n(args[3]))] = n(args[4]);
          break;
        }
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
        if (inDemoToken(p)) m.ledger.committed += n(args[2]);
        break;
      }
      case "PoolTermsSet": {
        const p = projectOf(m, args[0]);
        if (n(args[1]) > p.maxExposureBps) p.maxExposureBps = n(args[1]);
        break;
      }
      case "WithdrawalRequested":
        // A new request's date lies in the future; a standing one (asked again) has not lapsed (2-day window).
        expect(n(args[2]) + 2n * 86_400n >= t, "a requested withdrawal has not lapsed").to.equal(true);
        break;
      case "SubstituteFinanced":
      case "AdvanceOwed": {
        // Invariant 3: once per (project, component, confirmation); never for a recovered/superseded supplier.
        // AdvanceOwed is the same financing whose transfer the token refused: booked, held in the pool as owed.
        const p = projectOf(m, args[0]);
        if (name === "AdvanceOwed") expect(p.hostile, "only a hostile token refuses an advance").to.not.equal(null);
        // Pool money never reaches the firm or the verifier of any project.
        expect(notFirmOrVerifier(r, a(args[1])), "financing paid to a firm or verifier").to.equal(true);
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
        if (name === "AdvanceOwed") {
          p.owed.set(substitute, (p.owed.get(substitute) ?? 0n) + amount);
        } else {
          p.poolHeld -= amount;
          if (inDemoToken(p)) m.ledger.financed += amount;
        }
        break;
      }
      case "AdvanceClaimed": {
        const p = projectOf(m, args[0]);
        const owed = p.owed.get(a(args[1])) ?? 0n;
        expect(n(args[2]), "an advance claimed = what was owed to that substitute").to.equal(owed);
        expect(notFirmOrVerifier(r, a(args[1])), "an owed advance paid to a firm or verifier").to.equal(true);
        p.owed.delete(a(args[1]));
        p.poolHeld -= owed;
        break;
      }
      case "FinancingSkipped":
        // Closed projects are skipped with their own reason, and only they.
        expect(n(args[4]) === BigInt(SkipReason.ProjectClosed), "ProjectClosed iff the project is not Active").to.equal(
          projectOf(m, args[0]).status !== PStatus.Active,
        );
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
        if (inDemoToken(p)) m.ledger.repaid += n(args[2]);
        break;
      }
      case "Withdrawn": {
        const p = projectOf(m, args[0]);
        expect(notFirmOrVerifier(r, a(args[1])), "pool money withdrawn to a firm or verifier").to.equal(true);
        p.poolHeld -= n(args[2]);
        expect(p.poolHeld >= 0n, "withdrawals never exceed what is there").to.equal(true);
        if (inDemoToken(p)) m.ledger.withdrawn += n(args[2]);
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

export async function checkInvariants(m: Model, r: Real) {
  const { escrow, pool, registry, oracle, token } = r;
  const ids = m.projects.map((p) => p.id);
  const trackedSuppliers = [...r.suppliers.map((s) => s.address), r.rogue.address];
  const hostileIds = m.projects.filter((p) => p.hostile).map((p) => p.id);
  const [
    block,
    escrowBalance,
    poolBalance,
    pendingJobs,
    config,
    projects,
    milestones,
    pools,
    poolBalances,
    hostileBalances,
    nextJob,
  ] = await Promise.all([
    ethers.provider.getBlock("latest"),
    token.balanceOf(r.stack.addresses.escrow),
    token.balanceOf(r.stack.addresses.pool),
    pool.pendingJobs(),
    oracle.config(),
    // The hostile projects' escrow side never changes (no command reaches it): only their pools are read.
    Promise.all(ids.map((id, i) => (m.projects[i].hostile ? null : escrow.getProject(id)))),
    Promise.all(ids.map((id, i) => (m.projects[i].hostile ? null : escrow.getMilestones(id)))),
    Promise.all(ids.map((id) => pool.getPool(id))),
    Promise.all(ids.map((id) => pool.poolBalance(id))),
    Promise.all(
      hostileIds.map((id) => r.hostileTokens[m.projects[Number(id) - 1].hostile!].balanceOf(r.stack.addresses.pool)),
    ),
    m.jobs.length > 0 ? pool.nextJob() : null,
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
  const heldByViews = projects.reduce((s, v) => s + (v?.held ?? 0n), 0n);
  const poolByViews = poolBalances.reduce((s, v, i) => (inDemoToken(m.projects[i]) ? s + v : s), 0n);
  expect(escrowBalance + poolBalance, "1: escrow + pool balance = Σ movement events").to.equal(fromEvents);
  expect(escrowBalance, "1: escrow balance = Σ getProject().held").to.equal(heldByViews);
  expect(poolBalance, "1: pool balance = Σ poolBalance()").to.equal(poolByViews);
  // A hostile token's balance in the pool is its project's poolBalance() (cash, claimants' cash and owed advances).
  hostileIds.forEach((id, i) =>
    expect(hostileBalances[i], `1: hostile token balance = poolBalance(${id})`).to.equal(poolBalances[Number(id) - 1]),
  );

  m.projects.forEach((p, i) => {
    const v = projects[i];
    const tag = `project ${p.id}`;
    if (v && milestones[i]) {
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
      milestones[i]!.forEach((ms, j) => {
        const mm = p.milestones[j];
        expect(Number(ms.status), `${tag} milestone ${j} status`).to.equal(mm.status);
        expect(ms.paid, `${tag} milestone ${j} paid`).to.equal(mm.paid);
        expect(ms.paid <= ms.budget, `${tag} milestone ${j} paid ≤ budget`).to.equal(true);
        if (ms.paid > 0n) expect(Number(ms.status), `${tag} milestone ${j} paid ⇒ Approved`).to.equal(MStatus.Approved);
      });
    }
    // Pool accounting: poolBalance() = Σ Committed − Σ SubstituteFinanced + Σ Repaid − Σ Withdrawn; debt = events.
    const pv = pools[i];
    expect(poolBalances[i], `${tag} poolBalance() vs events`).to.equal(p.poolHeld);
    expect(pv.cash + pv.claimCash + pv.owed, `${tag} poolBalance = cash + claimCash + owed`).to.equal(poolBalances[i]);
    const owedSum = [...p.owed.values()].reduce((s, x) => s + x, 0n);
    expect(pv.owed, `${tag} owed = Σ AdvanceOwed − Σ AdvanceClaimed`).to.equal(owedSum);
    expect(pv.outstanding, `${tag} outstanding = Σ financed − Σ repaid`).to.equal(p.outstanding);
    expect(pv.claimDebt <= pv.outstanding, `${tag} claimDebt ≤ outstanding`).to.equal(true);
    expect(pv.shareDebt + pv.claimDebt, `${tag} outstanding = shareholders' + claimants' debt`).to.equal(
      pv.outstanding,
    );
    // 6. No financier's share of the debt exceeds what its terms allow: the shareholders' debt is at most the
    // loosest exposureBps the project ever named of their value at face (each shareholder owns the same fraction of
    // both); a few units of slack cover the rounding of exits (cash and debt parts round down separately).
    expect(
      pv.shareDebt * 10_000n <= p.maxExposureBps * (pv.cash + pv.shareDebt) + 3n * 10_000n,
      `${tag} shareholders' debt ${pv.shareDebt} within ${p.maxExposureBps} bps of ${pv.cash + pv.shareDebt}`,
    ).to.equal(true);
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
  expect(m.jobs.length, "7: the model's queue has the pool's length").to.equal(m.queue);
  if (nextJob) {
    const head = m.jobs[0];
    expect([nextJob.supplier, nextJob.confirmationId, Number(nextJob.nextPairIndex)], "7: the next job").to.deep.equal([
      head.supplier,
      head.confirmationId,
      head.next,
    ]);
  }
  checkAwaiting(m);
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
    projectStatus: projects.map((v) => (v ? Number(v.status) : PStatus.Active)),
    milestoneStatus: milestones.map((list) => (list ?? []).map((x) => Number(x.status))),
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

/**
 * After a confirmation (or a delivery) that reached the pool: on a disruption that is still current, with an
 * empty queue the pool handles the first MAX_PAIRS_PER_CALLBACK pairs and queues the rest; behind a waiting job
 * it queues the whole confirmation (and finances nothing). A recovery or an outdated notification pays nothing.
 */
export function checkNotification(m: Model, supplier: string, live: boolean, queueBefore: number, logs: Parsed[]) {
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

/* ------------------------------------------------------------------------------------------------------------ */
/*                      7 and 8: the pairs a confirmation reaches, predicted project by project                    */
/* ------------------------------------------------------------------------------------------------------------ */

/** What the model knows of a project's pool before a transaction that may handle pairs (read from the chain). */
interface SimPool {
  cashBefore: bigint;
  cash: bigint;
  shareDebt: bigint;
  totalShares: bigint;
  epochConfirmationId: bigint;
  epochFinanced: bigint;
  exposureBps: bigint;
  disruptionBps: bigint;
  /** Honest projects: each committer's shares and withdrawable() before the transaction. */
  positions: { who: string; shares: bigint; withdrawable: bigint }[];
}
/** The state a transaction's pair handling starts from: pools, components' current suppliers, project statuses. */
export interface PairSim {
  pools: Map<bigint, SimPool>;
  currents: Map<string, string>;
  status: Map<bigint, number>;
}
/** One pair's recorded outcome (from the pool's events) or predicted outcome (from the model). */
interface Outcome {
  pair: string;
  confirmationId: bigint;
  kind: "paid" | "owed" | "skipped";
  reason: number | null;
  amount: bigint;
  substitute: string | null;
}
export type Trigger =
  { kind: "notify"; supplier: string; confirmationId: bigint; live: boolean } | { kind: "process"; max: number };

const pairKey = (project: bigint, component: number) => `${project}/${component}`;

/** Reads, before a confirmation, delivery or queue run, the pools of every project with a pair of `suppliers`. */
export async function preparePairs(m: Model, r: Real, suppliers: string[]): Promise<PairSim> {
  const ids = [...new Set(suppliers.flatMap((s) => (m.pairList.get(s) ?? []).map((x) => x.project)))];
  const pools = new Map<bigint, SimPool>();
  await Promise.all(
    ids.map(async (id) => {
      const p = m.projects[Number(id) - 1];
      const committers = p.hostile ? [] : [...p.committers];
      const [v, terms, shares, withdrawable] = await Promise.all([
        r.pool.getPool(id),
        r.pool.poolTerms(id),
        Promise.all(committers.map((f) => r.pool.getPosition(id, f))),
        Promise.all(committers.map((f) => r.pool.withdrawable(id, f))),
      ]);
      pools.set(id, {
        cashBefore: v.cash,
        cash: v.cash,
        shareDebt: v.shareDebt,
        totalShares: v.totalShares,
        epochConfirmationId: v.epochConfirmationId,
        epochFinanced: v.epochFinanced,
        exposureBps: terms.exposureBps,
        disruptionBps: terms.disruptionBps,
        positions: committers.map((who, i) => ({ who, shares: shares[i].shares, withdrawable: withdrawable[i] })),
      });
    }),
  );
  const currents = new Map<string, string>();
  for (const p of m.projects) p.components.forEach((c, i) => currents.set(pairKey(p.id, i + 1), c.current));
  return { pools, currents, status: new Map(m.projects.map((p) => [p.id, p.status])) };
}

/** Whether the listing of `position` in component `c` counts for a confirmation at `confirmedAt` (whole minutes). */
function countsBy(c: MProject["components"][number], position: number, confirmedAt: bigint): boolean {
  const from = c.eligibleFrom[position] ?? 0n;
  return from !== 0n && (from + 59n) / 60n <= confirmedAt / 60n;
}

/**
 * The pool's handling of `supplier`'s pair `index` for `confirmationId`, predicted from the pair's own project only
 * (its pool, its component, the oracle): nothing when the component no longer uses the supplier or its listing did
 * not count at the confirmation; otherwise a ProjectClosed skip, a NoHealthySubstitute skip, a skip for the first
 * limit the advance exceeds, or the advance paid (owed while a hostile token refuses or burns the gas).
 */
function handlePair(m: Model, sim: PairSim, supplier: string, confirmationId: bigint, index: number, out: Outcome[]) {
  const pair = m.pairList.get(supplier)![index];
  const key = pairKey(pair.project, pair.component);
  const p = m.projects[Number(pair.project) - 1];
  const c = p.components[pair.component - 1];
  const awaited = m.awaiting.delete(`${confirmationId}/${key}`);
  if (sim.currents.get(key) !== supplier) return; // not affected (the firm switched it by hand meanwhile)
  const confirmedAt = supplierState(m, supplier).since;
  const position = c.primary === supplier ? 0 : 1 + c.subs.findIndex((x) => x.supplier === supplier);
  if (!countsBy(c, position, confirmedAt)) return; // not eligible for this confirmation
  expect(awaited, `8: pair ${key} of confirmation ${confirmationId} was found affected when confirmed`).to.equal(true);
  const healthy = c.subs.findIndex(
    (s, i) => countsBy(c, i + 1, confirmedAt) && s.supplier !== supplier && !supplierState(m, s.supplier).disrupted,
  );
  const sub = healthy < 0 ? null : c.subs[healthy];
  const skip = (reason: number, amount: bigint) =>
    out.push({ pair: key, confirmationId, kind: "skipped", reason, amount, substitute: null });
  if (sim.status.get(p.id) !== PStatus.Active) return skip(SkipReason.ProjectClosed, sub?.advance ?? 0n);
  if (!sub) return skip(SkipReason.NoHealthySubstitute, 0n);
  const pool = sim.pools.get(p.id)!;
  const value = pool.cash + pool.shareDebt;
  const exposureCap = (value * pool.exposureBps) / 10_000n;
  const disruptionCap = (value * pool.disruptionBps) / 10_000n;
  const epoch = pool.epochConfirmationId === confirmationId ? pool.epochFinanced : 0n;
  const exposureLeft = exposureCap > pool.shareDebt ? exposureCap - pool.shareDebt : 0n;
  const disruptionLeft = disruptionCap > epoch ? disruptionCap - epoch : 0n;
  if (sub.advance > pool.cash) return skip(SkipReason.InsufficientLiquidity, sub.advance);
  if (sub.advance > exposureLeft) return skip(SkipReason.ExposureCapReached, sub.advance);
  if (sub.advance > disruptionLeft) return skip(SkipReason.DisruptionCapReached, sub.advance);
  sim.currents.set(key, sub.supplier);
  pool.cash -= sub.advance;
  pool.shareDebt += sub.advance;
  pool.epochFinanced = epoch + sub.advance;
  pool.epochConfirmationId = confirmationId;
  const refused = p.hostile !== null && m.hostileOn[p.hostile];
  if (SELFTEST_7 && p.hostile !== null) {
    // Deliberately wrong (INVARIANT_SELFTEST=7): as if the hostile advance came out of the honest pools too.
    for (const [id, other] of sim.pools) if (m.projects[Number(id) - 1].hostile === null) other.cash -= sub.advance;
  }
  out.push({
    pair: key,
    confirmationId,
    kind: refused ? "owed" : "paid",
    reason: null,
    amount: sub.advance,
    substitute: sub.supplier,
  });
}

/** Pairs [start, end) of the supplier's reverse index. */
function handlePairs(m: Model, sim: PairSim, job: Job, end: number, out: Outcome[]) {
  for (let i = job.next; i < end; i++) handlePair(m, sim, job.supplier, job.confirmationId, i, out);
}

/**
 * Checks 7 and 8 for one transaction that confirmed, delivered or processed the queue: the model follows the pool's
 * queue (a confirmation behind a waiting job queues whole; otherwise the first MAX_PAIRS_PER_CALLBACK pairs are handled
 * and the rest queued; a queue run handles up to `max` pairs, dropping jobs no longer current) and predicts each
 * handled pair's outcome from its own project alone. 8: the pool recorded exactly one outcome for every affected,
 * eligible pair it handled, none for the others, none twice. 7: each project's outcomes, pool (cash, debt) and
 * financiers' withdrawable amounts are the predicted ones — the hostile projects' pairs, handled before the honest
 * ones in the same transaction, change nothing of them.
 */
export async function settlePairs(m: Model, r: Real, sim: PairSim, trigger: Trigger, logs: Parsed[]) {
  const confirmed = logs.find((x) => x.name === "DisruptionConfirmed");
  if (confirmed) {
    // The pairs this confirmation finds affected and eligible: each must end paid, owed or skipped (check 8).
    const supplier = a(confirmed.args[0]);
    const id = n(confirmed.args[1]);
    const since = supplierState(m, supplier).since;
    (m.pairList.get(supplier) ?? []).forEach((pair, index) => {
      const c = m.projects[Number(pair.project) - 1].components[pair.component - 1];
      const position = c.primary === supplier ? 0 : 1 + c.subs.findIndex((x) => x.supplier === supplier);
      if (sim.currents.get(pairKey(pair.project, pair.component)) === supplier && countsBy(c, position, since)) {
        m.awaiting.set(`${id}/${pairKey(pair.project, pair.component)}`, { confirmationId: id, supplier, index });
      }
    });
  }
  const expected: Outcome[] = [];
  if (trigger.kind === "notify") {
    const notified = logs.some((x) => x.name === "SubscriberNotified");
    if (notified && trigger.live) {
      const job = { supplier: trigger.supplier, confirmationId: trigger.confirmationId, next: 0 };
      if (m.jobs.length > 0) m.jobs.push(job);
      else {
        const total = m.pairList.get(job.supplier)?.length ?? 0;
        const end = Math.min(total, MAX_PAIRS_PER_CALLBACK);
        handlePairs(m, sim, job, end, expected);
        if (end < total) m.jobs.push({ ...job, next: end });
      }
    }
  } else {
    let processed = 0;
    while (m.jobs.length > 0 && processed < trigger.max) {
      const job = m.jobs[0];
      const s = supplierState(m, job.supplier);
      if (!s.disrupted || s.confirmationId !== job.confirmationId) {
        m.jobs.shift(); // dropped: superseded by a recovery or a newer confirmation
        continue;
      }
      const total = m.pairList.get(job.supplier)?.length ?? 0;
      const end = Math.min(total, job.next + trigger.max - processed);
      handlePairs(m, sim, job, end, expected);
      processed += end - job.next;
      if (end >= total) m.jobs.shift();
      else job.next = end;
    }
  }
  const recorded: Outcome[] = [];
  for (const { source, name, args } of logs) {
    if (source !== "pool") continue;
    if (name === "SubstituteFinanced" || name === "AdvanceOwed") {
      recorded.push({
        pair: pairKey(n(args[0]), Number(n(args[3]))),
        confirmationId: n(args[5]),
        kind: name === "AdvanceOwed" ? "owed" : "paid",
        reason: null,
        amount: n(args[2]),
        substitute: a(args[1]),
      });
    } else if (name === "FinancingSkipped") {
      recorded.push({
        pair: pairKey(n(args[0]), Number(n(args[1]))),
        confirmationId: n(args[3]),
        kind: "skipped",
        reason: Number(n(args[4])),
        amount: n(args[5]),
        substitute: null,
      });
    }
  }
  // 8. Exactly the affected, eligible pairs handled have an outcome, each once ever.
  const keys = (list: Outcome[]) => list.map((x) => `${x.confirmationId}/${x.pair}`).sort();
  expect(keys(recorded), "8: one outcome per affected eligible pair handled").to.deep.equal(keys(expected));
  for (const key of keys(recorded)) {
    expect(m.outcomes.has(key), `8: pair ${key} has two outcomes`).to.equal(false);
    m.outcomes.add(key);
  }
  // 7. Every project's outcomes as predicted from that project alone (the hostile ones' too: owed while hostile).
  const hostile = (x: Outcome) => m.projects[Number(x.pair.split("/")[0]) - 1].hostile !== null;
  expect(
    recorded.filter((x) => !hostile(x)),
    "7: the honest projects' outcomes",
  ).to.deep.equal(expected.filter((x) => !hostile(x)));
  expect(recorded.filter(hostile), "7: the hostile projects' own outcomes").to.deep.equal(expected.filter(hostile));
  pairStats.hostile += recorded.filter(hostile).length;
  pairStats.honest += recorded.length - recorded.filter(hostile).length;
  // 7. The honest pools and what their financiers may withdraw are as predicted.
  const honest = [...sim.pools].filter(([id]) => m.projects[Number(id) - 1].hostile === null);
  const after = await Promise.all(
    honest.map(([id, s]) =>
      Promise.all([r.pool.getPool(id), Promise.all(s.positions.map((x) => r.pool.withdrawable(id, x.who)))]),
    ),
  );
  honest.forEach(([id, s], i) => {
    const [v, withdrawable] = after[i];
    expect([v.cash, v.shareDebt], `7: project ${id}'s cash and debt as predicted`).to.deep.equal([s.cash, s.shareDebt]);
    s.positions.forEach((x, j) => {
      const cashPart = (cash: bigint) => (s.totalShares === 0n ? 0n : (x.shares * cash) / s.totalShares);
      expect(withdrawable[j], `7: project ${id}: ${x.who}'s withdrawable as predicted`).to.equal(
        x.withdrawable - cashPart(s.cashBefore) + cashPart(s.cash),
      );
    });
  });
}

/**
 * Check 8 after every step: a pair a confirmation found affected and eligible is still on its way (its notification
 * waits for delivery, or a queued job has yet to reach it) or was superseded (the supplier recovered or was confirmed
 * again before the pool reached it, so the job was dropped); never silently left without an outcome.
 */
function checkAwaiting(m: Model) {
  for (const [key, x] of m.awaiting) {
    const onItsWay =
      m.pending.has(x.confirmationId) ||
      m.jobs.some((j) => j.supplier === x.supplier && j.confirmationId === x.confirmationId && j.next <= x.index);
    if (onItsWay) continue;
    const s = supplierState(m, x.supplier);
    const superseded = !s.disrupted || s.confirmationId !== x.confirmationId;
    expect(superseded, `8: pair ${key} was confirmed affected and eligible but has no outcome`).to.equal(true);
    m.awaiting.delete(key);
    pairStats.superseded += 1;
  }
}

/** What checks 7 and 8 saw (printed at the end of the run). */
export const pairStats = { honest: 0, hostile: 0, superseded: 0 };
