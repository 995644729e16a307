/**
 * Regression tests of issue 14: no money locked when a firm vanishes, invoices strangers cannot spoil, no payment
 * to a supplier the oracle holds disrupted, payees the firm can remove, and a verifier that hands its role over.
 * Each behaviour failed on the main branch before the fix (see the report for how that was checked).
 */
import { expect } from "chai";
import { network } from "hardhat";

import {
  approvedProjectFixture,
  BUDGETS,
  Category,
  createdProjectFixture,
  DAY,
  expectAccounting,
  fundAs,
  fundedProjectFixture,
  METADATA,
  ProjectStatus,
  REGION,
  standardMilestones,
} from "../helpers/escrow.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

const { ethers, networkHelpers } = await network.getOrCreate();

const INVOICE = ethers.id("invoice: CN-2026-0042");
const EVIDENCE = ethers.id("evidence: plant fire, local authority notice");

/** Every milestone approved; milestone 0 paid 100,000.00 to supplier A, the rest approved but unpaid. */
async function allApprovedFixture() {
  const base = await fundedProjectFixture();
  const { escrow, firm, verifier, supplierA, projectId } = base;
  for (let i = 0n; i < 4n; i++) {
    await escrow.connect(firm).submitMilestone(projectId, i, ethers.id(`evidence ${i}`));
    await escrow.connect(verifier).approveMilestone(projectId, i);
  }
  await escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 100_000_00n, Category.DirectInputs, INVOICE);
  const closableAfter = base.milestones[3].deadline + 30n * DAY;
  return { ...base, closableAfter };
}

/** The approved project with supplier A confirmed disrupted by the oracle (quorum 1). */
async function disruptedSupplierFixture() {
  const base = await approvedProjectFixture();
  const { oracle, reporter, supplierA } = base;
  await oracle.connect(reporter).report(supplierA.address, true, EVIDENCE, BigInt(await networkHelpers.time.latest()));
  const [, since, confirmationId] = await oracle.supplierStatus(supplierA.address);
  return { ...base, since, confirmationId };
}

