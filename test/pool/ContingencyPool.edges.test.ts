/**
 * Edge behaviours of the ContingencyPool on the real stack (scripts/lib/deploy-stack.ts): late and repeated oracle
 * deliveries, queue inspection, commitments worth less than a share, a claimant with nothing to collect yet, and
 * the reset of a claim era whose remaining debt per unit became negligible.
 */
import { expect } from "chai";

import {
  ADV1,
  ADV2,
  TERMS,
  defineAccepted,
  expectPoolIdentity,
  increaseTime,
  passNotice,
  report,
  terms,
  type PoolScenario,
} from "../helpers/supply-chain.js";
import { committed, ethers, manyPairs, networkHelpers, scenario } from "./fixtures.js";

/** RecordingSubscriber.Mode.Revert. */
const SUBSCRIBER_REVERTS = 1;

const expectIdentity = expectPoolIdentity;

/** Terms that let the whole pool finance one disruption (these edge cases lend all of it). */
const FULL = terms({ disruptionBps: 10_000n });

/** `financier` requests its exit and the pool's notice passes: its next withdraw executes. */
async function due(s: PoolScenario, financier: { address: string }): Promise<void> {
  await s.pool.connect(financier as never).requestWithdrawal(s.projectId);
  await increaseTime(ethers, TERMS.withdrawalNotice);
}

