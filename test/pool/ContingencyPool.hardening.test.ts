/**
 * The failover path against a stranger, a dishonest party and a hostile token or subscriber (issue 13, the pool and
 * oracle parts): each `describe` is one defence, each test first shows the attack that today's main allowed.
 */
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";
import { expect } from "chai";

import {
  ADV1,
  ADV2,
  ADV3,
  TERMS,
  defineAccepted,
  expectPoolIdentity,
  increaseTime,
  passNotice,
  report,
  terms,
} from "../helpers/supply-chain.js";
import { committed, createProject, ethers, manyPairs, networkHelpers } from "./fixtures.js";

/** SupplyChainTypes.SkipReason. */
const Skip = { NoHealthySubstitute: 0n, InsufficientLiquidity: 1n, ProjectClosed: 4n } as const;
/** EscrowTypes.ProjectStatus. */
const Status = { Active: 1n, Completed: 2n, Failed: 3n, Cancelled: 4n } as const;

/** `committed`, plus project 2 of firm2 (same token) whose component 1 is supplied by supA too, with s2 as substitute. */
async function twoProjects() {
  const s = await committed();
  const project2 = await createProject(s, { name: "fuel-cell catalyst", budget: 100_000_00n, days: 90n });
  await defineAccepted(s, s.firm2, project2, ethers.id("platinum"), s.supA, [{ supplier: s.s2, advance: 5_000_00n }]);
  await passNotice(ethers);
  await s.pool.connect(s.firm2).setPoolTerms(project2, TERMS);
  await s.pool.connect(s.f1).commit(project2, 10_000_00n, TERMS);
  return { ...s, project2 };
}