describe("RDEscrow.closeAfterGracePeriod: no money stays locked when the firm stops acting", function () {
  it("lets anyone close an all-approved project 30 days after its last deadline; the unpaid budget is refunded pro rata", async function () {
    const { escrow, token, stranger, f1, f2, f3, projectId, closableAfter, contributions } =
      await networkHelpers.loadFixture(allApprovedFixture);
    expect(await escrow.CLOSE_GRACE_PERIOD()).to.equal(30n * DAY);
    expect(await escrow.closableAfter(projectId)).to.equal(closableAfter);
    await networkHelpers.time.increaseTo(closableAfter + 1n);
    const refundable = BUDGETS.reduce((a: bigint, b) => a + b, 0n) - 100_000_00n; // approved-but-unpaid included
    await expect(escrow.connect(stranger).closeAfterGracePeriod(projectId))
      .to.emit(escrow, "ProjectClosedAfterGracePeriod")
      .withArgs(projectId, stranger.address, refundable);
    const view = await escrow.getProject(projectId);
    expect([view.status, view.refundable]).to.deep.equal([BigInt(ProjectStatus.Completed), refundable]);
    for (const [i, f] of [f1, f2, f3].entries()) {
      const expected = (refundable * contributions[i]) / 1_000_000_00n;
      await expect(escrow.connect(f).claimRefund(projectId))
        .to.emit(escrow, "Refunded")
        .withArgs(projectId, f.address, expected);
    }
    expect(await token.balanceOf(await escrow.getAddress())).to.equal(0n);
    await expectAccounting(escrow, token, [projectId]);
  });

  it("lets the firm still pay approved budget after the last deadline, until someone closes the project", async function () {
    const { escrow, firm, stranger, supplierB, projectId, closableAfter } =
      await networkHelpers.loadFixture(allApprovedFixture);
    await networkHelpers.time.setNextBlockTimestamp(closableAfter); // the last second of the grace period
    await expect(escrow.connect(stranger).closeAfterGracePeriod(projectId))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_GracePeriodNotOver")
      .withArgs(projectId, closableAfter);
    await escrow
      .connect(firm)
      .disburse(projectId, 3n, supplierB.address, BUDGETS[3], Category.EntrustedDomestic, INVOICE);
    await escrow.connect(stranger).closeAfterGracePeriod(projectId);
    expect((await escrow.getProject(projectId)).refundable).to.equal(
      BUDGETS[0] + BUDGETS[1] + BUDGETS[2] - 100_000_00n,
    );
    await expect(
      escrow.connect(firm).disburse(projectId, 1n, firm.address, 1n, Category.OtherRelated, ethers.id("late")),
    )
      .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotActive")
      .withArgs(projectId, ProjectStatus.Completed);
  });

  it("reverts with RDEscrow_MilestonesPending while a milestone is not approved (markFailed closes that one)", async function () {
    const { escrow, stranger, projectId, milestones } = await networkHelpers.loadFixture(approvedProjectFixture);
    await networkHelpers.time.increaseTo(milestones[3].deadline + 31n * DAY);
    await expect(escrow.connect(stranger).closeAfterGracePeriod(projectId))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_MilestonesPending")
      .withArgs(projectId, 1n, 4n);
    await expect(escrow.connect(stranger).markFailed(projectId)).to.emit(escrow, "ProjectFailed");
  });

  it("reverts with RDEscrow_ProjectNotActive once closed and RDEscrow_ProjectNotFound for an unknown id", async function () {
    const { escrow, stranger, projectId, closableAfter } = await networkHelpers.loadFixture(allApprovedFixture);
    await networkHelpers.time.increaseTo(closableAfter + 1n);
    await escrow.connect(stranger).closeAfterGracePeriod(projectId);
    await expect(escrow.connect(stranger).closeAfterGracePeriod(projectId))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotActive")
      .withArgs(projectId, ProjectStatus.Completed);
    await expect(escrow.connect(stranger).closeAfterGracePeriod(9n))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
      .withArgs(9n);
    await expect(escrow.closableAfter(9n))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
      .withArgs(9n);
  });
});

describe("RDEscrow invoices: unique per (payee, invoice hash), so strangers cannot spoil them", function () {
  it("pays a supplier's invoice although a stranger's throw-away project paid the same hash to itself first", async function () {
    const { escrow, token, firm, stranger, f1, supplierA, supplierB, projectId } =
      await networkHelpers.loadFixture(approvedProjectFixture);
    // The attacker: its own project, its second account as verifier, paying itself the victim's invoice hash.
    const now = BigInt(await networkHelpers.time.latest());
    await escrow
      .connect(stranger)
      .createProject(await token.getAddress(), supplierB.address, METADATA, DEFAULT_PROFILE, standardMilestones(now));
    const squat = 2n;
    await fundAs(escrow, token, f1, squat, BUDGETS[0]);
    await escrow.connect(stranger).submitMilestone(squat, 0n, ethers.id("nothing"));
    await escrow.connect(supplierB).approveMilestone(squat, 0n);
    await escrow.connect(stranger).disburse(squat, 0n, stranger.address, 1n, Category.OtherRelated, INVOICE);

    await expect(
      escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 5_000_00n, Category.DirectInputs, INVOICE),
    )
      .to.emit(escrow, "Disbursed")
      .withArgs(projectId, supplierA.address, 5_000_00n, 0n, Category.DirectInputs, INVOICE);
    expect(await escrow.isInvoicePaid(supplierA.address, INVOICE)).to.equal(true);
    expect(await escrow.isInvoicePaid(stranger.address, INVOICE)).to.equal(true);
    expect(await escrow.isInvoicePaid(supplierB.address, INVOICE)).to.equal(false);
  });

  it("still refuses the same supplier invoice a second time, also from another project", async function () {
    const { escrow, registry, token, firm, verifier, f1, supplierA, supplierB, projectId } =
      await networkHelpers.loadFixture(approvedProjectFixture);
    await escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 5_000_00n, Category.DirectInputs, INVOICE);
    const now = BigInt(await networkHelpers.time.latest());
    await escrow
      .connect(supplierB)
      .createProject(await token.getAddress(), verifier.address, METADATA, DEFAULT_PROFILE, standardMilestones(now));
    const other = 2n;
    await registry.connect(supplierB).addProjectSupplier(other, supplierA.address);
    await fundAs(escrow, token, f1, other, BUDGETS[0]);
    await escrow.connect(supplierB).submitMilestone(other, 0n, ethers.id("evidence"));
    await escrow.connect(verifier).approveMilestone(other, 0n);
    await expect(escrow.connect(supplierB).disburse(other, 0n, supplierA.address, 1n, Category.DirectInputs, INVOICE))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_InvoiceAlreadyPaid")
      .withArgs(supplierA.address, INVOICE);
  });
});

