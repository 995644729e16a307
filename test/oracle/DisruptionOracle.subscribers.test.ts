/**
 * DisruptionOracle — subscribers and delivery: notification in the confirming transaction, failed notifications
 * delivered later, slots, and subscribers that try to jam the oracle.
 */
import { expect } from "chai";

import { Mode } from "../../web/src/generated/enums.js";
import { deployOracleFixture, ethers, EVIDENCE, networkHelpers, now } from "./fixtures.js";

describe("DisruptionOracle", function () {
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
  });
});