describe("ContingencyPool hardening (issue 13)", function () {
  describe("pause means pause: the guardian's switch holds queued financing too", function () {
    it("processQueue refuses while triggers are paused and finances the queued pairs once they resume", async function () {
      const s = await networkHelpers.loadFixture(manyPairs);
      const { oracle, pool, admin, keeper, supA } = s;
      await expect(report(ethers, oracle as never, [s.r1, s.r2], supA.address)).to.emit(pool, "Queued");
      expect(await pool.pendingJobs()).to.equal(1n);
      const outstanding = (await pool.getPool(s.projectId)).outstanding;

      await oracle.connect(admin).pause();
      expect(await oracle.triggersPaused()).to.equal(true);
      await expect(pool.connect(keeper).processQueue(10n)).to.be.revertedWithCustomError(
        pool,
        "ContingencyPool_TriggersPaused",
      );
      expect((await pool.getPool(s.projectId)).outstanding).to.equal(outstanding);

      // A confirmation made while paused is not delivered either (the oracle's side of the same switch).
      await expect(report(ethers, oracle as never, [s.r1, s.r2], s.supB.address))
        .to.emit(oracle, "NotificationsDeferred")
        .withArgs(2n);
      await expect(oracle.deliver(2n)).to.be.revertedWithCustomError(oracle, "DisruptionOracle_TriggersPaused");

      await oracle.connect(admin).unpause();
      expect(await oracle.triggersPaused()).to.equal(false);
      await expect(pool.connect(keeper).processQueue(10n)).to.emit(pool, "SubstituteFinanced");
      expect((await pool.getPool(s.projectId)).outstanding).to.equal(outstanding + 2n * 1_000_00n);
      await expectPoolIdentity(s);
    });
  });

  describe("closed projects are not financed and take no commitments", function () {
    it("a cancelled project's components are skipped (ProjectClosed, not switched); another project of the same supplier is financed", async function () {
      const s = await networkHelpers.loadFixture(twoProjects);
      const { escrow, pool, registry, token, projectId, project2, firm, f2, supA, s2 } = s;
      await escrow.connect(firm).cancelProject(projectId);
      expect(await escrow.projectStatus(projectId)).to.equal(Status.Cancelled);
      const held = (await pool.getPool(projectId)).cash;

      await expect(pool.connect(f2).commit(projectId, 1_000_00n, TERMS))
        .to.be.revertedWithCustomError(pool, "ContingencyPool_ProjectNotActive")
        .withArgs(projectId, Status.Cancelled);

      const tx = report(ethers, s.oracle as never, [s.r1, s.r2], supA.address);
      await expect(tx)
        .to.emit(pool, "FinancingSkipped")
        .withArgs(projectId, 1n, supA.address, 1n, Skip.ProjectClosed, ADV1);
      await expect(tx)
        .to.emit(pool, "FinancingSkipped")
        .withArgs(projectId, 2n, supA.address, 1n, Skip.ProjectClosed, ADV2);
      await expect(tx)
        .to.emit(pool, "SubstituteFinanced")
        .withArgs(project2, s2.address, 5_000_00n, 1n, supA.address, 1n);
      // Project 1: nothing switched, nothing lent; its financiers' cash stays theirs.
      expect(await registry.currentSupplier(projectId, 1n)).to.equal(supA.address);
      expect(await registry.currentSupplier(projectId, 2n)).to.equal(supA.address);
      const p = await pool.getPool(projectId);
      expect([p.cash, p.outstanding]).to.deep.equal([held, 0n]);
      expect(await token.balanceOf(s2.address)).to.equal(5_000_00n);
      expect((await pool.poolBalance(projectId)) + (await pool.poolBalance(project2))).to.equal(
        await token.balanceOf(s.stack.addresses.pool),
      );
    });

    it("a closed project's listing not yet eligible at the confirmation (NotEligible) is not reported as skipped", async function () {
      const s = await networkHelpers.loadFixture(twoProjects);
      const { escrow, pool, registry, projectId, firm, supA, s1 } = s;
      // Accepted but still within LISTING_NOTICE when supA is confirmed: the registry answers NotEligible.
      const late = await defineAccepted(s, firm, projectId, ethers.id("late part"), supA, [
        { supplier: s1, advance: 1_000_00n },
      ]);
      await escrow.connect(firm).cancelProject(projectId);

      const tx = (await report(ethers, s.oracle as never, [s.r1, s.r2], supA.address)) as {
        wait(): Promise<{ logs: { topics: string[]; data: string }[] } | null>;
      };
      const receipt = await tx.wait();
      const skipped = receipt!.logs
        .map((log: { topics: string[]; data: string }) => {
          try {
            return pool.interface.parseLog(log);
          } catch {
            return null;
          }
        })
        .filter((e) => e?.name === "FinancingSkipped" && e.args.projectId === projectId)
        .map((e) => e!.args.componentId as bigint);
      // Components 1 and 2 were eligible: skipped as ProjectClosed. The late one is neither skipped nor switched.
      expect(skipped).to.deep.equal([1n, 2n]);
      expect(await registry.currentSupplier(projectId, late)).to.equal(supA.address);
    });

    it("a project the escrow completed takes no commitment either", async function () {
      const s = await networkHelpers.loadFixture(twoProjects);
      const { escrow, pool, project2, firm2, verifier, f2 } = s;
      await s.token.connect(f2).approve(s.stack.addresses.escrow, 100_000_00n);
      await escrow.connect(f2).fund(project2, 100_000_00n);
      await escrow.connect(firm2).submitMilestone(project2, 0n, ethers.id("evidence"), "");
      await escrow.connect(verifier).approveMilestone(project2, 0n);
      await escrow.connect(firm2).completeProject(project2);
      await expect(pool.connect(f2).commit(project2, 1_000_00n, TERMS))
        .to.be.revertedWithCustomError(pool, "ContingencyPool_ProjectNotActive")
        .withArgs(project2, Status.Completed);
    });
  });

  describe("isolation: one project's queue, token or parties do not hold up another project", function () {
    /** `manyPairs` (project 1's pairs of supA queued on disruption), plus project 2 of firm2 with a pool and no pairs. */
    async function queuedAndBystander() {
      const s = await manyPairs();
      await createProject(s, { name: "bystander", budget: 100_000_00n, days: 90n });
      await s.pool.connect(s.firm2).setPoolTerms(2n, TERMS);
      await s.pool.connect(s.f2).commit(2n, 10_000_00n, TERMS);
      // Both financiers request their exits; the notice passes before supA fails.
      await s.pool.connect(s.f1).requestWithdrawal(s.projectId);
      await s.pool.connect(s.f2).requestWithdrawal(2n);
      await increaseTime(ethers, TERMS.withdrawalNotice);
      return { ...s, bystander: 2n };
    }

    it("a queued job reserves only its projects: another project's financier withdraws at once", async function () {
      const s = await networkHelpers.loadFixture(queuedAndBystander);
      const { pool, projectId, bystander, f1, f2, keeper, supA } = s;
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], supA.address)).to.emit(pool, "Queued");
      expect((await pool.getPool(projectId)).reservedUntilJob).to.equal(1n);
      expect((await pool.getPool(bystander)).reservedUntilJob).to.equal(0n);

      await expect(pool.connect(f2).withdraw(bystander))
        .to.emit(pool, "Withdrawn")
        .withArgs(bystander, f2.address, 10_000_00n);
      await expect(pool.connect(f1).withdraw(projectId))
        .to.be.revertedWithCustomError(pool, "ContingencyPool_QueuePending")
        .withArgs(1n);
      await pool.connect(keeper).processQueue(10n);
      await expect(pool.connect(f1).withdraw(projectId)).to.emit(pool, "Withdrawn");
    });

    it("claim payouts never wait for the queue: claimRepayments pays a financier that still holds shares", async function () {
      const s = await networkHelpers.loadFixture(queuedAndBystander);
      const { pool, projectId, f1, firm, supB, supA } = s;
      // supB's disruption finances component 3 (ADV3); f1 exits into a claim, then commits again (shares).
      await report(ethers, s.oracle as never, [s.r1, s.r2], supB.address);
      await pool.connect(f1).withdraw(projectId);
      await pool.connect(f1).commit(projectId, 1_000_00n, TERMS);
      await pool.connect(f1).requestWithdrawal(projectId);
      await increaseTime(ethers, TERMS.withdrawalNotice);
      await expect(pool.connect(f1).claimRepayments(projectId))
        .to.be.revertedWithCustomError(pool, "ContingencyPool_NothingToWithdraw")
        .withArgs(projectId, f1.address);
      await pool.connect(firm).repay(projectId, (await pool.getPool(projectId)).outstanding);
      // supA's disruption is queued: f1's shares wait, its claim payout does not.
      await expect(report(ethers, s.oracle as never, [s.r1, s.r2], supA.address)).to.emit(pool, "Queued");
      await expect(pool.connect(f1).withdraw(projectId)).to.be.revertedWithCustomError(
        pool,
        "ContingencyPool_QueuePending",
      );
      const owed = (ADV3 * 60n) / 100n; // f1's 60% of the debt it kept, repaid in full
      const tx = pool.connect(f1).claimRepayments(projectId);
      await expect(tx).to.emit(pool, "Withdrawn").withArgs(projectId, f1.address, owed);
      expect((await pool.getPosition(projectId, f1.address)).shares).to.be.greaterThan(0n);
      expect((await pool.poolBalance(projectId)) + (await pool.poolBalance(s.bystander))).to.equal(
        await s.token.balanceOf(s.stack.addresses.pool),
      );
    });

    it("a gas-burning token in one project does not stop the financing of another project when the same supplier fails", async function () {
      const s = await networkHelpers.loadFixture(twoProjectsAndBurner);
      const { pool, projectId, burner, burnerProject, supA, s1, s2 } = s;
      await burner.setBurnGas(true);
      const tx = report(ethers, s.oracle as never, [s.r1, s.r2], supA.address);
      await expect(tx).to.emit(pool, "SubstituteFinanced").withArgs(projectId, s1.address, ADV1, 1n, supA.address, 1n);
      await expect(tx).to.emit(pool, "AdvanceOwed").withArgs(burnerProject, s2.address, 1_000n, 1n, supA.address, 1n);
      await expect(tx).to.emit(pool, "AdvanceOwed").withArgs(burnerProject, s.s3.address, 1_000n, 2n, supA.address, 1n);
      await expect(tx).not.to.emit(s.oracle, "SubscriberNotificationFailed");
      const receipt = await (await (tx as Promise<{ wait(): Promise<{ gasUsed: bigint }> }>)).wait();
      // The hostile transfer costs at most its bound.
      expect(receipt.gasUsed).to.be.lessThan(800_000n);
      expect(await pool.owedAdvance(burnerProject, s2.address)).to.equal(1_000n);
    });

    it("a caller that leaves too little gas for an advance's transfer gets ContingencyPool_InsufficientGas (never a false refusal)", async function () {
      const s = await networkHelpers.loadFixture(manyPairs);
      const { pool, keeper, supA } = s;
      await report(ethers, s.oracle as never, [s.r1, s.r2], supA.address);
      const bound = await pool.ADVANCE_TRANSFER_GAS();
      await expect(pool.connect(keeper).processQueue(1n, { gasLimit: 140_000 }))
        .to.be.revertedWithCustomError(pool, "ContingencyPool_InsufficientGas")
        .withArgs(anyValue, bound + bound / 63n + 10_000n);
      expect(await pool.pendingJobs()).to.equal(1n);
      await expect(pool.connect(keeper).processQueue(1n)).to.emit(pool, "SubstituteFinanced");
    });
  });
});