describe("RDEscrow payments to a supplier the oracle holds disrupted", function () {
  it("reverts with RDEscrow_PayeeDisrupted naming the supplier and since when; other payees are still paid", async function () {
    const { escrow, firm, supplierA, supplierB, projectId, since } =
      await networkHelpers.loadFixture(disruptedSupplierFixture);
    expect(since).to.not.equal(0n);
    await expect(escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 1n, Category.DirectInputs, INVOICE))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_PayeeDisrupted")
      .withArgs(supplierA.address, since);
    await escrow.connect(firm).disburse(projectId, 0n, supplierB.address, 1n, Category.DirectInputs, INVOICE);
    await escrow.connect(firm).disburse(projectId, 0n, firm.address, 1n, Category.Personnel, INVOICE);
  });

  it("pays one invoice the verifier released during the disruption; the payment consumes the release", async function () {
    const { escrow, token, firm, verifier, supplierA, projectId, since, confirmationId } =
      await networkHelpers.loadFixture(disruptedSupplierFixture);
    await expect(escrow.connect(verifier).releaseInvoice(projectId, supplierA.address, INVOICE))
      .to.emit(escrow, "InvoiceReleased")
      .withArgs(projectId, supplierA.address, INVOICE, confirmationId);
    expect(await escrow.isInvoiceReleased(projectId, supplierA.address, INVOICE)).to.equal(true);
    const other = ethers.id("invoice: CN-2026-0043");
    await expect(escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 2n, Category.DirectInputs, other))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_PayeeDisrupted")
      .withArgs(supplierA.address, since);
    await expect(
      escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 7_000_00n, Category.DirectInputs, INVOICE),
    )
      .to.emit(escrow, "Disbursed")
      .withArgs(projectId, supplierA.address, 7_000_00n, 0n, Category.DirectInputs, INVOICE);
    expect(await escrow.isInvoiceReleased(projectId, supplierA.address, INVOICE)).to.equal(false);
    expect(await token.balanceOf(supplierA.address)).to.equal(7_000_00n);
    await expectAccounting(escrow, token, [projectId]);
  });

  it("holds a release for the disruption it was made in only, and pays again once the supplier recovered", async function () {
    const { escrow, oracle, reporter, firm, verifier, supplierA, projectId } =
      await networkHelpers.loadFixture(disruptedSupplierFixture);
    await escrow.connect(verifier).releaseInvoice(projectId, supplierA.address, INVOICE);
    expect(await escrow.isInvoiceReleased(projectId, supplierA.address, ethers.id("never"))).to.equal(false);
    await networkHelpers.time.increase(DAY);
    await oracle
      .connect(reporter)
      .report(supplierA.address, false, EVIDENCE, BigInt(await networkHelpers.time.latest()));
    expect(await escrow.isInvoiceReleased(projectId, supplierA.address, INVOICE)).to.equal(false);
    await networkHelpers.time.increase(DAY);
    await oracle
      .connect(reporter)
      .report(supplierA.address, true, EVIDENCE, BigInt(await networkHelpers.time.latest()));
    const [, since] = await oracle.supplierStatus(supplierA.address);
    expect(await escrow.isInvoiceReleased(projectId, supplierA.address, INVOICE)).to.equal(false);
    await expect(escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 1n, Category.DirectInputs, INVOICE))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_PayeeDisrupted")
      .withArgs(supplierA.address, since);
    await networkHelpers.time.increase(DAY);
    await oracle
      .connect(reporter)
      .report(supplierA.address, false, EVIDENCE, BigInt(await networkHelpers.time.latest()));
    await escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 1n, Category.DirectInputs, INVOICE);
  });

  it("reverts releaseInvoice for anyone but the verifier, a healthy payee, the zero or a paid invoice, a closed project", async function () {
    const { escrow, firm, verifier, supplierA, supplierB, projectId } =
      await networkHelpers.loadFixture(disruptedSupplierFixture);
    await expect(escrow.connect(firm).releaseInvoice(projectId, supplierA.address, INVOICE))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotVerifier")
      .withArgs(projectId, firm.address);
    await expect(escrow.connect(verifier).releaseInvoice(projectId, supplierB.address, INVOICE))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_PayeeNotDisrupted")
      .withArgs(supplierB.address);
    await expect(
      escrow.connect(verifier).releaseInvoice(projectId, supplierA.address, ethers.ZeroHash),
    ).to.be.revertedWithCustomError(escrow, "RDEscrow_ZeroInvoiceHash");
    await escrow.connect(verifier).releaseInvoice(projectId, supplierA.address, INVOICE);
    await escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 1n, Category.DirectInputs, INVOICE);
    await expect(escrow.connect(verifier).releaseInvoice(projectId, supplierA.address, INVOICE))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_InvoiceAlreadyPaid")
      .withArgs(supplierA.address, INVOICE);
    await escrow.connect(firm).cancelProject(projectId);
    await expect(escrow.connect(verifier).releaseInvoice(projectId, supplierA.address, ethers.id("x")))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotActive")
      .withArgs(projectId, ProjectStatus.Cancelled);
  });
});

