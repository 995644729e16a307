/**
 * The failover path against a stranger, a dishonest party and a hostile token or subscriber (issue 13, the pool and
 * oracle parts): each `describe` is one defence, each test first shows the attack that today's main allowed.
 */
import { expect } from "chai";
import { network } from "hardhat";

import { ADV1, ADV2, DAY, commitBoth, deployScenario, expectPoolIdentity, report } from "./fixtures.js";

const { ethers, networkHelpers } = await network.getOrCreate();

/** Both financiers committed (60k + 40k), and supA supplies 6 components: 4 handled in the oracle's transaction. */
async function sixPairs() {
  const s = await commitBoth(await deployScenario(ethers));
  for (let i = 0; i < 4; i++) {
    await s.registry
      .connect(s.firm)
      .defineComponent(s.projectId, ethers.id(`part ${i}`), s.supA.address, [
        { supplier: s.s1.address, advance: 1_000_00n },
      ]);
  }
  return s;
}

/** SupplyChainTypes.SkipReason. */
const Skip = { NoHealthySubstitute: 0n, InsufficientLiquidity: 1n, ProjectClosed: 4n } as const;
/** EscrowTypes.ProjectStatus. */
const Status = { Active: 1n, Completed: 2n, Failed: 3n, Cancelled: 4n } as const;

/** `commitBoth`, plus project 2 of firm2 (same token) whose component 1 is supplied by supA too, with s2 as substitute. */
async function twoProjects() {
  const s = await commitBoth(await deployScenario(ethers));
  const now = BigInt((await ethers.provider.getBlock("latest"))!.timestamp);
  await s.escrow
    .connect(s.firm2)
    .createProject(s.stack.addresses.token, s.verifier.address, ethers.id("fuel-cell catalyst"), [
      { budget: 100_000_00n, deadline: now + 90n * DAY, stage: 0 },
    ]);
  const project2 = 2n;
  await s.registry
    .connect(s.firm2)
    .defineComponent(project2, ethers.id("platinum"), s.supA.address, [{ supplier: s.s2.address, advance: 5_000_00n }]);
  await s.pool.connect(s.f1).commit(project2, 10_000_00n, 10_000_00n, 10_000_00n);
  return { ...s, project2 };
}

describe("ContingencyPool hardening (issue 13)", function () {
  describe("pause means pause: the guardian's switch holds queued financing too", function () {
    it("processQueue refuses while triggers are paused and finances the queued pairs once they resume", async function () {
      const s = await networkHelpers.loadFixture(sixPairs);
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

      await expect(pool.connect(f2).commit(projectId, 1_000_00n, 0n, 0n))
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

    it("a project the escrow completed takes no commitment either", async function () {
      const s = await networkHelpers.loadFixture(twoProjects);
      const { escrow, pool, project2, firm2, verifier, f2 } = s;
      await s.token.connect(f2).approve(s.stack.addresses.escrow, 100_000_00n);
      await escrow.connect(f2).fund(project2, 100_000_00n);
      await escrow.connect(firm2).submitMilestone(project2, 0n, ethers.id("evidence"));
      await escrow.connect(verifier).approveMilestone(project2, 0n);
      await escrow.connect(firm2).completeProject(project2);
      await expect(pool.connect(f2).commit(project2, 1_000_00n, 0n, 0n))
        .to.be.revertedWithCustomError(pool, "ContingencyPool_ProjectNotActive")
        .withArgs(project2, Status.Completed);
    });
  });
});
