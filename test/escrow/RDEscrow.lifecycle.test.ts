import { expect } from "chai";
import { network } from "hardhat";

import {
  BUDGETS,
  Category,
  createdProjectFixture,
  expectAccounting,
  fundAs,
  METADATA,
  MilestoneStatus,
  ProjectStatus,
  signPermit,
  standardMilestones,
  totalsFromEvents,
} from "../helpers/escrow.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

const { ethers, networkHelpers } = await network.getOrCreate();

describe("RDEscrow lifecycle", function () {
  it("runs a project from funding to completion: three financiers, four milestones, three payees", async function () {
    const { escrow, registry, token, firm, verifier, f1, f2, f3, supplierA, supplierB, projectId } =
      await networkHelpers.loadFixture(createdProjectFixture);
    const escrowAddress = await escrow.getAddress();
    // A second project on the same token, so the identity is checked across projects.
    const now = BigInt(await networkHelpers.time.latest());
    await escrow
      .connect(supplierB)
      .createProject(
        await token.getAddress(),
        verifier.address,
        METADATA,
        "",
        DEFAULT_PROFILE,
        standardMilestones(now),
      );
    const other = 2n;
    const check = () => expectAccounting(escrow, token, [projectId, other]);

    await fundAs(escrow, token, f1, projectId, 450_000_00n);
    await check();
    await fundAs(escrow, token, f2, projectId, 300_000_00n);
    await check();
    const deadline = now + 3600n;
    const { v, r, s } = await signPermit(token, f3, escrowAddress, 250_000_00n, deadline);
    await escrow.connect(f3).fundWithPermit(projectId, 250_000_00n, deadline, v, r, s);
    await check();
    await fundAs(escrow, token, f1, other, 10_000_00n);
    await check();

    // Milestone 0 (Research): equipment from supplier A, personnel paid to the firm.
    // Milestone 1 (Pilot): materials from supplier B, rejected once first.
    // Milestone 2 (Pilot): services from supplier A and B.
    // Milestone 3 (Market): the firm spends 60,000.00 of 100,000.00 and completes the project.
    const payments: [bigint, string, bigint, number][][] = [
      [
        [0n, supplierA.address, 250_000_00n, Category.Depreciation],
        [0n, firm.address, 150_000_00n, Category.Personnel],
      ],
      [[1n, supplierB.address, 300_000_00n, Category.DirectInputs]],
      [
        [2n, supplierA.address, 120_000_00n, Category.EntrustedDomestic],
        [2n, supplierB.address, 80_000_00n, Category.EntrustedDomestic],
      ],
      [[3n, firm.address, 60_000_00n, Category.OtherRelated]],
    ];
    let invoice = 0;
    for (let i = 0n; i < 4n; i++) {
      await escrow.connect(firm).submitMilestone(projectId, i, ethers.id(`evidence ${i}`), "");
      await check();
      if (i === 1n) {
        await escrow.connect(verifier).rejectMilestone(projectId, i, ethers.id("needs the yield data"), "");
        await escrow.connect(firm).submitMilestone(projectId, i, ethers.id(`evidence ${i}, with yield data`), "");
      }
      await escrow.connect(verifier).approveMilestone(projectId, i);
      await check();
      for (const [index, payee, amount, category] of payments[Number(i)]) {
        const invoiceHash = ethers.id(`invoice ${invoice++}`);
        await expect(escrow.connect(firm).disburse(projectId, index, payee, amount, category, invoiceHash))
          .to.emit(escrow, "Disbursed")
          .withArgs(projectId, payee, amount, index, category, invoiceHash);
        await check();
      }
    }
    // A payee's invoices are shared by all projects: supplier A's "invoice 0" cannot be paid again by another.
    await escrow.connect(supplierB).submitMilestone(other, 0n, ethers.id("evidence"), "");
    await fundAs(escrow, token, f2, other, BUDGETS[0]);
    await escrow.connect(verifier).approveMilestone(other, 0n);
    await registry.connect(supplierB).addProjectSupplier(other, supplierA.address);
    await expect(
      escrow
        .connect(supplierB)
        .disburse(other, 0n, supplierA.address, 1n, Category.OtherRelated, ethers.id("invoice 0")),
    )
      .to.be.revertedWithCustomError(escrow, "RDEscrow_InvoiceAlreadyPaid")
      .withArgs(supplierA.address, ethers.id("invoice 0"));

    expect(await token.balanceOf(supplierA.address)).to.equal(370_000_00n);
    expect(await token.balanceOf(supplierB.address)).to.equal(380_000_00n);
    expect(await token.balanceOf(firm.address)).to.equal(210_000_00n);
    const milestones = await escrow.getMilestones(projectId);
    expect(milestones.map((m) => m.status)).to.deep.equal(Array(4).fill(BigInt(MilestoneStatus.Approved)));
    expect(milestones.map((m) => m.stage)).to.deep.equal([0n, 1n, 1n, 2n]);

    await expect(escrow.connect(firm).completeProject(projectId))
      .to.emit(escrow, "ProjectCompleted")
      .withArgs(projectId, 40_000_00n);
    await check();
    // Pro rata: 450/1000, 300/1000 and (the last claimer) the rest of 40,000.00.
    for (const [f, amount] of [
      [f1, 18_000_00n],
      [f2, 12_000_00n],
      [f3, 10_000_00n],
    ] as const) {
      await expect(escrow.connect(f).claimRefund(projectId))
        .to.emit(escrow, "Refunded")
        .withArgs(projectId, f.address, amount);
      await check();
    }

    const view = await escrow.getProject(projectId);
    expect(view.status).to.equal(ProjectStatus.Completed);
    expect([view.funded, view.disbursed, view.refunded, view.held]).to.deep.equal([
      1_000_000_00n,
      960_000_00n,
      40_000_00n,
      0n,
    ]);
    expect(await totalsFromEvents(escrow, projectId)).to.deep.equal({
      funded: 1_000_000_00n,
      disbursed: 960_000_00n,
      refunded: 40_000_00n,
    });
    const projectOther = await escrow.getProject(other);
    expect(await token.balanceOf(escrowAddress)).to.equal(projectOther.held);
  });
});
