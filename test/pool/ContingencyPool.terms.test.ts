/**
 * Each financier's loss stays within what it agreed to (issue 13, items 2 and 3): uniform pool terms named by every
 * commitment, exits by request after a notice, financing due dates and overdue debt priced at nothing for newcomers.
 * The three "regression" describes replay the attacks that main's pool allowed (each was shown to succeed there).
 */
import { expect } from "chai";

import { SkipReason as Skip } from "../../web/src/generated/enums.js";
import {
  ADV1,
  ADV2,
  ADV3,
  DAY,
  TERMS,
  exitAfterNotice,
  expectPoolIdentity,
  increaseTime,
  report,
  terms,
  termsArgs,
  type PoolScenario,
} from "../helpers/supply-chain.js";
import { createProject, ethers, f1CommittedUnder, manyPairs, networkHelpers, scenario } from "./fixtures.js";

/** EscrowTypes.ProjectStatus.Cancelled. */
const CANCELLED = 4n;

const now = async () => BigInt((await ethers.provider.getBlock("latest"))!.timestamp);

/** The stranger holds 1,000,000.00 tokens and approved the pool. */
async function armStranger(s: PoolScenario) {
  await s.token.mint(s.stranger.address, 1_000_000_00n);
  await s.token.connect(s.stranger).approve(s.stack.addresses.pool, ethers.MaxUint256);
}

/** What `financier`'s shares own of the shareholders' debt, and its position's value at face. */
async function shareOfDebt(s: PoolScenario, financier: string) {
  const p = await s.pool.getPool(s.projectId);
  const shares = (await s.pool.getPosition(s.projectId, financier)).shares;
  if (p.totalShares === 0n) return { debt: 0n, position: 0n };
  return {
    debt: (shares * p.shareDebt) / p.totalShares,
    position: (shares * (p.cash + p.shareDebt)) / p.totalShares,
  };
}

