/**
 * DisruptionOracle — reporters' votes and the quorum: deployment, a report's checks, rounds, and changes to the
 * reporter set and quorum.
 */
import { expect } from "chai";

import {
  DAY,
  deployOracleFixture,
  ethers,
  EVIDENCE,
  networkHelpers,
  now,
  RECOVERY_EVIDENCE,
  time,
} from "./fixtures.js";

describe("DisruptionOracle", function () {
  describe("deployment", function () {
    it("starts with the given reporters, quorum and max report age", async function () {
      const { oracle, r1, outsider } = await networkHelpers.loadFixture(deployOracleFixture);
      const [reporterCount, quorum, maxReportAge, paused, lastConfirmationId] = await oracle.config();
      expect([reporterCount, quorum, maxReportAge, paused, lastConfirmationId]).to.deep.equal([
        3n,
        2n,
        BigInt(DAY),
        false,
        0n,
      ]);
      expect(await oracle.isReporter(r1.address)).to.equal(true);
      expect(await oracle.isReporter(outsider.address)).to.equal(false);
    });

    it("refuses a zero admin, a zero max age, a zero reporter and a quorum above N", async function () {
      const [a, b, c] = await ethers.getSigners();
      const factory = await ethers.getContractFactory("DisruptionOracle");
      const oracle = await networkHelpers.loadFixture(deployOracleFixture).then((f) => f.oracle);
      await expect(factory.deploy(ethers.ZeroAddress, b.address, DAY, [c.address], 1)).to.be.revertedWithCustomError(
        oracle,
        "DisruptionOracle_ZeroAddress",
      );
      await expect(factory.deploy(a.address, b.address, 0, [c.address], 1))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_InvalidMaxReportAge")
        .withArgs(0);
      await expect(factory.deploy(a.address, b.address, DAY, [ethers.ZeroAddress], 1)).to.be.revertedWithCustomError(
        oracle,
        "DisruptionOracle_ZeroAddress",
      );
      await expect(factory.deploy(a.address, b.address, DAY, [c.address], 2))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_InvalidQuorum")
        .withArgs(2, 1);
      await expect(factory.deploy(a.address, b.address, DAY, [c.address, c.address], 1))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_ReporterAlreadyActive")
        .withArgs(c.address);
    });
  });

  describe("report", function () {
    it("counts a vote below the quorum without changing the state", async function () {
      const { oracle, subscriber, r1, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const observedAt = await now();
      await expect(oracle.connect(r1).report(supplier.address, true, EVIDENCE, observedAt))
        .to.emit(oracle, "DisruptionReported")
        .withArgs(supplier.address, r1.address, true, EVIDENCE, observedAt, 1, 2);
      expect(await oracle.isDisrupted(supplier.address)).to.equal(false);
      const [votes] = await oracle.openRound(supplier.address);
      expect(votes).to.equal(1n);
      expect(await oracle.hasVoted(supplier.address, r1.address)).to.equal(true);
      expect(await subscriber.calls()).to.equal(0n);
    });

    it("confirms on the vote that reaches the quorum and notifies subscribers in the same transaction", async function () {
      const { oracle, subscriber, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const observedAt = await now();
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, observedAt);
      const tx = oracle.connect(r2).report(supplier.address, true, EVIDENCE, observedAt);
      await expect(tx).to.emit(oracle, "DisruptionConfirmed").withArgs(supplier.address, 1, EVIDENCE);
      await expect(tx)
        .to.emit(oracle, "SubscriberNotified")
        .withArgs(1, await subscriber.getAddress());
      expect(await oracle.isDisrupted(supplier.address)).to.equal(true);
      const [disrupted, since, confirmationId] = await oracle.supplierStatus(supplier.address);
      expect([disrupted, since, confirmationId]).to.deep.equal([true, await now(), 1n]);
      expect(await subscriber.calls()).to.equal(1n);
      expect(await subscriber.lastSupplier()).to.equal(supplier.address);
      expect(await subscriber.lastDisrupted()).to.equal(true);
      expect(await subscriber.lastConfirmationId()).to.equal(1n);
      const [votes, startedAt] = await oracle.openRound(supplier.address);
      expect([votes, startedAt]).to.deep.equal([0n, 0n]);
    });

    it("confirms a recovery after a disruption, with the next confirmation id", async function () {
      const { oracle, subscriber, r1, r2, r3, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now());
      await time.increase(3600);
      await oracle.connect(r3).report(supplier.address, false, RECOVERY_EVIDENCE, await now());
      await expect(oracle.connect(r1).report(supplier.address, false, RECOVERY_EVIDENCE, await now()))
        .to.emit(oracle, "RecoveryConfirmed")
        .withArgs(supplier.address, 2, RECOVERY_EVIDENCE);
      expect(await oracle.isDisrupted(supplier.address)).to.equal(false);
      expect(await subscriber.lastDisrupted()).to.equal(false);
      expect(await subscriber.lastConfirmationId()).to.equal(2n);
    });

    it("reverts with DisruptionOracle_UnknownReporter for a non-reporter", async function () {
      const { oracle, outsider, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await expect(oracle.connect(outsider).report(supplier.address, true, EVIDENCE, await now()))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_UnknownReporter")
        .withArgs(outsider.address);
    });

    it("reverts with DisruptionOracle_DuplicateVote for a second vote in the same round", async function () {
      const { oracle, r1, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await expect(oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now()))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_DuplicateVote")
        .withArgs(supplier.address, r1.address);
    });

    it("reverts with DisruptionOracle_ObservedInFuture for a timestamp after the block", async function () {
      const { oracle, r1, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const future = (await now()) + 600n;
      await expect(oracle.connect(r1).report(supplier.address, true, EVIDENCE, future)).to.be.revertedWithCustomError(
        oracle,
        "DisruptionOracle_ObservedInFuture",
      );
    });

    it("reverts with DisruptionOracle_StaleReport for an observation older than the max age", async function () {
      const { oracle, r1, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const observedAt = await now();
      await time.increase(DAY + 10);
      await expect(oracle.connect(r1).report(supplier.address, true, EVIDENCE, observedAt))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_StaleReport")
        .withArgs(observedAt, (await now()) + 1n - BigInt(DAY));
    });

    it("reverts with DisruptionOracle_ReportWouldNotChangeState for 'recovered' on a healthy supplier (no mixed rounds)", async function () {
      const { oracle, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      // A conflicting "recovered" vote in the same round cannot be cast: the supplier is not disrupted.
      await expect(oracle.connect(r2).report(supplier.address, false, EVIDENCE, await now()))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_ReportWouldNotChangeState")
        .withArgs(supplier.address, false);
      const [votes] = await oracle.openRound(supplier.address);
      expect(votes).to.equal(1n);
    });

    it("reverts with DisruptionOracle_ReportPredatesLastConfirmation for a stale 'disrupted' after a recovery", async function () {
      const { oracle, subscriber, r1, r2, r3, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const firstObservation = await now();
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, firstObservation);
      await oracle.connect(r2).report(supplier.address, true, EVIDENCE, firstObservation);
      await time.increase(60);
      await oracle.connect(r1).report(supplier.address, false, RECOVERY_EVIDENCE, await now());
      await oracle.connect(r2).report(supplier.address, false, RECOVERY_EVIDENCE, await now());
      const [, recoveredAt] = await oracle.supplierStatus(supplier.address);
      // r3 replays the old observation of the fire: it predates the confirmed recovery.
      await expect(oracle.connect(r3).report(supplier.address, true, EVIDENCE, firstObservation))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_ReportPredatesLastConfirmation")
        .withArgs(supplier.address, firstObservation, recoveredAt);
      expect(await subscriber.calls()).to.equal(2n);
    });

    it("lets an expired round's ballots lapse: a vote after the max age starts a new round", async function () {
      const { oracle, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await time.increase(DAY + 1);
      expect((await oracle.openRound(supplier.address))[0]).to.equal(0n);
      const observedAt = await now();
      await expect(oracle.connect(r2).report(supplier.address, true, EVIDENCE, observedAt))
        .to.emit(oracle, "DisruptionReported")
        .withArgs(supplier.address, r2.address, true, EVIDENCE, observedAt, 1, 2);
      expect(await oracle.isDisrupted(supplier.address)).to.equal(false);
    });
  });

  describe("reporter set and quorum", function () {
    it("drops a removed reporter's pending vote", async function () {
      const { oracle, admin, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await expect(oracle.connect(admin).removeReporter(r1.address))
        .to.emit(oracle, "ReporterRemoved")
        .withArgs(r1.address);
      expect((await oracle.openRound(supplier.address))[0]).to.equal(0n);
      expect(await oracle.hasVoted(supplier.address, r1.address)).to.equal(false);
      await oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now());
      expect(await oracle.isDisrupted(supplier.address)).to.equal(false);
      await expect(oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now()))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_UnknownReporter")
        .withArgs(r1.address);
    });

    it("does not revive a removed reporter's vote when the same address is added again", async function () {
      const { oracle, admin, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await oracle.connect(admin).removeReporter(r1.address);
      await expect(oracle.connect(admin).addReporter(r1.address))
        .to.emit(oracle, "ReporterAdded")
        .withArgs(r1.address, 3);
      expect(await oracle.hasVoted(supplier.address, r1.address)).to.equal(false);
      await oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now());
      expect(await oracle.isDisrupted(supplier.address)).to.equal(false);
    });

    it("refuses to remove a reporter when the quorum would exceed the reporters left", async function () {
      const { oracle, admin, r1, r2, r3 } = await networkHelpers.loadFixture(deployOracleFixture);
      await oracle.connect(admin).removeReporter(r1.address);
      await expect(oracle.connect(admin).removeReporter(r2.address))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_InvalidQuorum")
        .withArgs(2, 1);
      await oracle.connect(admin).setQuorum(1);
      await oracle.connect(admin).removeReporter(r2.address);
      expect((await oracle.config())[0]).to.equal(1n);
      expect(await oracle.isReporter(r3.address)).to.equal(true);
    });

    it("keeps votes across a quorum change mid-round: a raised quorum needs more votes", async function () {
      const { oracle, admin, r1, r2, r3, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await expect(oracle.connect(admin).setQuorum(3)).to.emit(oracle, "QuorumChanged").withArgs(3, 3);
      await oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now());
      expect(await oracle.isDisrupted(supplier.address)).to.equal(false);
      await oracle.connect(r3).report(supplier.address, true, EVIDENCE, await now());
      expect(await oracle.isDisrupted(supplier.address)).to.equal(true);
    });

    it("keeps votes across a quorum change mid-round: a lowered quorum confirms on the next vote", async function () {
      const { oracle, admin, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await oracle.connect(admin).setQuorum(3);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await oracle.connect(admin).setQuorum(2);
      await oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now());
      expect(await oracle.isDisrupted(supplier.address)).to.equal(true);
    });

    it("reverts with DisruptionOracle_InvalidQuorum for 0 or above N", async function () {
      const { oracle, admin } = await networkHelpers.loadFixture(deployOracleFixture);
      await expect(oracle.connect(admin).setQuorum(0))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_InvalidQuorum")
        .withArgs(0, 3);
      await expect(oracle.connect(admin).setQuorum(4))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_InvalidQuorum")
        .withArgs(4, 3);
    });

    it("reverts when adding an active reporter, a zero reporter, or removing a stranger", async function () {
      const { oracle, admin, r1, outsider } = await networkHelpers.loadFixture(deployOracleFixture);
      await expect(oracle.connect(admin).addReporter(r1.address))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_ReporterAlreadyActive")
        .withArgs(r1.address);
      await expect(oracle.connect(admin).addReporter(ethers.ZeroAddress)).to.be.revertedWithCustomError(
        oracle,
        "DisruptionOracle_ZeroAddress",
      );
      await expect(oracle.connect(admin).removeReporter(outsider.address))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_UnknownReporter")
        .withArgs(outsider.address);
    });

    it("reverts with DisruptionOracle_ReporterCapacityReached after 64 reporter slots", async function () {
      const { oracle, admin } = await networkHelpers.loadFixture(deployOracleFixture);
      for (let i = 3; i < 64; i++) {
        await oracle.connect(admin).addReporter(ethers.Wallet.createRandom().address);
      }
      await expect(oracle.connect(admin).addReporter(ethers.Wallet.createRandom().address))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_ReporterCapacityReached")
        .withArgs(64);
    });
  });
});