/** `committed`, plus project 2 of firm2 in a GasBurningToken with two components supplied by supA (substitutes s2, s3). */
async function twoProjectsAndBurner() {
  const s = await committed();
  const burner = await ethers.deployContract("GasBurningToken");
  // Even a token the admin listed (and that turned hostile later) is held to the transfer's gas bound.
  await s.pool.connect(s.admin).setProjectToken(await burner.getAddress(), true);
  const token = await burner.getAddress();
  const burnerProject = await createProject(s, { token, name: "hostile", budget: 1_000n, days: 90n });
  await defineAccepted(s, s.firm2, burnerProject, ethers.id("bait"), s.supA, [{ supplier: s.s2, advance: 1_000n }]);
  // Two components: on main each burning transfer left 1/64 of the gas, so the second could never finish.
  await defineAccepted(s, s.firm2, burnerProject, ethers.id("bait 2"), s.supA, [{ supplier: s.s3, advance: 1_000n }]);
  await passNotice(ethers);
  await burner.mint(s.firm2.address, 10_000n);
  await burner.connect(s.firm2).approve(s.stack.addresses.pool, 10_000n);
  await s.pool.connect(s.firm2).setPoolTerms(burnerProject, TERMS);
  await s.pool.connect(s.firm2).commit(burnerProject, 10_000n, TERMS);
  return { ...s, burner, burnerProject };
}