describe("RDEscrow.setProjectPayee: the escrow keeps the payee set its own registry writes", function () {
  it("mirrors the registry's additions and removals in isProjectPayee, per project", async function () {
    const { escrow, registry, firm, supplierA, stranger, projectId } =
      await networkHelpers.loadFixture(approvedProjectFixture);
    expect(await escrow.isProjectPayee(projectId, supplierA.address)).to.equal(true);
    expect(await escrow.isProjectPayee(projectId, stranger.address)).to.equal(false);
    expect(await escrow.isProjectPayee(projectId + 1n, supplierA.address)).to.equal(false);
    await registry.connect(firm).removeProjectSupplier(projectId, supplierA.address);
    expect(await escrow.isProjectPayee(projectId, supplierA.address)).to.equal(false);
    await registry.connect(firm).addProjectSupplier(projectId, supplierA.address);
    expect(await escrow.isProjectPayee(projectId, supplierA.address)).to.equal(true);
  });

  it("reverts with RDEscrow_CallerNotRegistry for the firm, a stranger, or another registry naming this escrow", async function () {
    const { escrow, oracle, firm, stranger, supplierA, projectId } =
      await networkHelpers.loadFixture(approvedProjectFixture);
    for (const caller of [firm, stranger]) {
      await expect(escrow.connect(caller).setProjectPayee(projectId, stranger.address, true))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotRegistry")
        .withArgs(caller.address);
      await expect(escrow.connect(caller).setProjectPayee(projectId, supplierA.address, false))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotRegistry")
        .withArgs(caller.address);
    }
    // A second registry wired to this escrow cannot add payees to its projects: only the escrow's own registry can.
    const rogue = await ethers.deployContract("SupplyChainRegistry", [
      await escrow.getAddress(),
      stranger.address,
      await oracle.getAddress(),
    ]);
    await rogue.connect(stranger).registerSupplier(ethers.id("stranger"), REGION);
    await expect(rogue.connect(firm).addProjectSupplier(projectId, stranger.address))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotRegistry")
      .withArgs(await rogue.getAddress());
    expect(await escrow.isProjectPayee(projectId, stranger.address)).to.equal(false);
  });
});

