/**
 * DisruptionOracle — signed reports (EIP-712): a relayer carrying a quorum of signatures, replays, domains, and
 * relayed batches.
 */
import { expect } from "chai";

import { REPORT_TYPES } from "../../scripts/reporter/reporter.js";
import {
  disruptionReportFixture,
  ethers,
  EVIDENCE,
  networkHelpers,
  now,
  RECOVERY_EVIDENCE,
  signReport,
  time,
} from "./fixtures.js";

describe("DisruptionOracle", function () {
  describe("submitSignedReports", function () {
    it("lets one relayer carry a whole quorum of EIP-712 signatures and confirm", async function () {
      const { oracle, subscriber, r1, r2, outsider, supplier, report, address } =
        await networkHelpers.loadFixture(disruptionReportFixture);
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
      const { oracle, r1, r2, r3, outsider, supplier, report, address } =
        await networkHelpers.loadFixture(disruptionReportFixture);
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
      const { oracle, r1, outsider, report, address } = await networkHelpers.loadFixture(disruptionReportFixture);
      const foreign = await signReport(r1, address, report, 1n);
      await expect(oracle.connect(outsider).submitSignedReports(report, [foreign])).to.be.revertedWithCustomError(
        oracle,
        "DisruptionOracle_UnknownReporter",
      );
    });

    it("reverts with DisruptionOracle_NoSignatures for an empty list", async function () {
      const { oracle, outsider, report } = await networkHelpers.loadFixture(disruptionReportFixture);
      await expect(oracle.connect(outsider).submitSignedReports(report, [])).to.be.revertedWithCustomError(
        oracle,
        "DisruptionOracle_NoSignatures",
      );
    });
  });

  describe("the oracle cannot be jammed (issue 13, 4d and 4e)", function () {
    it("a relayed batch skips a signature someone relayed first, and still confirms with the rest", async function () {
      const { oracle, subscriber, r1, r2, outsider, other, supplier, report, address } =
        await networkHelpers.loadFixture(disruptionReportFixture);
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
      const { oracle, r1, outsider, supplier, report, address } =
        await networkHelpers.loadFixture(disruptionReportFixture);
      const s1 = await signReport(r1, address, report);
      await oracle.connect(outsider).submitSignedReports(report, [s1]);
      await expect(oracle.connect(outsider).submitSignedReports(report, [s1, s1]))
        .to.be.revertedWithCustomError(oracle, "DisruptionOracle_DuplicateVote")
        .withArgs(supplier.address, r1.address);
      expect((await oracle.openRound(supplier.address)).votes).to.equal(1n);
    });
  });
});
