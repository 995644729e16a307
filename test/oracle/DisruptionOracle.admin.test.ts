/**
 * DisruptionOracle — administration: the guardian's pause and who may manage reporters, quorum and subscribers.
 */
import { expect } from "chai";

import { deployOracleFixture, EVIDENCE, networkHelpers, now } from "./fixtures.js";

describe("DisruptionOracle", function () {
  describe("guardian pause", function () {
    it("records confirmations while paused and delivers them after unpause", async function () {
      const { oracle, subscriber, guardian, r1, r2, supplier, outsider } =
        await networkHelpers.loadFixture(deployOracleFixture);
      await expect(oracle.connect(guardian).pause()).to.emit(oracle, "TriggersPaused").withArgs(true);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await expect(oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now()))
        .to.emit(oracle, "NotificationsDeferred")
        .withArgs(1);
      expect(await oracle.isDisrupted(supplier.address)).to.equal(true);
      expect(await subscriber.calls()).to.equal(0n);
      await expect(oracle.connect(outsider).deliver(1)).to.be.revertedWithCustomError(
        oracle,
        "DisruptionOracle_TriggersPaused",
      );
      await expect(oracle.connect(guardian).unpause()).to.emit(oracle, "TriggersPaused").withArgs(false);
      await oracle.connect(outsider).deliver(1);
      expect(await subscriber.calls()).to.equal(1n);
    });

    it("reverts with DisruptionOracle_PauseUnchanged when nothing changes", async function () {
      const { oracle, guardian } = await networkHelpers.loadFixture(deployOracleFixture);
      await expect(oracle.connect(guardian).unpause())
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_PauseUnchanged")
        .withArgs(false);
      await oracle.connect(guardian).pause();
      await expect(oracle.connect(guardian).pause())
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_PauseUnchanged")
        .withArgs(true);
    });
  });

  describe("access control", function () {
    it("lets only the admin manage reporters, quorum and subscribers, and only the guardian pause", async function () {
      const { oracle, admin, guardian, r1, outsider } = await networkHelpers.loadFixture(deployOracleFixture);
      const adminRole = await oracle.DEFAULT_ADMIN_ROLE();
      const guardianRole = await oracle.GUARDIAN_ROLE();
      for (const caller of [guardian, r1, outsider]) {
        const calls = [
          oracle.connect(caller).addReporter(outsider.address),
          oracle.connect(caller).removeReporter(r1.address),
          oracle.connect(caller).setQuorum(1),
          oracle.connect(caller).addSubscriber(outsider.address),
          oracle.connect(caller).removeSubscriber(outsider.address),
        ];
        for (const call of calls) {
          await expect(call)
            .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
            .withArgs(caller.address, adminRole);
        }
      }
      for (const caller of [admin, r1, outsider]) {
        await expect(oracle.connect(caller).pause())
          .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, guardianRole);
        await expect(oracle.connect(caller).unpause())
          .to.be.revertedWithCustomError(oracle, "AccessControlUnauthorizedAccount")
          .withArgs(caller.address, guardianRole);
      }
    });
  });
});
