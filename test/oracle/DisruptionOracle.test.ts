import { expect } from "chai";
import type { Signer } from "ethers";
import { network } from "hardhat";

import { REPORT_TYPES } from "../../scripts/lib/reporter.js";
import { Mode } from "../../web/src/generated/enums.js";

const { ethers, networkHelpers } = await network.getOrCreate();
const { time } = networkHelpers;

const DAY = 24 * 60 * 60;
const EVIDENCE = ethers.id("ipfs://factory-fire-inspection-report");
const RECOVERY_EVIDENCE = ethers.id("ipfs://production-restarted");

async function deployOracleFixture() {
  const [admin, guardian, r1, r2, r3, outsider, supplier, other] = await ethers.getSigners();
  const oracle = await ethers.deployContract("DisruptionOracle", [
    admin.address,
    guardian.address,
    DAY,
    [r1.address, r2.address, r3.address],
    2,
  ]);
  const subscriber = await ethers.deployContract("RecordingSubscriber");
  await oracle.connect(admin).addSubscriber(await subscriber.getAddress());
  return { oracle, subscriber, admin, guardian, r1, r2, r3, outsider, supplier, other };
}

async function now(): Promise<bigint> {
  return BigInt(await time.latest());
}

interface Report {
  supplier: string;
  disrupted: boolean;
  evidenceHash: string;
  observedAt: bigint;
  lastConfirmationId: bigint;
}