describe("ContingencyPool terms, exits and due dates", function () {
  describe("regression (item 2): nobody else's commit or withdraw changes what one financier's money may be lent", function () {
    it("a stranger's large commitment and exit leave f1's 0% exposure at 0: nothing of f1's money is lent", async function () {
      const none = terms({ exposureBps: 0n, disruptionBps: 0n });
      const s = await f1CommittedUnder(none, 50_000_00n);
      await armStranger(s);
      // On main the stranger granted full allowances here, withdrew at once, and the caps stayed raised.
      await s.pool.connect(s.stranger).commit(s.projectId, 1_000_000_00n, none);
      await s.pool.connect(s.stranger).withdraw(s.projectId); // nothing at risk: it may leave at once
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address))
        .to.emit(s.pool, "FinancingSkipped")
        .withArgs(s.projectId, 1n, s.supA.address, 1n, Skip.ExposureCapReached, ADV1);
      expect((await s.pool.getPool(s.projectId)).outstanding).to.equal(0n);
      await expectPoolIdentity(s);
    });

    it("with 30% exposure, f1's share of the debt stays within 30% of its position before and after a stranger's visit", async function () {
      const t = terms({ exposureBps: 3_000n, disruptionBps: 3_000n });
      const s = await f1CommittedUnder(t, 50_000_00n);
      await armStranger(s);
      await s.pool.connect(s.stranger).commit(s.projectId, 1_000_000_00n, t);
      await s.pool.connect(s.stranger).requestWithdrawal(s.projectId);
      // During the stranger's notice supA fails: the financing is shared by both positions.
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address);
      expect((await s.pool.getPool(s.projectId)).outstanding).to.equal(ADV1 + ADV2);
      let f1 = await shareOfDebt(s, s.f1.address);
      expect(f1.debt * 10_000n).to.be.at.most(t.exposureBps * f1.position);
      await increaseTime(ethers, t.withdrawalNotice);
      await s.pool.connect(s.stranger).withdraw(s.projectId);
      // The stranger took its part of the debt along as a claim: f1's share did not grow.
      f1 = await shareOfDebt(s, s.f1.address);
      expect(f1.debt).to.be.lessThan(((ADV1 + ADV2) * 50n) / 1_000n);
      expect(f1.debt * 10_000n).to.be.at.most(t.exposureBps * f1.position);
      // A new disruption lends f1's money only up to 30% of f1's pool: component 3's 15,000 would exceed it.
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address))
        .to.emit(s.pool, "FinancingSkipped")
        .withArgs(s.projectId, 3n, s.supB.address, 2n, Skip.ExposureCapReached, ADV3);
      await expectPoolIdentity(s);
    });
  });

  describe("regression (item 3): exits by request — a financier cannot leave just before the confirming vote", function () {
    it("f2 sees the first vote: its withdraw needs a request, the request a notice, and meanwhile it shares the financing", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await s.pool.connect(s.f1).commit(s.projectId, 50_000_00n, TERMS);
      await s.pool.connect(s.f2).commit(s.projectId, 50_000_00n, TERMS);
      await report(ethers, s.oracle as never, [s.r1], s.supA.address); // M - 1 votes: the round is open
      await expect(s.pool.connect(s.f2).withdraw(s.projectId))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_WithdrawalNotRequested")
        .withArgs(s.projectId, s.f2.address);
      const executableAt = (await now()) + 1n + TERMS.withdrawalNotice;
      await expect(s.pool.connect(s.f2).requestWithdrawal(s.projectId))
        .to.emit(s.pool, "WithdrawalRequested")
        .withArgs(s.projectId, s.f2.address, executableAt);
      await expect(s.pool.connect(s.f2).withdraw(s.projectId))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_WithdrawalNotDue")
        .withArgs(s.projectId, s.f2.address, executableAt);
      // The confirming vote: f2's shares still share it.
      await report(ethers, s.oracle as never, [s.r2], s.supA.address);
      expect((await s.pool.getPosition(s.projectId, s.f2.address)).shares).to.equal(50_000_00n);
      await increaseTime(ethers, TERMS.withdrawalNotice);
      const cash = (await s.pool.getPool(s.projectId)).cash;
      const tx = s.pool.connect(s.f2).withdraw(s.projectId);
      await expect(tx)
        .to.emit(s.pool, "Withdrawn")
        .withArgs(s.projectId, s.f2.address, cash / 2n);
      await expect(tx)
        .to.emit(s.pool, "ClaimOpened")
        .withArgs(s.projectId, s.f2.address, (ADV1 + ADV2) / 2n, (ADV1 + ADV2) / 2n);
      await expectPoolIdentity(s);
    });

    it("the notice is at least the oracle's maxReportAge: a request made after a round's first vote executes after the round expired", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await s.pool.connect(s.f2).commit(s.projectId, 50_000_00n, TERMS);
      await report(ethers, s.oracle as never, [s.r1], s.supA.address);
      const startedAt = (await s.oracle.openRound(s.supA.address)).startedAt;
      await s.pool.connect(s.f2).requestWithdrawal(s.projectId);
      const [executableAt] = await s.pool.withdrawalRequest(s.projectId, s.f2.address);
      const [, , maxReportAge] = await s.oracle.config();
      expect(executableAt).to.be.greaterThan(startedAt + maxReportAge);
    });
  });

  describe("regression (item 3): a newcomer never pays for an earlier default", function () {
    it("overdue financing counts for nothing when f2 commits, so f1's exit takes only what was f1's", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await s.pool.connect(s.f1).commit(s.projectId, 100_000_00n, TERMS);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address); // 30,000 lent, never repaid
      const debt = ADV1 + ADV2;
      expect(await s.pool.overdueFinancing(s.projectId)).to.equal(0n);
      await increaseTime(ethers, TERMS.repaymentTerm + 1n);
      expect(await s.pool.overdueFinancing(s.projectId)).to.equal(debt);
      // f2's 70,000 buy as many shares as f1's 70,000 of cash are worth (the overdue 30,000 count for nothing).
      await expect(s.pool.connect(s.f2).commit(s.projectId, 70_000_00n, TERMS))
        .to.emit(s.pool, "Committed")
        .withArgs(s.projectId, s.f2.address, 70_000_00n, 100_000_00n);
      await exitAfterNotice(s, ethers, s.f1);
      expect(await s.pool.withdrawable(s.projectId, s.f2.address)).to.equal(70_000_00n);
      // A late repayment is shared pro rata by whoever holds the debt then: f1's claim and f2's shares, half each.
      await s.pool.connect(s.firm).repay(s.projectId, debt);
      expect(await s.pool.withdrawable(s.projectId, s.f1.address)).to.equal(debt / 2n);
      expect(await s.pool.withdrawable(s.projectId, s.f2.address)).to.equal(70_000_00n + debt / 2n);
      await expectPoolIdentity(s);
    });
  });

  describe("setPoolTerms: the firm sets uniform terms, tightening at once and loosening after the notice", function () {
    it("refuses inconsistent terms (ContingencyPool_InvalidTerms)", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      for (const t of [
        terms({ exposureBps: 10_001n, disruptionBps: 0n }),
        terms({ exposureBps: 5_000n, disruptionBps: 5_001n }),
        terms({ repaymentTerm: 0n }),
      ]) {
        await expect(s.pool.connect(s.firm).setPoolTerms(s.projectId, t))
          .to.be.revertedWithCustomError(s.pool, "ContingencyPool_InvalidTerms")
          .withArgs(t.exposureBps, t.disruptionBps, t.repaymentTerm);
      }
    });

    it("refuses a notice below the oracle's maxReportAge or above the registry's LISTING_NOTICE", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      // The fixture's last block may lie seconds back: a block mined now makes `now()` the clock of the next one.
      await networkHelpers.mine();
      const listingNotice = await s.registry.LISTING_NOTICE();
      await expect(s.pool.connect(s.firm).setPoolTerms(s.projectId, terms({ withdrawalNotice: DAY - 1n })))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_NoticeTooShort")
        .withArgs(DAY - 1n, DAY);
      await expect(s.pool.connect(s.firm).setPoolTerms(s.projectId, terms({ withdrawalNotice: listingNotice + 1n })))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_NoticeTooLong")
        .withArgs(listingNotice + 1n, listingNotice);
      await expect(s.pool.connect(s.firm).setPoolTerms(s.projectId, terms({ withdrawalNotice: listingNotice })))
        .to.emit(s.pool, "PoolTermsSet")
        .withArgs(s.projectId, ...termsArgs(terms({ withdrawalNotice: listingNotice })), (await now()) + 1n);
    });

    it("a project whose firm set no terms takes no commitment (ContingencyPool_TermsNotSet)", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const projectId = await createProject(s, { name: "p2", budget: 1_000n, days: 30n });
      expect((await s.pool.poolTerms(projectId)).repaymentTerm).to.equal(0n);
      await expect(s.pool.connect(s.f1).commit(projectId, 1n, TERMS))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_TermsNotSet")
        .withArgs(projectId);
    });

    it("after a commitment: tightening applies at once; loosening is pending for the notice and binds new commitments", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await s.pool.connect(s.f1).commit(s.projectId, 100_000_00n, TERMS);
      const tighter = terms({ exposureBps: 2_000n, disruptionBps: 2_000n });
      await expect(s.pool.connect(s.firm).setPoolTerms(s.projectId, tighter))
        .to.emit(s.pool, "PoolTermsSet")
        .withArgs(s.projectId, ...termsArgs(tighter), (await now()) + 1n);
      expect(termsArgs(await s.pool.poolTerms(s.projectId))).to.deep.equal(termsArgs(tighter));

      // Back to the looser TERMS: pending for the notice in force (a longer repayment term alone would loosen too).
      const effectiveAt = (await now()) + 1n + tighter.withdrawalNotice;
      await expect(s.pool.connect(s.firm).setPoolTerms(s.projectId, TERMS))
        .to.emit(s.pool, "PoolTermsSet")
        .withArgs(s.projectId, ...termsArgs(TERMS), effectiveAt);
      expect(termsArgs(await s.pool.poolTerms(s.projectId))).to.deep.equal(termsArgs(tighter));
      const [pending, at] = await s.pool.pendingPoolTerms(s.projectId);
      expect([...termsArgs(pending), at]).to.deep.equal([...termsArgs(TERMS), effectiveAt]);
      // A new commitment names the pending terms (they bind its money within less than a notice).
      await expect(s.pool.connect(s.f2).commit(s.projectId, 10_000_00n, tighter))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_TermsMismatch")
        .withArgs(s.projectId, ...termsArgs(TERMS));
      await s.pool.connect(s.f2).commit(s.projectId, 10_000_00n, TERMS);

      // During the notice the failover keeps the tighter terms: 20% of 110,000 is 22,000, so component 2's 20,000
      // no longer fit after component 1's 10,000 (under TERMS both would).
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address))
        .to.emit(s.pool, "FinancingSkipped")
        .withArgs(s.projectId, 2n, s.supA.address, 1n, Skip.ExposureCapReached, ADV2);
      expect((await s.pool.getPool(s.projectId)).outstanding).to.equal(ADV1);
      // After the notice the first pool call puts the loosening in force.
      await increaseTime(ethers, tighter.withdrawalNotice);
      expect(termsArgs(await s.pool.poolTerms(s.projectId))).to.deep.equal(termsArgs(tighter));
      await s.pool.connect(s.f2).requestWithdrawal(s.projectId);
      expect(termsArgs(await s.pool.poolTerms(s.projectId))).to.deep.equal(termsArgs(TERMS));
      expect((await s.pool.pendingPoolTerms(s.projectId))[1]).to.equal(0n);
    });

    it("a tightening drops a pending loosening; a change that loosens any field waits whole", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await s.pool.connect(s.f1).commit(s.projectId, 100_000_00n, TERMS);
      const mixed = terms({ exposureBps: 9_000n, repaymentTerm: TERMS.repaymentTerm + DAY });
      await s.pool.connect(s.firm).setPoolTerms(s.projectId, mixed);
      expect((await s.pool.pendingPoolTerms(s.projectId))[1]).to.not.equal(0n);
      expect(termsArgs(await s.pool.poolTerms(s.projectId))).to.deep.equal(termsArgs(TERMS));
      const tighter = terms({ disruptionBps: 1_000n });
      await s.pool.connect(s.firm).setPoolTerms(s.projectId, tighter);
      expect(termsArgs(await s.pool.poolTerms(s.projectId))).to.deep.equal(termsArgs(tighter));
      expect((await s.pool.pendingPoolTerms(s.projectId))[1]).to.equal(0n);
    });
  });

  describe("exits: who may leave at once, and when a request lapses", function () {
    it("a closed project's financiers leave at once; requestWithdrawal needs shares", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await s.pool.connect(s.f1).commit(s.projectId, 10_000_00n, TERMS);
      await expect(s.pool.connect(s.f2).requestWithdrawal(s.projectId))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_NothingToWithdraw")
        .withArgs(s.projectId, s.f2.address);
      expect((await s.pool.withdrawalRequest(s.projectId, s.f1.address))[2]).to.equal(false);
      await s.escrow.connect(s.firm).cancelProject(s.projectId);
      expect(await s.escrow.projectStatus(s.projectId)).to.equal(CANCELLED);
      expect(await s.pool.withdrawalRequest(s.projectId, s.f1.address)).to.deep.equal([0n, 0n, true]);
      await expect(s.pool.connect(s.f1).withdraw(s.projectId))
        .to.emit(s.pool, "Withdrawn")
        .withArgs(s.projectId, s.f1.address, 10_000_00n);
    });

    it("terms that lend nothing put nothing at risk (exit at once), unless a pending change would lend", async function () {
      const none = terms({ exposureBps: 0n, disruptionBps: 0n });
      const s = await f1CommittedUnder(none, 10_000_00n);
      await s.pool.connect(s.f2).commit(s.projectId, 10_000_00n, none);
      expect((await s.pool.withdrawalRequest(s.projectId, s.f1.address))[2]).to.equal(true);
      await s.pool.connect(s.f1).withdraw(s.projectId);
      await s.pool.connect(s.firm).setPoolTerms(s.projectId, TERMS); // a loosening, pending
      expect((await s.pool.withdrawalRequest(s.projectId, s.f2.address))[2]).to.equal(false);
      await expect(s.pool.connect(s.f2).withdraw(s.projectId))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_WithdrawalNotRequested")
        .withArgs(s.projectId, s.f2.address);
      // The firm withdraws the loosening (sets the terms in force again): nothing at risk again.
      await s.pool.connect(s.firm).setPoolTerms(s.projectId, none);
      await expect(s.pool.connect(s.f2).withdraw(s.projectId)).to.emit(s.pool, "Withdrawn");
    });

    it("a request stands until it lapses WITHDRAWAL_WINDOW after its date; then a new request starts a new notice", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await s.pool.connect(s.f1).commit(s.projectId, 10_000_00n, TERMS);
      await s.pool.connect(s.f1).requestWithdrawal(s.projectId);
      const [executableAt, lapsesAt, atOnce] = await s.pool.withdrawalRequest(s.projectId, s.f1.address);
      expect(lapsesAt).to.equal(executableAt + (await s.pool.WITHDRAWAL_WINDOW()));
      expect(atOnce).to.equal(false);
      // Asking again changes nothing.
      await expect(s.pool.connect(s.f1).requestWithdrawal(s.projectId))
        .to.emit(s.pool, "WithdrawalRequested")
        .withArgs(s.projectId, s.f1.address, executableAt);
      await networkHelpers.time.increaseTo(lapsesAt + 1n);
      expect(await s.pool.withdrawalRequest(s.projectId, s.f1.address)).to.deep.equal([0n, 0n, false]);
      await expect(s.pool.connect(s.f1).withdraw(s.projectId))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_WithdrawalNotRequested")
        .withArgs(s.projectId, s.f1.address);
      const again = (await now()) + 1n + TERMS.withdrawalNotice;
      await expect(s.pool.connect(s.f1).requestWithdrawal(s.projectId))
        .to.emit(s.pool, "WithdrawalRequested")
        .withArgs(s.projectId, s.f1.address, again);
      await networkHelpers.time.increaseTo(again);
      await expect(s.pool.connect(s.f1).withdraw(s.projectId)).to.emit(s.pool, "Withdrawn");
      expect(await s.pool.withdrawalRequest(s.projectId, s.f1.address)).to.deep.equal([0n, 0n, false]);
    });
  });

  describe("due dates: each confirmation's financing is due repaymentTerm after it; earlier debt with the oldest", function () {
    it("overdueFinancing follows the latest financing's due date and the oldest's; a full repayment starts afresh", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await s.pool.connect(s.f1).commit(s.projectId, 100_000_00n, TERMS);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address); // 30,000 at t1
      const first = await s.pool.getPool(s.projectId);
      expect(first.oldestDueAt).to.equal(first.epochDueAt);
      await increaseTime(ethers, 10n * DAY);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address); // 15,000 at t1 + 10 days
      const second = await s.pool.getPool(s.projectId);
      expect(second.oldestDueAt).to.equal(first.oldestDueAt);
      expect(second.epochDueAt).to.be.greaterThan(first.epochDueAt);
      // The oldest's due date passes: the earlier 30,000 are overdue, the latest 15,000 not yet.
      await networkHelpers.time.increaseTo(first.oldestDueAt + 1n);
      expect(await s.pool.overdueFinancing(s.projectId)).to.equal(ADV1 + ADV2);
      // Repayments pay the oldest debt first.
      await s.pool.connect(s.firm).repay(s.projectId, ADV1);
      expect(await s.pool.overdueFinancing(s.projectId)).to.equal(ADV2);
      await networkHelpers.time.increaseTo(second.epochDueAt + 1n);
      expect(await s.pool.overdueFinancing(s.projectId)).to.equal(ADV2 + ADV3);
      // A partial overdue debt is written down for a newcomer pro rata.
      await expect(s.pool.connect(s.f2).commit(s.projectId, 1_000_00n, TERMS)).to.emit(s.pool, "Committed");
      await s.pool.connect(s.firm).repay(s.projectId, ADV2 + ADV3);
      expect((await s.pool.getPool(s.projectId)).oldestDueAt).to.equal(0n);
      expect(await s.pool.overdueFinancing(s.projectId)).to.equal(0n);
      await expectPoolIdentity(s);
    });

    it("a queued pair financed after the debt was repaid in full restarts the debt, due with its confirmation", async function () {
      const s = await networkHelpers.loadFixture(manyPairs);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address); // 4 pairs now, 2 queued
      const financed = await s.pool.getPool(s.projectId);
      await s.pool.connect(s.firm).repay(s.projectId, financed.outstanding);
      expect((await s.pool.getPool(s.projectId)).oldestDueAt).to.equal(0n);
      await s.pool.connect(s.keeper).processQueue(10n);
      const p = await s.pool.getPool(s.projectId);
      expect(p.outstanding).to.equal(2n * 1_000_00n);
      expect(p.oldestDueAt).to.equal(financed.epochDueAt);
      expect(p.epochDueAt).to.equal(financed.epochDueAt);
      await networkHelpers.time.increaseTo(p.epochDueAt + 1n);
      expect(await s.pool.overdueFinancing(s.projectId)).to.equal(2n * 1_000_00n);
    });

    it("a commitment while debt is outstanding but not overdue pays its face value", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await s.pool.connect(s.f1).commit(s.projectId, 100_000_00n, TERMS);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address);
      await expect(s.pool.connect(s.f2).commit(s.projectId, 50_000_00n, TERMS))
        .to.emit(s.pool, "Committed")
        .withArgs(s.projectId, s.f2.address, 50_000_00n, 50_000_00n);
    });

    it("a pool whose value is all overdue prices a newcomer's commitment at a value of 1 unit", async function () {
      const full = terms({ disruptionBps: 10_000n });
      const s = await f1CommittedUnder(full, ADV1);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address); // all of the cash lent to s1
      expect((await s.pool.getPool(s.projectId)).cash).to.equal(0n);
      await increaseTime(ethers, full.repaymentTerm + 1n);
      await expect(s.pool.connect(s.f2).commit(s.projectId, 100n, full))
        .to.emit(s.pool, "Committed")
        .withArgs(s.projectId, s.f2.address, 100n, 100n * ADV1);
    });
  });
});