describe("ContingencyPool edges", function () {
  describe("wiring: the pool reads projects from the escrow deployStack deployed", function () {
    it("exposes the escrow, registry and oracle it is bound to", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      expect(await s.pool.escrow()).to.equal(s.stack.addresses.escrow);
      expect(await s.pool.registry()).to.equal(s.stack.addresses.registry);
      expect(await s.pool.oracle()).to.equal(s.stack.addresses.oracle);
      // The token the pool caches at the first commitment is the escrow's project token.
      await s.pool.connect(s.f1).commit(s.projectId, 1_000_00n, TERMS);
      expect((await s.pool.getPool(s.projectId)).token).to.equal(await s.escrow.projectToken(s.projectId));
    });
  });

  describe("nextJob: a keeper sees which disruption waits and how far it got", function () {
    it("returns the head job with its progress, and a zero job once the queue is empty", async function () {
      const s = await networkHelpers.loadFixture(manyPairs);
      const empty = await s.pool.nextJob();
      expect([empty.supplier, empty.confirmationId, empty.nextPairIndex]).to.deep.equal([ethers.ZeroAddress, 0n, 0n]);

      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address))
        .to.emit(s.pool, "Queued")
        .withArgs(s.supA.address, 1n, 0n, 4n);
      let job = await s.pool.nextJob();
      expect([job.supplier, job.confirmationId, job.nextPairIndex]).to.deep.equal([s.supA.address, 1n, 4n]);

      // One pair more: the job stays at the head and records its progress.
      await s.pool.connect(s.keeper).processQueue(1n);
      job = await s.pool.nextJob();
      expect([job.supplier, job.confirmationId, job.nextPairIndex]).to.deep.equal([s.supA.address, 1n, 5n]);
      expect(await s.pool.pendingJobs()).to.equal(1n);

      await expect(s.pool.connect(s.keeper).processQueue(10n))
        .to.emit(s.pool, "QueueJobDone")
        .withArgs(s.supA.address, 1n, 0n, false);
      job = await s.pool.nextJob();
      expect([job.supplier, job.confirmationId, job.nextPairIndex]).to.deep.equal([ethers.ZeroAddress, 0n, 0n]);
    });
  });

  describe("a late delivery of a superseded confirmation pays nothing", function () {
    it("delivers a paused backlog in order and finances only the supplier's latest confirmation", async function () {
      const s = await networkHelpers.loadFixture(committed);
      const { oracle, pool, registry, token, projectId, admin, supA, s1, s2 } = s;
      const reporters = [s.r1, s.r2];
      await oracle.connect(admin).pause();
      // While triggers are paused, supA goes down (1), recovers (2) and goes down again (3); all are deferred.
      await expect(report(ethers, oracle as never, reporters, supA.address))
        .to.emit(oracle, "NotificationsDeferred")
        .withArgs(1n);
      await report(ethers, oracle as never, reporters, supA.address, false);
      await report(ethers, oracle as never, reporters, supA.address);
      expect((await oracle.supplierStatus(supA.address)).confirmationId).to.equal(3n);
      await oracle.connect(admin).unpause();
      const held = await token.balanceOf(s.stack.addresses.pool);

      // Confirmation 1 says "disrupted" but is no longer supA's latest: the pool accepts it and does nothing.
      const late = oracle.deliver(1n);
      await expect(late).to.emit(oracle, "SubscriberNotified").withArgs(1n, s.stack.addresses.pool);
      await expect(late).not.to.emit(pool, "SubstituteFinanced");
      await expect(late).not.to.emit(pool, "FinancingSkipped");
      await expect(late).not.to.emit(pool, "Queued");
      await expect(late).not.to.emit(registry, "ComponentSwitched");
      expect((await oracle.pendingDelivery(1n)).subscriberMask).to.equal(0n);
      expect(await registry.currentSupplier(projectId, 1n)).to.equal(supA.address);
      expect(await token.balanceOf(s.stack.addresses.pool)).to.equal(held);
      expect((await pool.getPool(projectId)).outstanding).to.equal(0n);

      // The recovery (2) pays nothing either; the latest confirmation (3) finances both components once.
      await expect(oracle.deliver(2n)).not.to.emit(pool, "SubstituteFinanced");
      const latest = oracle.deliver(3n);
      await expect(latest)
        .to.emit(pool, "SubstituteFinanced")
        .withArgs(projectId, s1.address, ADV1, 1n, supA.address, 3n);
      await expect(latest)
        .to.emit(pool, "SubstituteFinanced")
        .withArgs(projectId, s2.address, ADV2, 2n, supA.address, 3n);
      expect((await pool.getPool(projectId)).outstanding).to.equal(ADV1 + ADV2);
      await expectIdentity(s);
    });
  });

  describe("a confirmation delivered twice never finances a pair twice", function () {
    it("a re-delivery finds the pair switched away, and the firm cannot switch it back to the disrupted supplier", async function () {
      const s = await networkHelpers.loadFixture(committed);
      const { oracle, pool, registry, token, projectId, admin, firm, supA, s1 } = s;
      const poolAddress = s.stack.addresses.pool;
      // A second subscriber (slot 1) that refuses notifications, so confirmation 1 stays pending for slot 1.
      const other = await ethers.deployContract("RecordingSubscriber");
      await other.setMode(SUBSCRIBER_REVERTS);
      await oracle.connect(admin).addSubscriber(await other.getAddress());

      const first = report(ethers, oracle as never, [s.r1, s.r2], supA.address);
      await expect(first)
        .to.emit(pool, "SubstituteFinanced")
        .withArgs(projectId, s1.address, ADV1, 1n, supA.address, 1n);
      expect((await oracle.pendingDelivery(1n)).subscriberMask).to.equal(0b10n);

      // The firm would like component 1 back with supA (it still has stock from it): refused while supA is down.
      await expect(registry.connect(firm).switchSupplier(projectId, 1n, supA.address))
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_SupplierDisrupted")
        .withArgs(supA.address);
      // The admin reshuffles subscribers: the pool ends up in slot 1, whose delivery of confirmation 1 is pending.
      await oracle.connect(admin).removeSubscriber(poolAddress);
      await oracle.connect(admin).removeSubscriber(await other.getAddress());
      await oracle.connect(admin).addSubscriber(await other.getAddress()); // slot 0
      await oracle.connect(admin).addSubscriber(poolAddress); // slot 1
      expect(await oracle.subscribers()).to.deep.equal([await other.getAddress(), poolAddress]);

      const outstanding = (await pool.getPool(projectId)).outstanding;
      const held = await token.balanceOf(poolAddress);
      const again = oracle.deliver(1n);
      await expect(again).to.emit(oracle, "SubscriberNotified").withArgs(1n, poolAddress);
      await expect(again).not.to.emit(pool, "SubstituteFinanced");
      await expect(again).not.to.emit(pool, "FinancingSkipped");
      await expect(again).not.to.emit(registry, "ComponentSwitched");
      // Component 1 stays with s1, which was paid once.
      expect(await registry.currentSupplier(projectId, 1n)).to.equal(s1.address);
      expect(await token.balanceOf(s1.address)).to.equal(ADV1);
      expect((await pool.getPool(projectId)).outstanding).to.equal(outstanding);
      expect(await token.balanceOf(poolAddress)).to.equal(held);
      await expectIdentity(s);
    });
  });

  describe("commit refuses an amount worth less than one share", function () {
    it("reverts with ContingencyPool_AmountTooLarge instead of minting 0 shares, and accepts a share's worth", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const { pool, projectId, f1, f2, stranger, supA, token } = s;
      // f1 holds 1 unit (1 share), f2 enough to finance component 1 exactly (ADV1 + 1 units).
      await pool.connect(s.firm).setPoolTerms(projectId, FULL);
      await pool.connect(f1).commit(projectId, 1n, FULL);
      await pool.connect(f2).commit(projectId, ADV1 + 1n, FULL);
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], supA.address))
        .to.emit(pool, "SubstituteFinanced")
        .withArgs(projectId, s.s1.address, ADV1, 1n, supA.address, 1n);
      // f1's single share is worth less than one unit of cash and one unit of debt: both round down to 0, so its
      // exit leaves the pool worth more than one unit per share.
      await due(s, f1);
      await expect(pool.connect(f1).withdraw(projectId)).not.to.emit(pool, "Withdrawn");
      const p = await pool.getPool(projectId);
      const value = p.cash + p.outstanding - p.claimDebt;
      expect(value).to.be.greaterThan(p.totalShares);

      // 1 unit would mint floor(1 * totalShares / value) = 0 shares, i.e. be given away to f2: refused.
      await token.mint(stranger.address, 2n);
      await token.connect(stranger).approve(s.stack.addresses.pool, 2n);
      await expect(pool.connect(stranger).commit(projectId, 1n, FULL))
        .to.be.revertedWithCustomError(pool, "ContingencyPool_AmountTooLarge")
        .withArgs(projectId, 1n);
      expect(await token.balanceOf(stranger.address)).to.equal(2n);
      // 2 units buy one share.
      await expect(pool.connect(stranger).commit(projectId, 2n, FULL))
        .to.emit(pool, "Committed")
        .withArgs(projectId, stranger.address, 2n, (2n * p.totalShares) / value);
      expect((await pool.getPosition(projectId, stranger.address)).shares).to.equal(1n);
      await expectIdentity(s);
    });
  });

  describe("withdraw by a claimant with nothing repaid yet", function () {
    it("reverts with ContingencyPool_NothingToWithdraw until the firm repays", async function () {
      const s = await networkHelpers.loadFixture(committed);
      const { pool, projectId, f1, firm, supA } = s;
      await report(ethers, s.oracle as never, [s.r1, s.r2], supA.address);
      // f1 exits its shares: cash now, its part of the outstanding financing as a claim.
      const outstanding = (await pool.getPool(projectId)).outstanding;
      const debtPart = (outstanding * 60n) / 100n;
      await due(s, f1);
      await expect(pool.connect(f1).withdraw(projectId))
        .to.emit(pool, "ClaimOpened")
        .withArgs(projectId, f1.address, debtPart, debtPart);
      expect((await pool.getPosition(projectId, f1.address)).claimUnits).to.equal(debtPart);

      // No shares left and nothing repaid since: there is nothing to pay.
      expect(await pool.withdrawable(projectId, f1.address)).to.equal(0n);
      await expect(pool.connect(f1).withdraw(projectId))
        .to.be.revertedWithCustomError(pool, "ContingencyPool_NothingToWithdraw")
        .withArgs(projectId, f1.address);

      // Once the firm repays everything, the claim pays exactly the debt it took over.
      await pool.connect(firm).repay(projectId, outstanding);
      await expect(pool.connect(f1).withdraw(projectId))
        .to.emit(pool, "Withdrawn")
        .withArgs(projectId, f1.address, debtPart);
      await expectIdentity(s);
    });
  });

  describe("a claim era whose debt per unit fell below 1e-9 is reset when a new claim opens", function () {
    const A = 2_000_000_000n; // > 1e9 units, so 1 unit of remaining debt is worth < 1e-9 per claim unit
    const B = 1_000_00n;
    const M = 100_000_00n; // f2's commitment
    const M1 = 50_000_00n; // f1's second commitment

    async function residue() {
      const s = await scenario();
      const [supC, supD] = s.signers.slice(16, 18);
      for (const sup of [supC, supD])
        await s.registry.connect(sup).registerSupplier(ethers.id(sup.address), "", "0x4445");
      // Component 4: supC → s1 (advance A); component 5: supD → s2 (advance B).
      await defineAccepted(s, s.firm, s.projectId, ethers.id("wafer"), supC, [{ supplier: s.s1, advance: A }]);
      await defineAccepted(s, s.firm, s.projectId, ethers.id("mask"), supD, [{ supplier: s.s2, advance: B }]);
      await passNotice(ethers);
      await s.token.mint(s.f1.address, A);
      await s.token.mint(s.firm.address, A);
      await s.pool.connect(s.firm).setPoolTerms(s.projectId, FULL);
      return { ...s, supC, supD };
    }

    it("closes the old era (its residue back to the shareholders), settles the position's old units and starts afresh", async function () {
      const s = await networkHelpers.loadFixture(residue);
      const { pool, projectId, f1, f2, firm, supC, supD } = s;
      // f1 finances A alone, then exits into a claim of A units on A of debt.
      await pool.connect(f1).commit(projectId, A, FULL);
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], supC.address))
        .to.emit(pool, "SubstituteFinanced")
        .withArgs(projectId, s.s1.address, A, 4n, supC.address, 1n);
      await due(s, f1);
      await expect(pool.connect(f1).withdraw(projectId))
        .to.emit(pool, "ClaimOpened")
        .withArgs(projectId, f1.address, A, A);
      // f2 joins; the firm repays all but 1 unit, which is entirely the claimants' (the shareholders owe nothing).
      await pool.connect(f2).commit(projectId, M, FULL);
      await pool.connect(firm).repay(projectId, A - 1n);
      let p = await pool.getPool(projectId);
      expect([p.claimDebt, p.claimUnits, p.outstanding, p.claimEra]).to.deep.equal([1n, A, 1n, 0n]);
      // f1 commits again (it now holds shares and era-0 claim units), and a second disruption is financed.
      await pool.connect(f1).commit(projectId, M1, FULL);
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], supD.address))
        .to.emit(pool, "SubstituteFinanced")
        .withArgs(projectId, s.s2.address, B, 5n, supD.address, 2n);

      p = await pool.getPool(projectId);
      const shareholdersDebt = p.outstanding - p.claimDebt; // = B
      const cashPart = (M1 * p.cash) / p.totalShares;
      const debtPart = (M1 * shareholdersDebt) / p.totalShares;
      // A repaid units of A - 1 of era 0's debt: exact (1e27 is a multiple of A), so f1 collects A - 1.
      const payout = A - 1n;
      expect(await pool.withdrawable(projectId, f1.address)).to.equal(payout + cashPart);

      // f1 withdraws: its new claim would be priced against 1 unit of debt for A units; instead the era closes.
      await due(s, f1);
      const tx = pool.connect(f1).withdraw(projectId);
      await expect(tx)
        .to.emit(pool, "Withdrawn")
        .withArgs(projectId, f1.address, payout + cashPart);
      // units == debt: the claim opened in a fresh era at 1 unit per token.
      await expect(tx).to.emit(pool, "ClaimOpened").withArgs(projectId, f1.address, debtPart, debtPart);
      p = await pool.getPool(projectId);
      expect(p.claimEra).to.equal(1n);
      expect(p.claimDebt).to.equal(debtPart);
      expect(p.claimUnits).to.equal(debtPart);
      expect(p.claimAcc).to.equal(0n);
      expect(p.claimCash).to.equal(0n);
      // The residue (1 unit) went back to the shareholders' part of the debt.
      expect(p.outstanding - p.claimDebt).to.equal(shareholdersDebt + 1n - debtPart);
      const pos = await pool.getPosition(projectId, f1.address);
      expect([pos.shares, pos.claimUnits, pos.claimEra, pos.claimAccPaid]).to.deep.equal([0n, debtPart, 1n, 0n]);
      await expectIdentity(s);

      // Full repayment: f1's new claim pays exactly its debt; f2 gets the rest, residue included.
      await pool.connect(firm).repay(projectId, p.outstanding);
      await expect(pool.connect(f1).withdraw(projectId))
        .to.emit(pool, "Withdrawn")
        .withArgs(projectId, f1.address, debtPart);
      const f2Expected = await pool.withdrawable(projectId, f2.address);
      expect(f2Expected).to.equal((await pool.getPool(projectId)).cash);
      await due(s, f2);
      await expect(pool.connect(f2).withdraw(projectId))
        .to.emit(pool, "Withdrawn")
        .withArgs(projectId, f2.address, f2Expected);
      expect(await pool.poolBalance(projectId)).to.equal(0n);
      await expectIdentity(s);
    });

    it("closes the era when a financier without claim units opens the new claim; old claimants keep their era's payout", async function () {
      const s = await networkHelpers.loadFixture(residue);
      const { pool, projectId, f1, f2, firm, supC, supD } = s;
      await pool.connect(f1).commit(projectId, A, FULL);
      await report(ethers, s.oracle as never, [s.r1, s.r2], supC.address);
      await due(s, f1);
      await pool.connect(f1).withdraw(projectId); // f1: A claim units in era 0
      await pool.connect(f2).commit(projectId, M, FULL);
      await pool.connect(firm).repay(projectId, A - 1n); // era 0: 1 unit of debt left for A units
      await report(ethers, s.oracle as never, [s.r1, s.r2], supD.address);

      // f2 never held claim units; its withdrawal opens a claim, which closes era 0 instead of pricing against it.
      let p = await pool.getPool(projectId);
      const f2DebtPart = p.outstanding - p.claimDebt; // f2 holds every share
      const f2Cash = await pool.withdrawable(projectId, f2.address);
      await due(s, f2);
      const f2Tx = pool.connect(f2).withdraw(projectId);
      await expect(f2Tx).to.emit(pool, "Withdrawn").withArgs(projectId, f2.address, f2Cash);
      await expect(f2Tx).to.emit(pool, "ClaimOpened").withArgs(projectId, f2.address, f2DebtPart, f2DebtPart);
      p = await pool.getPool(projectId);
      expect([p.claimEra, p.claimDebt, p.claimUnits]).to.deep.equal([1n, f2DebtPart, f2DebtPart]);
      const f2Pos = await pool.getPosition(projectId, f2.address);
      expect([f2Pos.shares, f2Pos.claimUnits, f2Pos.claimEra]).to.deep.equal([0n, f2DebtPart, 1n]);
      await expectIdentity(s);

      // f1's era-0 units are still worth what era 0 collected: A - 1.
      expect((await pool.getPosition(projectId, f1.address)).claimEra).to.equal(0n);
      expect(await pool.withdrawable(projectId, f1.address)).to.equal(A - 1n);
      await expect(pool.connect(f1).withdraw(projectId))
        .to.emit(pool, "Withdrawn")
        .withArgs(projectId, f1.address, A - 1n);
      await expectIdentity(s);

      // Full repayment: f2's claim pays its debt; what is left (era 0's residue) stays in the pool's cash.
      await pool.connect(firm).repay(projectId, (await pool.getPool(projectId)).outstanding);
      await expect(pool.connect(f2).withdraw(projectId))
        .to.emit(pool, "Withdrawn")
        .withArgs(projectId, f2.address, f2DebtPart);
      await expectIdentity(s);
    });
  });
});
