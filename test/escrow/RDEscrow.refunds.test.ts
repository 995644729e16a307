import { expect } from "chai";
import { network } from "hardhat";

import {
  approvedProjectFixture,
  BUDGETS,
  Category,
  createdProjectFixture,
  expectAccounting,
  fundAs,
  fundedProjectFixture,
  ProjectStatus,
} from "../helpers/escrow.js";

const { ethers, networkHelpers } = await network.getOrCreate();

describe("RDEscrow failure and refunds", function () {
  /** Approved milestone 0, 123,456.78 paid to supplier A, then milestone 1 misses its deadline. */
  async function failedProjectFixture() {
    const base = await approvedProjectFixture();
    const { escrow, firm, supplierA, projectId, milestones } = base;
    await escrow
      .connect(firm)
      .disburse(projectId, 0n, supplierA.address, 123_456_78n, Category.DirectInputs, ethers.id("inv"));
    await networkHelpers.time.increaseTo(milestones[1].deadline + 1n);
    return base;
  }

  describe("markFailed", function () {
    it("lets anyone fail a project whose next milestone missed its deadline, and opens refunds", async function () {
      const { escrow, stranger, projectId } = await networkHelpers.loadFixture(failedProjectFixture);
      const refundable = 1_000_000_00n - 123_456_78n;
      await expect(escrow.connect(stranger).markFailed(projectId))
        .to.emit(escrow, "ProjectFailed")
        .withArgs(projectId, 1n, refundable);
      const view = await escrow.getProject(projectId);
      expect(view.status).to.equal(ProjectStatus.Failed);
      expect(view.refundable).to.equal(refundable);
    });

    it("reverts with RDEscrow_DeadlineNotPassed while the next milestone is still in time", async function () {
      const { escrow, stranger, projectId, milestones } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(escrow.connect(stranger).markFailed(projectId))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_DeadlineNotPassed")
        .withArgs(projectId, 1n, milestones[1].deadline);
    });

    it("reverts with RDEscrow_AllMilestonesApproved once every milestone is approved", async function () {
      const { escrow, firm, verifier, stranger, projectId, milestones } =
        await networkHelpers.loadFixture(fundedProjectFixture);
      for (let i = 0n; i < 4n; i++) {
        await escrow.connect(firm).submitMilestone(projectId, i, ethers.id(`evidence ${i}`), "");
        await escrow.connect(verifier).approveMilestone(projectId, i);
      }
      await networkHelpers.time.increaseTo(milestones[3].deadline + 1n);
      await expect(escrow.connect(stranger).markFailed(projectId))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_AllMilestonesApproved")
        .withArgs(projectId);
    });

    it("reverts with RDEscrow_ProjectNotActive or RDEscrow_ProjectNotFound", async function () {
      const { escrow, stranger, projectId } = await networkHelpers.loadFixture(failedProjectFixture);
      await escrow.connect(stranger).markFailed(projectId);
      await expect(escrow.connect(stranger).markFailed(projectId))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotActive")
        .withArgs(projectId, ProjectStatus.Failed);
      await expect(escrow.connect(stranger).markFailed(9n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
        .withArgs(9n);
    });
  });

  describe("cancelProject", function () {
    it("lets the firm cancel; the unspent balance becomes refundable", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await expect(escrow.connect(firm).cancelProject(projectId))
        .to.emit(escrow, "ProjectCancelled")
        .withArgs(projectId, 1_000_000_00n);
    });

    it("reverts with RDEscrow_CallerNotFirm for anyone else, and RDEscrow_ProjectNotActive twice", async function () {
      const { escrow, firm, verifier, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await expect(escrow.connect(verifier).cancelProject(projectId))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotFirm")
        .withArgs(projectId, verifier.address);
      await escrow.connect(firm).cancelProject(projectId);
      await expect(escrow.connect(firm).cancelProject(projectId))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotActive")
        .withArgs(projectId, ProjectStatus.Cancelled);
    });
  });

  describe("completeProject", function () {
    it("reverts with RDEscrow_MilestonesPending before every milestone is approved", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(escrow.connect(firm).completeProject(projectId))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestonesPending")
        .withArgs(projectId, 1n, 4n);
    });
  });

  describe("claimRefund", function () {
    it("pays every financier pro rata; the refunds sum exactly to the unspent balance", async function () {
      const { escrow, token, stranger, f1, f2, f3, projectId, contributions } =
        await networkHelpers.loadFixture(failedProjectFixture);
      await escrow.connect(stranger).markFailed(projectId);
      const refundable = 1_000_000_00n - 123_456_78n;
      const funded = 1_000_000_00n;
      const financiers = [f1, f2, f3];
      let paid = 0n;
      for (const [i, f] of financiers.entries()) {
        const [contributed, claimable, claimed] = await escrow.getPosition(projectId, f.address);
        expect([contributed, claimed]).to.deep.equal([contributions[i], false]);
        const expected = i < 2 ? (refundable * contributions[i]) / funded : refundable - paid;
        expect(claimable).to.equal(expected);
        const before = await token.balanceOf(f.address);
        await expect(escrow.connect(f).claimRefund(projectId))
          .to.emit(escrow, "Refunded")
          .withArgs(projectId, f.address, expected);
        expect((await token.balanceOf(f.address)) - before).to.equal(expected);
        expect(await escrow.getPosition(projectId, f.address)).to.deep.equal([contributions[i], 0n, true]);
        paid += expected;
        await expectAccounting(escrow, token, [projectId]);
      }
      expect(paid).to.equal(refundable);
      expect(await token.balanceOf(await escrow.getAddress())).to.equal(0n);
      const view = await escrow.getProject(projectId);
      expect([view.refunded, view.held]).to.deep.equal([refundable, 0n]);
    });

    it("gives the rounding dust to the last claimer, whoever it is", async function () {
      const { escrow, token, firm, verifier, supplierA, f1, f2, f3, projectId } =
        await networkHelpers.loadFixture(createdProjectFixture);
      for (const f of [f1, f2, f3]) await fundAs(escrow, token, f, projectId, BUDGETS[0] / 3n + 1n);
      await escrow.connect(firm).submitMilestone(projectId, 0n, ethers.id("e"), "");
      await escrow.connect(verifier).approveMilestone(projectId, 0n);
      await escrow
        .connect(firm)
        .disburse(projectId, 0n, supplierA.address, 1n, Category.OtherRelated, ethers.id("inv"));
      await escrow.connect(firm).cancelProject(projectId);
      const funded = 3n * (BUDGETS[0] / 3n + 1n);
      const refundable = funded - 1n;
      const share = (refundable * (funded / 3n)) / funded;
      await expect(escrow.connect(f3).claimRefund(projectId))
        .to.emit(escrow, "Refunded")
        .withArgs(projectId, f3.address, share);
      await expect(escrow.connect(f1).claimRefund(projectId))
        .to.emit(escrow, "Refunded")
        .withArgs(projectId, f1.address, share);
      await expect(escrow.connect(f2).claimRefund(projectId))
        .to.emit(escrow, "Refunded")
        .withArgs(projectId, f2.address, refundable - 2n * share);
      expect(refundable - 2n * share).to.be.greaterThan(share);
      expect(await token.balanceOf(await escrow.getAddress())).to.equal(0n);
    });

    it("emits Refunded(0) without a transfer when a share rounds to nothing", async function () {
      const { escrow, token, firm, verifier, supplierA, f1, f2, projectId } =
        await networkHelpers.loadFixture(createdProjectFixture);
      await fundAs(escrow, token, f1, projectId, 1n);
      await fundAs(escrow, token, f2, projectId, BUDGETS[0] - 1n);
      await escrow.connect(firm).submitMilestone(projectId, 0n, ethers.id("e"), "");
      await escrow.connect(verifier).approveMilestone(projectId, 0n);
      await escrow
        .connect(firm)
        .disburse(projectId, 0n, supplierA.address, 2n, Category.OtherRelated, ethers.id("inv"));
      await escrow.connect(firm).cancelProject(projectId);
      await expect(escrow.connect(f1).claimRefund(projectId))
        .to.emit(escrow, "Refunded")
        .withArgs(projectId, f1.address, 0n)
        .and.not.to.emit(token, "Transfer");
      await escrow.connect(f2).claimRefund(projectId);
      expect(await token.balanceOf(await escrow.getAddress())).to.equal(0n);
    });

    it("reverts with RDEscrow_RefundsNotOpen while the project is active", async function () {
      const { escrow, f1, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await expect(escrow.connect(f1).claimRefund(projectId))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_RefundsNotOpen")
        .withArgs(projectId, ProjectStatus.Active);
    });

    it("reverts with RDEscrow_ProjectNotFound for an unknown project", async function () {
      const { escrow, f1 } = await networkHelpers.loadFixture(fundedProjectFixture);
      await expect(escrow.connect(f1).claimRefund(4n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
        .withArgs(4n);
    });

    it("reverts with RDEscrow_NoContribution for an account that did not fund", async function () {
      const { escrow, firm, stranger, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await escrow.connect(firm).cancelProject(projectId);
      await expect(escrow.connect(stranger).claimRefund(projectId))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_NoContribution")
        .withArgs(projectId, stranger.address);
    });

    it("reverts with RDEscrow_RefundAlreadyClaimed on a second claim", async function () {
      const { escrow, firm, f1, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await escrow.connect(firm).cancelProject(projectId);
      await escrow.connect(f1).claimRefund(projectId);
      await expect(escrow.connect(f1).claimRefund(projectId))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_RefundAlreadyClaimed")
        .withArgs(projectId, f1.address);
    });
  });
});
