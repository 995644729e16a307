import { expect } from "chai";
import { network } from "hardhat";

import {
  Accounting,
  BUDGETS,
  createdProjectFixture,
  DAY,
  deployEscrowFixture,
  METADATA,
  MilestoneStatus,
  ProjectStatus,
  Stage,
  standardMilestones,
} from "../helpers/escrow.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

const { ethers, networkHelpers } = await network.getOrCreate();

describe("RDEscrow.createProject", function () {
  async function inputs() {
    const base = await networkHelpers.loadFixture(deployEscrowFixture);
    const now = BigInt(await networkHelpers.time.latest());
    return { ...base, now, tokenAddress: await base.token.getAddress(), milestones: standardMilestones(now + 10n) };
  }

  describe("given valid inputs", function () {
    it("stores the project, its milestones and the target, and emits ProjectCreated", async function () {
      const { escrow, firm, verifier, tokenAddress, milestones } = await inputs();
      const target = BUDGETS.reduce((a, b) => a + b, 0n);
      await expect(
        escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, milestones),
      )
        .to.emit(escrow, "ProjectCreated")
        .withArgs(1n, firm.address, verifier.address, tokenAddress, target, METADATA, (got: unknown[]) => {
          expect(got.length).to.equal(4);
          return true;
        });
      expect(await escrow.projectCount()).to.equal(1n);
      expect(await escrow.projectFirm(1n)).to.equal(firm.address);
      expect(await escrow.projectToken(1n)).to.equal(tokenAddress);
      const view = await escrow.getProject(1n);
      expect(view.firm).to.equal(firm.address);
      expect(view.verifier).to.equal(verifier.address);
      expect(view.token).to.equal(tokenAddress);
      expect(view.status).to.equal(ProjectStatus.Active);
      expect(view.milestoneCount).to.equal(4n);
      expect(view.approvedCount).to.equal(0n);
      expect(view.metadataHash).to.equal(METADATA);
      expect(view.target).to.equal(target);
      expect([view.funded, view.disbursed, view.refunded, view.held, view.refundable]).to.deep.equal([
        0n,
        0n,
        0n,
        0n,
        0n,
      ]);
      const stored = await escrow.getMilestones(1n);
      expect(stored.length).to.equal(4);
      for (const [i, m] of stored.entries()) {
        expect(m.budget).to.equal(milestones[i].budget);
        expect(m.paid).to.equal(0n);
        expect(m.remaining).to.equal(milestones[i].budget);
        expect(m.deadline).to.equal(milestones[i].deadline);
        expect(m.stage).to.equal(BigInt(milestones[i].stage));
        expect(m.status).to.equal(MilestoneStatus.Pending);
        expect(m.evidenceHash).to.equal(ethers.ZeroHash);
      }
    });

    it("numbers projects from 1 and accepts 32 milestones with budgets at the 128-bit boundary", async function () {
      const { escrow, firm, verifier, tokenAddress, now, milestones } = await inputs();
      await escrow
        .connect(firm)
        .createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, milestones);
      const many = Array.from({ length: 32 }, (_, i) => ({
        budget: i === 0 ? 2n ** 128n - 32n : 1n,
        deadline: now + BigInt(i + 1) * DAY,
        stage: Stage.Market,
        accounting: Accounting.Capitalised,
      }));
      await escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, many);
      expect(await escrow.projectCount()).to.equal(2n);
      expect((await escrow.getProject(2n)).target).to.equal(2n ** 128n - 1n);
    });
  });

  describe("when an input is wrong", function () {
    it("reverts with RDEscrow_InvalidToken for a token without code", async function () {
      const { escrow, firm, verifier, stranger, milestones } = await inputs();
      await expect(
        escrow
          .connect(firm)
          .createProject(stranger.address, verifier.address, METADATA, "", DEFAULT_PROFILE, milestones),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_InvalidToken")
        .withArgs(stranger.address);
    });

    it("reverts with RDEscrow_InvalidVerifier for the zero address or the firm itself", async function () {
      const { escrow, firm, tokenAddress, milestones } = await inputs();
      await expect(
        escrow.connect(firm).createProject(tokenAddress, ethers.ZeroAddress, METADATA, "", DEFAULT_PROFILE, milestones),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_InvalidVerifier")
        .withArgs(ethers.ZeroAddress, firm.address);
      await expect(
        escrow.connect(firm).createProject(tokenAddress, firm.address, METADATA, "", DEFAULT_PROFILE, milestones),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_InvalidVerifier")
        .withArgs(firm.address, firm.address);
    });

    it("reverts with RDEscrow_InvalidMilestoneCount for 0 or 33 milestones", async function () {
      const { escrow, firm, verifier, tokenAddress, now } = await inputs();
      await expect(
        escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, []),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_InvalidMilestoneCount")
        .withArgs(0n, 32n);
      const tooMany = Array.from({ length: 33 }, (_, i) => ({
        budget: 1n,
        deadline: now + BigInt(i + 1) * DAY,
        stage: 0,
        accounting: 0,
      }));
      await expect(
        escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, tooMany),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_InvalidMilestoneCount")
        .withArgs(33n, 32n);
    });

    it("reverts with RDEscrow_ZeroBudget naming the milestone", async function () {
      const { escrow, firm, verifier, tokenAddress, milestones } = await inputs();
      milestones[2].budget = 0n;
      await expect(
        escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, milestones),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ZeroBudget")
        .withArgs(2n);
    });

    it("reverts with RDEscrow_DeadlineNotInFuture when the first deadline is not after the block", async function () {
      const { escrow, firm, verifier, tokenAddress, milestones, now } = await inputs();
      milestones[0].deadline = now + 1n;
      await networkHelpers.time.setNextBlockTimestamp(now + 1n);
      await expect(
        escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, milestones),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_DeadlineNotInFuture")
        .withArgs(0n, now + 1n, now + 1n);
    });

    it("reverts with RDEscrow_DeadlinesNotIncreasing for equal consecutive deadlines", async function () {
      const { escrow, firm, verifier, tokenAddress, milestones } = await inputs();
      milestones[3].deadline = milestones[2].deadline;
      await expect(
        escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, milestones),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_DeadlinesNotIncreasing")
        .withArgs(3n, milestones[2].deadline, milestones[2].deadline);
    });

    it("reverts with RDEscrow_StageRegression when a stage goes backwards", async function () {
      const { escrow, firm, verifier, tokenAddress, milestones } = await inputs();
      milestones[2].stage = Stage.Research;
      await expect(
        escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, milestones),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_StageRegression")
        .withArgs(2n, Stage.Research, Stage.Pilot);
    });

    it("reverts with RDEscrow_TargetTooLarge when the budgets sum beyond 128 bits", async function () {
      const { escrow, firm, verifier, tokenAddress, milestones } = await inputs();
      milestones[0].budget = 2n ** 128n - 1n;
      const target = 2n ** 128n - 1n + BUDGETS[1] + BUDGETS[2] + BUDGETS[3];
      await expect(
        escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, milestones),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_TargetTooLarge")
        .withArgs(target);
    });
  });

  describe("views of an unknown project", function () {
    it("revert with RDEscrow_ProjectNotFound", async function () {
      const { escrow, f1 } = await networkHelpers.loadFixture(createdProjectFixture);
      for (const id of [0n, 2n]) {
        await expect(escrow.projectFirm(id))
          .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
          .withArgs(id);
        await expect(escrow.projectToken(id))
          .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
          .withArgs(id);
        await expect(escrow.getProject(id))
          .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
          .withArgs(id);
        await expect(escrow.getMilestones(id))
          .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
          .withArgs(id);
        await expect(escrow.getPosition(id, f1.address))
          .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
          .withArgs(id);
      }
    });
  });
});
