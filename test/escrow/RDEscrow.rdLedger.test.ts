import { expect } from "chai";
import { network } from "hardhat";

import {
  Accounting,
  approvedProjectFixture,
  BUDGETS,
  Category,
  deployEscrowFixture,
  fundedProjectFixture,
  METADATA,
  Stage,
  standardMilestones,
} from "../helpers/escrow.js";
import { GreenCategory, RdForm } from "../../web/src/generated/enums.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

const { ethers, networkHelpers } = await network.getOrCreate();

/** What the R&D ledger needs from the contract: classification at creation, fiscal funds flagged by financiers. */
describe("RDEscrow: the R&D ledger's facts", function () {
  async function inputs() {
    const base = await deployEscrowFixture();
    const now = BigInt(await networkHelpers.time.latest());
    return { ...base, now, tokenAddress: await base.token.getAddress() };
  }

  describe("createProject with a profile and per-milestone accounting", function () {
    it("emits ProjectClassified with the R&D form and green category, and the accounting in ProjectCreated", async function () {
      const { escrow, firm, verifier, tokenAddress, now } = await networkHelpers.loadFixture(inputs);
      const milestones = standardMilestones(now).map((m, i) => ({
        ...m,
        accounting: i === 0 ? Accounting.Expensed : Accounting.Capitalised,
      }));
      const profile = { rdForm: RdForm.Cooperative, greenCategory: GreenCategory.CleanerProduction };
      await expect(
        escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", profile, milestones),
      )
        .to.emit(escrow, "ProjectClassified")
        .withArgs(1n, RdForm.Cooperative, GreenCategory.CleanerProduction)
        .and.to.emit(escrow, "ProjectCreated")
        .withArgs(
          1n,
          firm.address,
          verifier.address,
          tokenAddress,
          BUDGETS.reduce((a, b) => a + b, 0n),
          METADATA,
          (got: { accounting: bigint }[]) =>
            got.map((m) => Number(m.accounting)).join() ===
            [Accounting.Expensed, Accounting.Capitalised, Accounting.Capitalised, Accounting.Capitalised].join(),
        );
    });

    it("reverts with RDEscrow_ResearchStageCapitalised for a capitalised Research-stage milestone", async function () {
      const { escrow, firm, verifier, tokenAddress, now } = await networkHelpers.loadFixture(inputs);
      const milestones = standardMilestones(now);
      const early = [
        { ...milestones[0], accounting: Accounting.Expensed },
        { ...milestones[1], stage: Stage.Research, accounting: Accounting.Capitalised },
      ];
      await expect(
        escrow.connect(firm).createProject(tokenAddress, verifier.address, METADATA, "", DEFAULT_PROFILE, early),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ResearchStageCapitalised")
        .withArgs(1n);
    });
  });

  describe("disburse with the statutory categories", function () {
    it("accepts every category and emits it", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      for (const category of Object.values(Category)) {
        const invoice = ethers.id(`invoice ${category}`);
        await expect(escrow.connect(firm).disburse(projectId, 0n, firm.address, 1_00n, category, invoice))
          .to.emit(escrow, "Disbursed")
          .withArgs(projectId, firm.address, 1_00n, 0n, category, invoice);
      }
    });
  });

  describe("flagFiscalFunds", function () {
    it("lets a financier flag its own contribution once, and emits FiscalFundsFlagged with it", async function () {
      const { escrow, f2, f3, projectId, contributions } = await networkHelpers.loadFixture(fundedProjectFixture);
      await expect(escrow.connect(f2).flagFiscalFunds(projectId))
        .to.emit(escrow, "FiscalFundsFlagged")
        .withArgs(projectId, f2.address, contributions[1]);
      expect(await escrow.isFiscalFunds(projectId, f2.address)).to.equal(true);
      expect(await escrow.isFiscalFunds(projectId, f3.address)).to.equal(false);
      // The position is otherwise untouched.
      expect((await escrow.getPosition(projectId, f2.address)).contributed).to.equal(contributions[1]);
    });

    it("still works once the project closed, and the refund is unaffected", async function () {
      const { escrow, firm, f1, projectId, contributions } = await networkHelpers.loadFixture(fundedProjectFixture);
      await escrow.connect(firm).cancelProject(projectId);
      await escrow.connect(f1).flagFiscalFunds(projectId);
      await expect(escrow.connect(f1).claimRefund(projectId))
        .to.emit(escrow, "Refunded")
        .withArgs(projectId, f1.address, contributions[0]);
    });

    it("reverts with RDEscrow_FiscalFundsAlreadyFlagged the second time", async function () {
      const { escrow, f1, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await escrow.connect(f1).flagFiscalFunds(projectId);
      await expect(escrow.connect(f1).flagFiscalFunds(projectId))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_FiscalFundsAlreadyFlagged")
        .withArgs(projectId, f1.address);
    });

    it("reverts with RDEscrow_NoContribution for anyone who did not fund the project", async function () {
      const { escrow, stranger, firm, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      for (const who of [stranger, firm]) {
        await expect(escrow.connect(who).flagFiscalFunds(projectId))
          .to.be.revertedWithCustomError(escrow, "RDEscrow_NoContribution")
          .withArgs(projectId, who.address);
      }
    });

    it("reverts with RDEscrow_ProjectNotFound for an unknown project, in the flag and its view", async function () {
      const { escrow, f1, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
      await expect(escrow.connect(f1).flagFiscalFunds(projectId + 1n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
        .withArgs(projectId + 1n);
      await expect(escrow.isFiscalFunds(projectId + 1n, f1.address))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
        .withArgs(projectId + 1n);
    });
  });
});