describe("the deployment names the tokens projects' pools may hold", function () {
  it("commit refuses a project in a token the admin did not list; the admin lists and unlists it, with events", async function () {
    const s = await networkHelpers.loadFixture(twoProjectsAndBurner);
    const { pool, admin, stranger } = s;
    const other = await ethers.deployContract("FalseReturningToken");
    const otherAddress = await other.getAddress();
    expect(await pool.isProjectToken(s.stack.addresses.token)).to.equal(true);
    expect(await pool.isProjectToken(otherAddress)).to.equal(false);
    const project3 = await createProject(s, {
      by: stranger,
      token: otherAddress,
      name: "stranger's",
      budget: 1_000n,
      days: 90n,
    });
    await other.mint(stranger.address, 10_000n);
    await other.connect(stranger).approve(s.stack.addresses.pool, 10_000n);
    await expect(pool.connect(stranger).commit(project3, 10_000n, TERMS))
      .to.be.revertedWithCustomError(pool, "ContingencyPool_TokenNotAllowed")
      .withArgs(project3, otherAddress);

    await expect(pool.connect(stranger).setProjectToken(otherAddress, true))
      .to.be.revertedWithCustomError(pool, "OwnableUnauthorizedAccount")
      .withArgs(stranger.address);
    await expect(pool.connect(admin).setProjectToken(ethers.ZeroAddress, true)).to.be.revertedWithCustomError(
      pool,
      "ContingencyPool_ZeroAddress",
    );
    await expect(pool.connect(admin).setProjectToken(otherAddress, true))
      .to.emit(pool, "ProjectTokenSet")
      .withArgs(otherAddress, true);
    // Terms that lend nothing: nothing is at risk, so the stranger's position may leave at once.
    const lendNothing = terms({ exposureBps: 0n, disruptionBps: 0n });
    await pool.connect(stranger).setPoolTerms(project3, lendNothing);
    await expect(pool.connect(stranger).commit(project3, 5_000n, lendNothing)).to.emit(pool, "Committed");
    // Unlisted again: no new commitment, but the pool already holding it still pays out.
    await expect(pool.connect(admin).setProjectToken(otherAddress, false))
      .to.emit(pool, "ProjectTokenSet")
      .withArgs(otherAddress, false);
    await expect(pool.connect(stranger).commit(project3, 5_000n, lendNothing))
      .to.be.revertedWithCustomError(pool, "ContingencyPool_TokenNotAllowed")
      .withArgs(project3, otherAddress);
    await expect(pool.connect(stranger).withdraw(project3))
      .to.emit(pool, "Withdrawn")
      .withArgs(project3, stranger.address, 5_000n);
  });
});