describe("SupplyChainRegistry.removeProjectSupplier: the firm removes a payee, which the escrow then refuses", function () {
  it("removes the supplier with ProjectSupplierRemoved; paying it reverts with RDEscrow_PayeeNotAllowed until re-added", async function () {
    const { escrow, registry, firm, supplierA, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
    await expect(registry.connect(firm).removeProjectSupplier(projectId, supplierA.address))
      .to.emit(registry, "ProjectSupplierRemoved")
      .withArgs(projectId, supplierA.address);
    expect(await registry.isProjectPayee(projectId, supplierA.address)).to.equal(false);
    await expect(escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 1n, Category.DirectInputs, INVOICE))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_PayeeNotAllowed")
      .withArgs(projectId, supplierA.address);
    await expect(registry.connect(firm).addProjectSupplier(projectId, supplierA.address))
      .to.emit(registry, "ProjectSupplierAdded")
      .withArgs(projectId, supplierA.address);
    await escrow.connect(firm).disburse(projectId, 0n, supplierA.address, 1n, Category.DirectInputs, INVOICE);
  });

  it("reverts with SupplyChainRegistry_CallerNotFirm for anyone else and _NotProjectPayee for a supplier not listed", async function () {
    const { registry, firm, stranger, supplierA, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
    await expect(registry.connect(stranger).removeProjectSupplier(projectId, supplierA.address))
      .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_CallerNotFirm")
      .withArgs(projectId, stranger.address);
    await expect(registry.connect(firm).removeProjectSupplier(projectId, stranger.address))
      .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_NotProjectPayee")
      .withArgs(projectId, stranger.address);
  });
});

describe("RDEscrow.transferVerifier: a verifier hands its role to a successor it names", function () {
  it("hands over with VerifierTransferred; the successor approves, the former verifier no longer can", async function () {
    const { escrow, firm, verifier, stranger, projectId } = await networkHelpers.loadFixture(approvedProjectFixture);
    await expect(escrow.connect(verifier).transferVerifier(projectId, stranger.address))
      .to.emit(escrow, "VerifierTransferred")
      .withArgs(projectId, verifier.address, stranger.address);
    expect((await escrow.getProject(projectId)).verifier).to.equal(stranger.address);
    await escrow.connect(firm).submitMilestone(projectId, 1n, ethers.id("evidence 1"));
    await expect(escrow.connect(verifier).approveMilestone(projectId, 1n))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotVerifier")
      .withArgs(projectId, verifier.address);
    await expect(escrow.connect(stranger).approveMilestone(projectId, 1n)).to.emit(escrow, "MilestoneApproved");
  });

  it("never lets the firm change the verifier", async function () {
    const { escrow, firm, stranger, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
    await expect(escrow.connect(firm).transferVerifier(projectId, stranger.address))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_CallerNotVerifier")
      .withArgs(projectId, firm.address);
  });

  it("reverts with RDEscrow_InvalidSuccessor for zero, itself, the firm or a financier of the project", async function () {
    const { escrow, firm, verifier, f2, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
    for (const successor of [ethers.ZeroAddress, verifier.address, firm.address, f2.address]) {
      await expect(escrow.connect(verifier).transferVerifier(projectId, successor))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_InvalidSuccessor")
        .withArgs(projectId, successor);
    }
  });

  it("reverts with RDEscrow_ProjectNotActive on a closed project and RDEscrow_ProjectNotFound for an unknown id", async function () {
    const { escrow, firm, verifier, stranger, projectId } = await networkHelpers.loadFixture(fundedProjectFixture);
    await escrow.connect(firm).cancelProject(projectId);
    await expect(escrow.connect(verifier).transferVerifier(projectId, stranger.address))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotActive")
      .withArgs(projectId, ProjectStatus.Cancelled);
    await expect(escrow.connect(verifier).transferVerifier(9n, stranger.address))
      .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
      .withArgs(9n);
  });
});
