import { expect } from "chai";

import {
  ADV1,
  ADV2,
  ADV3,
  DAY,
  TERMS,
  defineAccepted,
  exitAfterNotice,
  expectPoolIdentity,
  increaseTime,
  passNotice,
  report,
  terms,
  termsArgs,
} from "../helpers/supply-chain.js";
import { SkipReason as Skip } from "../../web/src/generated/enums.js";
import {
  committed,
  ethers,
  f1CommittedUnder,
  manyPairs,
  networkHelpers,
  projectInToken,
  scenario,
} from "./fixtures.js";

const expectIdentity = expectPoolIdentity;

describe("ContingencyPool", function () {
  describe("integration: a disruption finances substitutes in the confirming transaction", function () {
    it("switches both components of the disrupted supplier, pays the substitutes, then repay and withdraw pro rata", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const { pool, registry, token, projectId, f1, f2, firm, supA, s1, s2 } = s;
      await expectIdentity(s);
      await expect(pool.connect(f1).commit(projectId, 60_000_00n, TERMS))
        .to.emit(pool, "Committed")
        .withArgs(projectId, f1.address, 60_000_00n, 60_000_00n);
      await expectIdentity(s);
      await pool.connect(f2).commit(projectId, 40_000_00n, TERMS);
      await expectIdentity(s);

      // The first report does not confirm.
      await report(ethers, s.oracle as never, [s.r1], supA.address);
      expect(await registry.currentSupplier(projectId, 1n)).to.equal(supA.address);
      // The second one does, and finances both affected components in the same transaction.
      const tx = report(ethers, s.oracle as never, [s.r2], supA.address);
      await expect(tx).to.emit(pool, "SubstituteFinanced").withArgs(projectId, s1.address, ADV1, 1n, supA.address, 1n);
      await expect(tx).to.emit(pool, "SubstituteFinanced").withArgs(projectId, s2.address, ADV2, 2n, supA.address, 1n);
      await expect(tx).to.emit(registry, "ComponentSwitched").withArgs(projectId, 1n, s1.address, supA.address, 1n);
      expect(await token.balanceOf(s1.address)).to.equal(ADV1);
      expect(await token.balanceOf(s2.address)).to.equal(ADV2);
      expect(await registry.currentSupplier(projectId, 1n)).to.equal(s1.address);
      expect(await registry.currentSupplier(projectId, 2n)).to.equal(s2.address);
      expect(await registry.currentSupplier(projectId, 3n)).to.equal(s.supB.address);
      let p = await pool.getPool(projectId);
      expect(p.outstanding).to.equal(ADV1 + ADV2);
      expect(p.cash).to.equal(100_000_00n - ADV1 - ADV2);
      await expectIdentity(s);
      // A third (late) report is refused by the oracle: the state already flipped; nothing is paid twice.
      const t = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
      await expect(s.oracle.connect(s.r3).report(supA.address, true, ethers.id("late"), t))
        .to.be.revertedWithCustomError(s.oracle, "DisruptionOracle_ReportWouldNotChangeState")
        .withArgs(supA.address, true);

      // The firm repays part.
      await expect(pool.connect(firm).repay(projectId, 10_000_00n))
        .to.emit(pool, "Repaid")
        .withArgs(projectId, firm.address, 10_000_00n);
      await expectIdentity(s);

      // f1 requests its exit; after the notice it withdraws 60% of the cash and keeps 60% of the debt as a claim.
      await expect(pool.connect(f1).requestWithdrawal(projectId))
        .to.emit(pool, "WithdrawalRequested")
        .withArgs(projectId, f1.address, BigInt((await ethers.provider.getBlock("latest"))!.timestamp) + 1n + DAY);
      await increaseTime(ethers, DAY);
      p = await pool.getPool(projectId);
      const cash = p.cash;
      const debt = p.outstanding;
      await expect(pool.connect(f1).withdraw(projectId))
        .to.emit(pool, "Withdrawn")
        .withArgs(projectId, f1.address, (cash * 6n) / 10n);
      await expectIdentity(s);
      // The firm repays the rest; both get their pro-rata share of it.
      await pool.connect(firm).repay(projectId, debt);
      await expectIdentity(s);
      const before1 = await token.balanceOf(f1.address);
      await pool.connect(f1).withdraw(projectId);
      await expectIdentity(s);
      const before2 = await token.balanceOf(f2.address);
      await exitAfterNotice(s, ethers, f2);
      await expectIdentity(s);
      const got1 = (await token.balanceOf(f1.address)) - before1 + (cash * 6n) / 10n;
      const got2 = (await token.balanceOf(f2.address)) - before2;
      expect(got1).to.be.closeTo(60_000_00n, 2n);
      expect(got2).to.be.closeTo(40_000_00n, 2n);
      expect(await token.balanceOf(s.stack.addresses.pool)).to.be.lessThan(3n); // rounding dust only
      await expect(pool.connect(f2).withdraw(projectId))
        .to.be.revertedWithCustomError(pool, "ContingencyPool_NothingToWithdraw")
        .withArgs(projectId, f2.address);
    });
  });

  describe("onSupplierStatusConfirmed", function () {
    it("skips to the next substitute when the first is disrupted too", async function () {
      const s = await networkHelpers.loadFixture(committed);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.s2.address); // s2 down first (not current anywhere)
      const tx = report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address);
      await expect(tx)
        .to.emit(s.pool, "SubstituteFinanced")
        .withArgs(s.projectId, s.s3.address, ADV3, 2n, s.supA.address, 2n);
      expect(await s.registry.currentSupplier(s.projectId, 2n)).to.equal(s.s3.address);
    });

    it("emits FinancingSkipped(NoHealthySubstitute) when every substitute is disrupted", async function () {
      const s = await networkHelpers.loadFixture(committed);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.s3.address);
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address))
        .to.emit(s.pool, "FinancingSkipped")
        .withArgs(s.projectId, 3n, s.supB.address, 2n, Skip.NoHealthySubstitute, 0n);
      expect(await s.registry.currentSupplier(s.projectId, 3n)).to.equal(s.supB.address);
    });

    it("emits FinancingSkipped(InsufficientLiquidity) when the pool is empty", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address))
        .to.emit(s.pool, "FinancingSkipped")
        .withArgs(s.projectId, 3n, s.supB.address, 1n, Skip.InsufficientLiquidity, ADV3);
    });

    it("emits FinancingSkipped(ExposureCapReached) when the exposure cap is too low", async function () {
      // 12% of the pool's value may be lent (and all of that to one disruption).
      const tight = terms({ exposureBps: 1_200n, disruptionBps: 1_200n });
      const s = await f1CommittedUnder(tight, 100_000_00n);
      const tx = report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address);
      await expect(tx)
        .to.emit(s.pool, "SubstituteFinanced")
        .withArgs(s.projectId, s.s1.address, ADV1, 1n, s.supA.address, 1n);
      await expect(tx)
        .to.emit(s.pool, "FinancingSkipped")
        .withArgs(s.projectId, 2n, s.supA.address, 1n, Skip.ExposureCapReached, ADV2);
    });

    it("emits FinancingSkipped(DisruptionCapReached) when one disruption would exceed its cap", async function () {
      // All of the value may be lent, 25% of it to one disruption.
      const perDisruption = terms({ exposureBps: 10_000n, disruptionBps: 2_500n });
      const s = await f1CommittedUnder(perDisruption, 100_000_00n);
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address))
        .to.emit(s.pool, "FinancingSkipped")
        .withArgs(s.projectId, 2n, s.supA.address, 1n, Skip.DisruptionCapReached, ADV2);
      // The next disruption has its own cap.
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address))
        .to.emit(s.pool, "SubstituteFinanced")
        .withArgs(s.projectId, s.s3.address, ADV3, 3n, s.supB.address, 2n);
    });

    it("pays nothing on recovery, and the firm may switch back", async function () {
      const s = await networkHelpers.loadFixture(committed);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address);
      const held = await s.token.balanceOf(s.stack.addresses.pool);
      const tx = report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address, false);
      await expect(tx).not.to.emit(s.pool, "SubstituteFinanced");
      expect(await s.token.balanceOf(s.stack.addresses.pool)).to.equal(held);
      await expect(s.registry.connect(s.firm).switchSupplier(s.projectId, 1n, s.supA.address))
        .to.emit(s.registry, "ComponentSwitched")
        .withArgs(s.projectId, 1n, s.supA.address, s.s1.address, 0n);
    });

    it("reverts with ContingencyPool_CallerNotOracle for any other caller", async function () {
      const s = await networkHelpers.loadFixture(committed);
      for (const caller of [s.admin, s.firm, s.f1, s.stranger, s.r1]) {
        await expect(s.pool.connect(caller).onSupplierStatusConfirmed(s.supA.address, true, 1n))
          .to.be.revertedWithCustomError(s.pool, "ContingencyPool_CallerNotOracle")
          .withArgs(caller.address);
      }
    });
  });

  describe("queue", function () {
    it("queues the pairs beyond MAX_PAIRS_PER_CALLBACK and lets a third party resume them", async function () {
      const s = await networkHelpers.loadFixture(manyPairs);
      const tx = report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address);
      await expect(tx).to.emit(s.pool, "Queued").withArgs(s.supA.address, 1n, 0n, 4n);
      expect(await s.pool.pendingJobs()).to.equal(1n);
      expect(await s.registry.currentSupplier(s.projectId, 6n)).to.equal(s.supA.address);
      await s.pool.connect(s.f1).requestWithdrawal(s.projectId);
      await increaseTime(ethers, DAY);
      await expect(s.pool.connect(s.f1).withdraw(s.projectId))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_QueuePending")
        .withArgs(1n);
      await expect(s.pool.connect(s.keeper).processQueue(1n))
        .to.emit(s.pool, "SubstituteFinanced")
        .withArgs(s.projectId, s.s1.address, 1_000_00n, 6n, s.supA.address, 1n);
      await expect(s.pool.connect(s.keeper).processQueue(10n))
        .to.emit(s.pool, "QueueJobDone")
        .withArgs(s.supA.address, 1n, 0n, false);
      expect(await s.registry.currentSupplier(s.projectId, 7n)).to.equal(s.s1.address);
      expect(await s.pool.pendingJobs()).to.equal(0n);
      await expect(s.pool.connect(s.keeper).processQueue(1n))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_NothingToProcess")
        .withArgs(0n, 1n);
      await expectIdentity(s);
    });

    it("drops a queued job whose supplier recovered (nothing paid)", async function () {
      const s = await networkHelpers.loadFixture(manyPairs);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address, false);
      await expect(s.pool.connect(s.keeper).processQueue(10n))
        .to.emit(s.pool, "QueueJobDone")
        .withArgs(s.supA.address, 1n, 0n, true);
      expect(await s.registry.currentSupplier(s.projectId, 6n)).to.equal(s.supA.address);
    });

    it("queues a new confirmation behind a waiting job", async function () {
      const s = await networkHelpers.loadFixture(manyPairs);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supA.address);
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address))
        .to.emit(s.pool, "Queued")
        .withArgs(s.supB.address, 2n, 1n, 0n);
      await s.pool.connect(s.keeper).processQueue(10n);
      expect(await s.registry.currentSupplier(s.projectId, 3n)).to.equal(s.s3.address);
    });
  });

  describe("commit", function () {
    it("reverts with ContingencyPool_ZeroAmount", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await expect(s.pool.connect(s.f1).commit(s.projectId, 0n, TERMS)).to.be.revertedWithCustomError(
        s.pool,
        "ContingencyPool_ZeroAmount",
      );
    });

    it("reverts with ContingencyPool_TermsMismatch when the commitment names other terms than the pool's", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const others = [
        terms({ exposureBps: 9_000n }),
        terms({ disruptionBps: 1n }),
        terms({ withdrawalNotice: 2n * DAY }),
        terms({ repaymentTerm: 1n }),
      ];
      for (const named of others) {
        await expect(s.pool.connect(s.f1).commit(s.projectId, 10n, named))
          .to.be.revertedWithCustomError(s.pool, "ContingencyPool_TermsMismatch")
          .withArgs(s.projectId, ...termsArgs(TERMS));
      }
      await expect(s.pool.connect(s.f1).commit(s.projectId, 10n, TERMS)).to.emit(s.pool, "Committed");
    });

    it("reverts with RDEscrow_ProjectNotFound for an unknown project", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await expect(s.pool.connect(s.f1).commit(9n, 10n, TERMS))
        .to.be.revertedWithCustomError(s.escrow, "RDEscrow_ProjectNotFound")
        .withArgs(9n);
    });

    it("reverts with ContingencyPool_AmountTooLarge when the pool's value would reach 2^96", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const big = 2n ** 96n;
      await s.token.mint(s.f1.address, big);
      await expect(s.pool.connect(s.f1).commit(s.projectId, big, TERMS))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_AmountTooLarge")
        .withArgs(s.projectId, big);
    });

    it("refuses fee-on-transfer tokens with ContingencyPool_UnexpectedBalanceChange", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const fee = await ethers.deployContract("FeeOnTransferToken", [100n]);
      await projectInToken(s, fee);
      await expect(s.pool.connect(s.f1).commit(2n, 10_000n, TERMS))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_UnexpectedBalanceChange")
        .withArgs(2n, 10_000n, 9_900n);
    });

    it("blocks reentrancy from a malicious token", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const evil = await ethers.deployContract("ReentrantToken");
      await projectInToken(s, evil);
      await evil.arm(s.stack.addresses.pool, s.pool.interface.encodeFunctionData("withdraw", [2n]));
      await expect(s.pool.connect(s.f1).commit(2n, 10_000n, TERMS)).to.be.revertedWithCustomError(
        s.pool,
        "ReentrancyGuardReentrantCall",
      );
    });

    it("rejects a false-returning token (SafeERC20)", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const bad = await ethers.deployContract("FalseReturningToken");
      await projectInToken(s, bad);
      await bad.setReturnFalse(true);
      await expect(s.pool.connect(s.f1).commit(2n, 10_000n, TERMS))
        .to.be.revertedWithCustomError(s.pool, "SafeERC20FailedOperation")
        .withArgs(await bad.getAddress());
    });
  });

  describe("a token that refuses the advance's transfer", function () {
    it("keeps the advance owed to the substitute (AdvanceOwed), does not block the oracle, and anyone's claimAdvance pays it once the token pays", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const bad = await ethers.deployContract("FalseReturningToken");
      await projectInToken(s, bad);
      await defineAccepted(s, s.firm2, 2n, ethers.id("c"), s.supB, [{ supplier: s.s1, advance: 100n }]);
      await passNotice(ethers);
      await s.pool.connect(s.f1).commit(2n, 10_000n, TERMS);
      await s.pool.connect(s.f1).commit(s.projectId, 100_000_00n, TERMS);
      await bad.setReturnFalse(true);
      const tx = report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address);
      await expect(tx).to.emit(s.pool, "AdvanceOwed").withArgs(2n, s.s1.address, 100n, 1n, s.supB.address, 1n);
      await expect(tx).not.to.emit(s.pool, "FinancingSkipped");
      // The other project's pair (component 3 of project 1) is still financed in the same transaction.
      await expect(tx)
        .to.emit(s.pool, "SubstituteFinanced")
        .withArgs(s.projectId, s.s3.address, ADV3, 3n, s.supB.address, 1n);
      // Financed and owed by the firm; the advance is held for s1, not the financiers' cash any more.
      let p2 = await s.pool.getPool(2n);
      expect([p2.cash, p2.outstanding, p2.owed]).to.deep.equal([10_000n - 100n, 100n, 100n]);
      expect(await s.pool.owedAdvance(2n, s.s1.address)).to.equal(100n);
      expect(await s.pool.poolBalance(2n)).to.equal(await bad.balanceOf(s.stack.addresses.pool));

      // Still refusing: the claim reverts and the advance stays owed.
      await expect(s.pool.connect(s.keeper).claimAdvance(2n, s.s1.address))
        .to.be.revertedWithCustomError(s.pool, "SafeERC20FailedOperation")
        .withArgs(await bad.getAddress());
      expect(await s.pool.owedAdvance(2n, s.s1.address)).to.equal(100n);

      // Paying again: anyone's claim pays s1, once.
      await bad.setReturnFalse(false);
      await expect(s.pool.connect(s.keeper).claimAdvance(2n, s.s1.address))
        .to.emit(s.pool, "AdvanceClaimed")
        .withArgs(2n, s.s1.address, 100n, s.keeper.address);
      expect(await bad.balanceOf(s.s1.address)).to.equal(100n);
      p2 = await s.pool.getPool(2n);
      expect([p2.cash, p2.outstanding, p2.owed]).to.deep.equal([10_000n - 100n, 100n, 0n]);
      expect(await s.pool.poolBalance(2n)).to.equal(await bad.balanceOf(s.stack.addresses.pool));
      await expect(s.pool.connect(s.keeper).claimAdvance(2n, s.s1.address))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_NothingOwed")
        .withArgs(2n, s.s1.address);
    });
  });

  describe("repay", function () {
    it("reverts with ContingencyPool_CallerNotFirm for every other role", async function () {
      const s = await networkHelpers.loadFixture(committed);
      for (const caller of [s.admin, s.f1, s.verifier, s.r1, s.s1, s.stranger]) {
        await expect(s.pool.connect(caller).repay(s.projectId, 1n))
          .to.be.revertedWithCustomError(s.pool, "ContingencyPool_CallerNotFirm")
          .withArgs(s.projectId, caller.address);
      }
    });

    it("reverts with ContingencyPool_ZeroAmount and ContingencyPool_RepayExceedsDebt", async function () {
      const s = await networkHelpers.loadFixture(committed);
      await expect(s.pool.connect(s.firm).repay(s.projectId, 0n)).to.be.revertedWithCustomError(
        s.pool,
        "ContingencyPool_ZeroAmount",
      );
      await expect(s.pool.connect(s.firm).repay(s.projectId, 1n))
        .to.be.revertedWithCustomError(s.pool, "ContingencyPool_RepayExceedsDebt")
        .withArgs(s.projectId, 1n, 0n);
    });
  });

  describe("constructor", function () {
    it("reverts with ContingencyPool_ZeroAddress", async function () {
      const factory = await ethers.getContractFactory("ContingencyPool");
      await expect(
        factory.deploy(ethers.ZeroAddress, ethers.ZeroAddress, ethers.ZeroAddress, (await ethers.getSigners())[0], []),
      ).to.be.revertedWithCustomError(factory, "ContingencyPool_ZeroAddress");
    });
  });

  it("fixture loads via loadFixture", async function () {
    const s = await networkHelpers.loadFixture(committed);
    expect((await s.pool.getPool(s.projectId)).totalShares).to.equal(100_000_00n);
  });
});
