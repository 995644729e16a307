/**
 * The failover path against a stranger, a dishonest party and a hostile token or subscriber (issue 13, the pool and
 * oracle parts): each `describe` is one defence, each test first shows the attack that today's main allowed.
 */
import { expect } from "chai";
import { network } from "hardhat";

import { commitBoth, deployScenario, expectPoolIdentity, report } from "./fixtures.js";

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
});
