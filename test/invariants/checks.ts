/**
 * The checks of the stateful invariant suite (numbered as in test/invariants/README.md): the event-level ones,
 * asserted while a transaction's events update the model (`applyEvents`, checks 2-5), the state-level ones after
 * every command (`checkInvariants`: the chain, the contracts' accounting views and the model agree; checks 1-5), and
 * what a confirmation reaching the pool must do (`checkNotification`).
 *
 * INVARIANT_SELFTEST=1 injects a bogus expected value into check 1 once a refund happened, to show that a broken
 * invariant fails the run and prints the shrunk command sequence.
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

function projectOf(m: Model, id: unknown): MProject {
  const p = m.projects[Number(n(id)) - 1];
  if (!p) throw new Error(`event for unknown project ${String(id)}`);
  return p;
}

/** Applies one transaction's events to the model, asserting the event-level invariants (2, 3, 4, 5). */
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

export async function checkInvariants(m: Model, r: Real) {
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