async function signReport(signer: Signer, verifyingContract: string, report: Report, chainId?: bigint) {
  const domain = {
    name: "RDCF Disruption Oracle",
    version: "1",
    chainId: chainId ?? (await ethers.provider.getNetwork()).chainId,
    verifyingContract,
  };
  return signer.signTypedData(domain, REPORT_TYPES, report);
}

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

  describe("subscribers", function () {
    it("never lets a reverting subscriber block a confirmation, and lets anyone deliver later", async function () {
      const { oracle, subscriber, r1, r2, outsider, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await subscriber.setMode(Mode.Revert);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      const reason = subscriber.interface.encodeErrorResult("RecordingSubscriber_Refused", [1]);
      await expect(oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now()))
        .to.emit(oracle, "SubscriberNotificationFailed")
        .withArgs(1, await subscriber.getAddress(), reason);
      expect(await oracle.isDisrupted(supplier.address)).to.equal(true);
      const pending = await oracle.pendingDelivery(1);
      expect([pending.supplier, pending.disrupted, pending.subscriberMask]).to.deep.equal([supplier.address, true, 1n]);

      // Still failing: the retry reports it again and keeps it pending.
      await expect(oracle.connect(outsider).deliver(1)).to.emit(oracle, "SubscriberNotificationFailed");
      expect((await oracle.pendingDelivery(1)).subscriberMask).to.equal(1n);

      await subscriber.setMode(Mode.Accept);
      await expect(oracle.connect(outsider).deliver(1))
        .to.emit(oracle, "SubscriberNotified")
        .withArgs(1, await subscriber.getAddress());
      expect(await subscriber.calls()).to.equal(1n);
      expect((await oracle.pendingDelivery(1)).subscriberMask).to.equal(0n);
      await expect(oracle.connect(outsider).deliver(1))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_NothingToDeliver")
        .withArgs(1);
    });

    it("retries only the subscribers that failed when several are subscribed", async function () {
      const { oracle, subscriber, admin, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const second = await ethers.deployContract("RecordingSubscriber");
      await oracle.connect(admin).addSubscriber(await second.getAddress());
      await second.setMode(Mode.Revert);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now());
      expect(await subscriber.calls()).to.equal(1n);
      expect((await oracle.pendingDelivery(1)).subscriberMask).to.equal(2n);
      await second.setMode(Mode.Accept);
      await expect(oracle.deliver(1))
        .to.emit(oracle, "SubscriberNotified")
        .withArgs(1, await second.getAddress());
      expect(await subscriber.calls()).to.equal(1n);
      expect(await second.calls()).to.equal(1n);
    });

    it("survives a subscriber that burns all the gas it is given", async function () {
      const { oracle, subscriber, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await subscriber.setMode(Mode.BurnGas);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await expect(
        oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now(), { gasLimit: 5_000_000 }),
      ).to.emit(oracle, "SubscriberNotificationFailed");
      expect(await oracle.isDisrupted(supplier.address)).to.equal(true);
      expect((await oracle.pendingDelivery(1)).subscriberMask).to.equal(1n);
    });

    it("manages subscriber slots: add, remove, reuse a free slot, refuse duplicates and a fifth", async function () {
      const { oracle, subscriber, admin } = await networkHelpers.loadFixture(deployOracleFixture);
      const address = await subscriber.getAddress();
      await expect(oracle.connect(admin).addSubscriber(address))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_SubscriberAlreadyAdded")
        .withArgs(address);
      await expect(oracle.connect(admin).addSubscriber(ethers.ZeroAddress)).to.be.revertedWithCustomError(
        oracle,
        "DisruptionOracle_ZeroAddress",
      );
      const deploySubscriber = async () => (await ethers.deployContract("RecordingSubscriber")).getAddress();
      const extra: string[] = [];
      for (let i = 0; i < 3; i++) extra.push(await deploySubscriber());
      for (const a of extra) await oracle.connect(admin).addSubscriber(a);
      await expect(oracle.connect(admin).addSubscriber(await deploySubscriber()))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_TooManySubscribers")
        .withArgs(4);
      await expect(oracle.connect(admin).removeSubscriber(extra[0]))
        .to.emit(oracle, "SubscriberRemoved")
        .withArgs(extra[0]);
      await expect(oracle.connect(admin).removeSubscriber(extra[0]))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_SubscriberNotFound")
        .withArgs(extra[0]);
      const replacement = await deploySubscriber();
      await oracle.connect(admin).addSubscriber(replacement);
      expect(await oracle.subscribers()).to.deep.equal([address, replacement, extra[1], extra[2]]);
    });

    it("skips a subscriber removed after its notification failed", async function () {
      const { oracle, subscriber, admin, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await subscriber.setMode(Mode.Revert);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now());
      await oracle.connect(admin).removeSubscriber(await subscriber.getAddress());
      await expect(oracle.deliver(1)).to.not.emit(oracle, "SubscriberNotified");
      expect((await oracle.pendingDelivery(1)).subscriberMask).to.equal(0n);
    });

    it("confirms without subscribers", async function () {
      const { oracle, subscriber, admin, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await oracle.connect(admin).removeSubscriber(await subscriber.getAddress());
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      await expect(oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now())).to.not.emit(
        oracle,
        "SubscriberNotified",
      );
      expect(await oracle.isDisrupted(supplier.address)).to.equal(true);
    });
  });

  describe("the oracle cannot be jammed (issue 13, 4d and 4e)", function () {
    it("addSubscriber refuses an address without code, whose notification would revert every confirming vote", async function () {
      const { oracle, admin, outsider } = await networkHelpers.loadFixture(deployOracleFixture);
      await expect(oracle.connect(admin).addSubscriber(outsider.address))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_SubscriberWithoutCode")
        .withArgs(outsider.address);
      expect(await oracle.subscribers()).to.have.length(1);
    });

    it("copies at most MAX_REASON_BYTES of a subscriber's huge revert payload, so the confirming vote still succeeds", async function () {
      const { oracle, subscriber, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      await subscriber.setMode(Mode.RevertHuge);
      const max = await oracle.MAX_REASON_BYTES();
      expect(await subscriber.HUGE_REASON_BYTES()).to.be.greaterThan(max * 1000n);
      await oracle.connect(r1).report(supplier.address, true, EVIDENCE, await now());
      // 3M gas: the subscriber's 400 kB payload costs it ~0.35M to return; copying and logging it whole would cost
      // the oracle ~3.5M more.
      const confirm = oracle.connect(r2).report(supplier.address, true, EVIDENCE, await now(), { gasLimit: 3_000_000 });
      // The reason is the payload's first MAX_REASON_BYTES bytes (zeros, unless an instrumented run left data).
      await expect(confirm)
        .to.emit(oracle, "SubscriberNotificationFailed")
        .withArgs(1n, await subscriber.getAddress(), (reason: string) => ethers.dataLength(reason) === Number(max));
      expect(await oracle.isDisrupted(supplier.address)).to.equal(true);
      expect((await oracle.pendingDelivery(1n)).subscriberMask).to.equal(1n);
      // A retry is bounded the same way, and succeeds once the subscriber accepts.
      await expect(oracle.deliver(1n, { gasLimit: 3_000_000 })).to.emit(oracle, "SubscriberNotificationFailed");
      await subscriber.setMode(Mode.Accept);
      await expect(oracle.deliver(1n)).to.emit(oracle, "SubscriberNotified");
    });

    it("a relayed batch skips a signature someone relayed first, and still confirms with the rest", async function () {
      const { oracle, subscriber, r1, r2, outsider, other, supplier } =
        await networkHelpers.loadFixture(deployOracleFixture);
      const report: Report = {
        supplier: supplier.address,
        disrupted: true,
        evidenceHash: EVIDENCE,
        observedAt: await now(),
        lastConfirmationId: 0n,
      };
      const address = await oracle.getAddress();
      const s1 = await signReport(r1, address, report);
      const s2 = await signReport(r2, address, report);
      // A griefer copies r1's signature from the mempool and relays it first.
      await oracle.connect(other).submitSignedReports(report, [s1]);
      const batch = oracle.connect(outsider).submitSignedReports(report, [s1, s2, s2]);
      await expect(batch)
        .to.emit(oracle, "DisruptionReported")
        .withArgs(supplier.address, r2.address, true, EVIDENCE, report.observedAt, 2n, 2n);
      await expect(batch).to.emit(oracle, "DisruptionConfirmed").withArgs(supplier.address, 1n, EVIDENCE);
      expect(await subscriber.calls()).to.equal(1n);
    });

    it("a relayed batch in which no signature counts reverts with DisruptionOracle_DuplicateVote", async function () {
      const { oracle, r1, outsider, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const report: Report = {
        supplier: supplier.address,
        disrupted: true,
        evidenceHash: EVIDENCE,
        observedAt: await now(),
        lastConfirmationId: 0n,
      };
      const s1 = await signReport(r1, await oracle.getAddress(), report);
      await oracle.connect(outsider).submitSignedReports(report, [s1]);
      await expect(oracle.connect(outsider).submitSignedReports(report, [s1, s1]))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_DuplicateVote")
        .withArgs(supplier.address, r1.address);
      expect((await oracle.openRound(supplier.address)).votes).to.equal(1n);
    });
  });

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

  describe("submitSignedReports", function () {
    it("lets one relayer carry a whole quorum of EIP-712 signatures and confirm", async function () {
      const { oracle, subscriber, r1, r2, outsider, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const report: Report = {
        supplier: supplier.address,
        disrupted: true,
        evidenceHash: EVIDENCE,
        observedAt: await now(),
        lastConfirmationId: 0n,
      };
      const address = await oracle.getAddress();
      const signatures = [await signReport(r1, address, report), await signReport(r2, address, report)];
      expect(await oracle.reportDigest(report)).to.equal(
        ethers.TypedDataEncoder.hash(
          {
            name: "RDCF Disruption Oracle",
            version: "1",
            chainId: (await ethers.provider.getNetwork()).chainId,
            verifyingContract: address,
          },
          REPORT_TYPES,
          report,
        ),
      );
      await expect(oracle.connect(outsider).submitSignedReports(report, signatures))
        .to.emit(oracle, "DisruptionConfirmed")
        .withArgs(supplier.address, 1, EVIDENCE);
      expect(await subscriber.calls()).to.equal(1n);
    });

    it("refuses replayed signatures: in the same round, and after the state flipped", async function () {
      const { oracle, r1, r2, r3, outsider, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const report: Report = {
        supplier: supplier.address,
        disrupted: true,
        evidenceHash: EVIDENCE,
        observedAt: await now(),
        lastConfirmationId: 0n,
      };
      const address = await oracle.getAddress();
      const s1 = await signReport(r1, address, report);
      await oracle.connect(outsider).submitSignedReports(report, [s1]);
      await expect(oracle.connect(outsider).submitSignedReports(report, [s1]))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_DuplicateVote")
        .withArgs(supplier.address, r1.address);
      await oracle.connect(outsider).submitSignedReports(report, [await signReport(r2, address, report)]);
      expect(await oracle.isDisrupted(supplier.address)).to.equal(true);
      // Recover, then try to replay the old "disrupted" signatures.
      await time.increase(60);
      await oracle.connect(r1).report(supplier.address, false, RECOVERY_EVIDENCE, await now());
      await oracle.connect(r3).report(supplier.address, false, RECOVERY_EVIDENCE, await now());
      await expect(oracle.connect(outsider).submitSignedReports(report, [s1]))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_OutdatedReport")
        .withArgs(supplier.address, 2, 0);
    });

    it("refuses a signature made for another domain (chain id) as an unknown reporter", async function () {
      const { oracle, r1, outsider, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const report: Report = {
        supplier: supplier.address,
        disrupted: true,
        evidenceHash: EVIDENCE,
        observedAt: await now(),
        lastConfirmationId: 0n,
      };
      const foreign = await signReport(r1, await oracle.getAddress(), report, 1n);
      await expect(oracle.connect(outsider).submitSignedReports(report, [foreign])).to.be.revertedWithCustomError(
        oracle,
        "DisruptionOracle_UnknownReporter",
      );
    });

    it("reverts with DisruptionOracle_NoSignatures for an empty list", async function () {
      const { oracle, outsider, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const report: Report = {
        supplier: supplier.address,
        disrupted: true,
        evidenceHash: EVIDENCE,
        observedAt: await now(),
        lastConfirmationId: 0n,
      };
      await expect(oracle.connect(outsider).submitSignedReports(report, [])).to.be.revertedWithCustomError(
        oracle,
        "DisruptionOracle_NoSignatures",
      );
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
