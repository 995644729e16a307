import { expect } from "chai";
import { network } from "hardhat";

import {
  approvedProjectFixture,
  BUDGETS,
  Category,
  createdProjectFixture,
  fundAs,
  fundedProjectFixture,
  MilestoneStatus,
  ProjectStatus,
} from "../helpers/escrow.js";

const { ethers, networkHelpers } = await network.getOrCreate();

const EVIDENCE = ethers.id("evidence: lab report");
const REASON = ethers.id("reason: resolution below spec");

describe("RDEscrow milestones", function () {
  describe("submitMilestone", function () {
    it("records the evidence and emits MilestoneSubmitted", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      await expect(escrow.connect(firm).submitMilestone(projectId, 1n, EVIDENCE, ""))
        .to.emit(escrow, "MilestoneSubmitted")
        .withArgs(projectId, 1n, EVIDENCE);
      const m = (await escrow.getMilestones(projectId))[1];
      expect(m.status).to.equal(MilestoneStatus.Submitted);
      expect(m.evidenceHash).to.equal(EVIDENCE);
    });

    it("reverts with RDEscrow_CallerNotFirm for anyone but the firm", async function () {
      const { escrow, stranger, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      await expect(escrow.connect(stranger).submitMilestone(projectId, 0n, EVIDENCE, ""))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotFirm")
        .withArgs(projectId, stranger.address);
    });

    it("reverts with RDEscrow_ProjectNotFound for an unknown project", async function () {
      const { escrow, firm } = await networkHelpers.loadFixture(createdProjectFixture);
      await expect(escrow.connect(firm).submitMilestone(5n, 0n, EVIDENCE, ""))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
        .withArgs(5n);
    });

    it("reverts with RDEscrow_MilestoneNotFound for an index beyond the milestones", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      await expect(escrow.connect(firm).submitMilestone(projectId, 4n, EVIDENCE, ""))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneNotFound")
        .withArgs(projectId, 4n, 4n);
    });

    it("reverts with RDEscrow_MilestoneNotSubmittable when Submitted or Approved", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(escrow.connect(firm).submitMilestone(projectId, 0n, EVIDENCE, ""))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneNotSubmittable")
        .withArgs(projectId, 0n, MilestoneStatus.Approved);
      await escrow.connect(firm).submitMilestone(projectId, 1n, EVIDENCE, "");
      await expect(escrow.connect(firm).submitMilestone(projectId, 1n, EVIDENCE, ""))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneNotSubmittable")
        .withArgs(projectId, 1n, MilestoneStatus.Submitted);
    });

    it("reverts with RDEscrow_MilestoneDeadlinePassed after the deadline", async function () {
      const { escrow, firm, projectId, milestones } = await networkHelpers.loadFixture(createdProjectFixture);
      await networkHelpers.time.increaseTo(milestones[0].deadline + 1n);
      await expect(escrow.connect(firm).submitMilestone(projectId, 0n, EVIDENCE, ""))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneDeadlinePassed")
        .withArgs(projectId, 0n, milestones[0].deadline);
    });

    it("reverts with RDEscrow_ProjectNotActive once the project is cancelled", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      await escrow.connect(firm).cancelProject(projectId);
      await expect(escrow.connect(firm).submitMilestone(projectId, 0n, EVIDENCE, ""))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotActive")
        .withArgs(projectId, ProjectStatus.Cancelled);
    });
  });

  describe("approveMilestone", function () {
    it("approves the next submitted, funded milestone and emits MilestoneApproved", async function () {
      const { escrow, firm, verifier, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await escrow.connect(firm).submitMilestone(projectId, 0n, EVIDENCE, "");
      await expect(escrow.connect(verifier).approveMilestone(projectId, 0n))
        .to.emit(escrow, "MilestoneApproved")
        .withArgs(projectId, 0n);
      expect((await escrow.getMilestones(projectId))[0].status).to.equal(MilestoneStatus.Approved);
      expect((await escrow.getProject(projectId)).approvedCount).to.equal(1n);
    });

    it("reverts with RDEscrow_CallerNotVerifier for anyone but the verifier, the firm included", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await escrow.connect(firm).submitMilestone(projectId, 0n, EVIDENCE, "");
      await expect(escrow.connect(firm).approveMilestone(projectId, 0n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotVerifier")
        .withArgs(projectId, firm.address);
    });

    it("reverts with RDEscrow_ProjectNotFound for an unknown project", async function () {
      const { escrow, verifier } = await networkHelpers.loadFixture(fundedProjectFixture);
      await expect(escrow.connect(verifier).approveMilestone(3n, 0n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
        .withArgs(3n);
    });

    it("reverts with RDEscrow_MilestoneOutOfOrder before the earlier milestones are approved", async function () {
      const { escrow, firm, verifier, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await escrow.connect(firm).submitMilestone(projectId, 1n, EVIDENCE, "");
      await expect(escrow.connect(verifier).approveMilestone(projectId, 1n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneOutOfOrder")
        .withArgs(projectId, 1n, 0n);
    });

    it("reverts with RDEscrow_MilestoneNotSubmitted for a pending milestone", async function () {
      const { escrow, verifier, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await expect(escrow.connect(verifier).approveMilestone(projectId, 0n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneNotSubmitted")
        .withArgs(projectId, 0n, MilestoneStatus.Pending);
    });

    it("reverts with RDEscrow_MilestoneDeadlinePassed when approval comes after the deadline", async function () {
      const { escrow, firm, verifier, projectId, milestones } = await networkHelpers.loadFixture(fundedProjectFixture);
      await escrow.connect(firm).submitMilestone(projectId, 0n, EVIDENCE, "");
      await networkHelpers.time.increaseTo(milestones[0].deadline + 1n);
      await expect(escrow.connect(verifier).approveMilestone(projectId, 0n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneDeadlinePassed")
        .withArgs(projectId, 0n, milestones[0].deadline);
    });

    it("reverts with RDEscrow_InsufficientFunding until the cumulative budget is funded", async function () {
      const { escrow, token, firm, verifier, f1, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      await fundAs(escrow, token, f1, projectId, BUDGETS[0] - 1n);
      await escrow.connect(firm).submitMilestone(projectId, 0n, EVIDENCE, "");
      await expect(escrow.connect(verifier).approveMilestone(projectId, 0n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_InsufficientFunding")
        .withArgs(projectId, 0n, BUDGETS[0] - 1n, BUDGETS[0]);
      await fundAs(escrow, token, f1, projectId, 1n);
      await escrow.connect(verifier).approveMilestone(projectId, 0n);
      await escrow.connect(firm).submitMilestone(projectId, 1n, EVIDENCE, "");
      await expect(escrow.connect(verifier).approveMilestone(projectId, 1n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_InsufficientFunding")
        .withArgs(projectId, 1n, BUDGETS[0], BUDGETS[0] + BUDGETS[1]);
    });
  });

  describe("rejectMilestone", function () {
    it("rejects, pays nothing while rejected, accepts a resubmission and pays once re-approved", async function () {
      const { escrow, firm, verifier, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await escrow.connect(firm).submitMilestone(projectId, 0n, EVIDENCE, "");
      await expect(escrow.connect(verifier).rejectMilestone(projectId, 0n, REASON, ""))
        .to.emit(escrow, "MilestoneRejected")
        .withArgs(projectId, 0n, REASON);
      expect((await escrow.getMilestones(projectId))[0].status).to.equal(MilestoneStatus.Rejected);
      await expect(escrow.connect(firm).disburse(projectId, 0n, firm.address, 1n, Category.Personnel, ethers.id("i")))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneNotApproved")
        .withArgs(projectId, 0n);
      await expect(escrow.connect(verifier).approveMilestone(projectId, 0n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneNotSubmitted")
        .withArgs(projectId, 0n, MilestoneStatus.Rejected);
      const evidence2 = ethers.id("evidence: second lab report");
      await escrow.connect(firm).submitMilestone(projectId, 0n, evidence2, "");
      expect((await escrow.getMilestones(projectId))[0].evidenceHash).to.equal(evidence2);
      await escrow.connect(verifier).approveMilestone(projectId, 0n);
      await expect(escrow.connect(firm).disburse(projectId, 0n, firm.address, 1n, Category.Personnel, ethers.id("i")))
        .to.emit(escrow, "Disbursed")
        .withArgs(projectId, firm.address, 1n, 0n, Category.Personnel, ethers.id("i"));
    });

    it("reverts with RDEscrow_MilestoneNotSubmitted for pending or approved milestones", async function () {
      const { escrow, verifier, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(escrow.connect(verifier).rejectMilestone(projectId, 0n, REASON, ""))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneNotSubmitted")
        .withArgs(projectId, 0n, MilestoneStatus.Approved);
      await expect(escrow.connect(verifier).rejectMilestone(projectId, 1n, REASON, ""))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneNotSubmitted")
        .withArgs(projectId, 1n, MilestoneStatus.Pending);
    });

    it("reverts with RDEscrow_CallerNotVerifier for anyone but the verifier", async function () {
      const { escrow, stranger, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await expect(escrow.connect(stranger).rejectMilestone(projectId, 0n, REASON, ""))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotVerifier")
        .withArgs(projectId, stranger.address);
    });
  });
});
