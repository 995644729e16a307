import { expect } from "chai";
import { network } from "hardhat";

import { approvedProjectFixture, BUDGETS, Category, expectAccounting, ProjectStatus } from "../helpers/escrow.js";

const { ethers, networkHelpers } = await network.getOrCreate();

const INVOICE = ethers.id("invoice: 2026-001");

describe("RDEscrow.disburse", function () {
  describe("given an approved milestone", function () {
    it("pays the firm and registered suppliers, emits Disbursed, and tracks the remaining budget", async function () {
      const { escrow, token, firm, supplierA, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(
        escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 120_000_00n, Category.DirectInputs, INVOICE),
      )
        .to.emit(escrow, "Disbursed")
        .withArgs(projectId, supplierA.address, 120_000_00n, 0n, Category.DirectInputs, INVOICE)
        .and.to.emit(token, "Transfer")
        .withArgs(await escrow.getAddress(), supplierA.address, 120_000_00n);
      await escrow
        .connect(firm)
        .disburse(projectId, 0n, firm.address, 80_000_00n, Category.Personnel, ethers.id("payroll"));
      expect(await token.balanceOf(supplierA.address)).to.equal(120_000_00n);
      expect(await token.balanceOf(firm.address)).to.equal(80_000_00n);
      expect(await escrow.isInvoicePaid(supplierA.address, INVOICE)).to.equal(true);
      const m = (await escrow.getMilestones(projectId))[0];
      expect([m.paid, m.remaining]).to.deep.equal([200_000_00n, BUDGETS[0] - 200_000_00n]);
      expect((await escrow.getProject(projectId)).disbursed).to.equal(200_000_00n);
      await expectAccounting(escrow, token, [projectId]);
    });

    it("pays the whole remaining budget but not one unit more", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await escrow.connect(firm).disburse(projectId, 0n, firm.address, BUDGETS[0] - 5n, Category.Depreciation, INVOICE);
      await expect(
        escrow.connect(firm).disburse(projectId, 0n, firm.address, 6n, Category.OtherRelated, ethers.id("x")),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_BudgetExceeded")
        .withArgs(projectId, 0n, 6n, 5n);
      await escrow.connect(firm).disburse(projectId, 0n, firm.address, 5n, Category.OtherRelated, ethers.id("x"));
      expect((await escrow.getMilestones(projectId))[0].remaining).to.equal(0n);
    });
  });

  describe("when the call is wrong", function () {
    it("reverts with RDEscrow_InvoiceAlreadyPaid for the payee's invoice paid before", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await escrow.connect(firm).disburse(projectId, 0n, firm.address, 1n, Category.EntrustedDomestic, INVOICE);
      await expect(escrow.connect(firm).disburse(projectId, 0n, firm.address, 1n, Category.EntrustedDomestic, INVOICE))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_InvoiceAlreadyPaid")
        .withArgs(firm.address, INVOICE);
    });

    it("reverts with RDEscrow_ZeroInvoiceHash for the zero hash", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(
        escrow.connect(firm).disburse(projectId, 0n, firm.address, 1n, Category.EntrustedDomestic, ethers.ZeroHash),
      ).to.be.revertedWithCustomError(escrow, "RDEscrow_ZeroInvoiceHash");
    });

    it("reverts with RDEscrow_ZeroAmount for a zero amount", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(
        escrow.connect(firm).disburse(projectId, 0n, firm.address, 0n, Category.EntrustedDomestic, INVOICE),
      ).to.be.revertedWithCustomError(escrow, "RDEscrow_ZeroAmount");
    });

    it("reverts with RDEscrow_PayeeNotAllowed for an unregistered payee", async function () {
      const { escrow, firm, stranger, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(
        escrow.connect(firm).disburse(projectId, 0n, stranger.address, 1n, Category.EntrustedDomestic, INVOICE),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_PayeeNotAllowed")
        .withArgs(projectId, stranger.address);
    });

    it("reverts with RDEscrow_MilestoneNotApproved for a milestone not approved yet", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(escrow.connect(firm).disburse(projectId, 1n, firm.address, 1n, Category.EntrustedDomestic, INVOICE))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneNotApproved")
        .withArgs(projectId, 1n);
    });

    it("reverts with RDEscrow_MilestoneNotFound for an index beyond the milestones", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(escrow.connect(firm).disburse(projectId, 32n, firm.address, 1n, Category.EntrustedDomestic, INVOICE))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestoneNotFound")
        .withArgs(projectId, 32n, 4n);
    });

    it("reverts with RDEscrow_CallerNotFirm for anyone but the firm", async function () {
      const { escrow, verifier, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(
        escrow.connect(verifier).disburse(projectId, 0n, verifier.address, 1n, Category.EntrustedDomestic, INVOICE),
      )
        .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotFirm")
        .withArgs(projectId, verifier.address);
    });

    it("reverts with RDEscrow_ProjectNotFound for an unknown project", async function () {
      const { escrow, firm } = await networkHelpers.loadFixture(approvedProjectFixture);
      await expect(escrow.connect(firm).disburse(2n, 0n, firm.address, 1n, Category.EntrustedDomestic, INVOICE))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
        .withArgs(2n);
    });

    it("reverts with RDEscrow_ProjectNotActive once the project is cancelled", async function () {
      const { escrow, firm, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
      await escrow.connect(firm).cancelProject(projectId);
      await expect(escrow.connect(firm).disburse(projectId, 0n, firm.address, 1n, Category.EntrustedDomestic, INVOICE))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotActive")
        .withArgs(projectId, ProjectStatus.Cancelled);
    });
  });
});
