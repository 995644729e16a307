import { expect } from "chai";
import { network } from "hardhat";

import { BUDGETS, Category, deployEscrowFixture, fundAs, METADATA, standardMilestones } from "../helpers/escrow.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

const { ethers, networkHelpers } = await network.getOrCreate();

describe("RDEscrow with a re-entering token", function () {
  /** A project in a malicious token that calls back into the escrow during transfers; milestone 0 approved. */
  async function reentrantFixture() {
    const base = await deployEscrowFixture();
    const { escrow, firm, verifier, f1, f2 } = base;
    const token = await ethers.deployContract("ReentrantToken");
    const now = BigInt(await networkHelpers.time.latest());
    await escrow
      .connect(firm)
      .createProject(
        await token.getAddress(),
        verifier.address,
        METADATA,
        "",
        DEFAULT_PROFILE,
        standardMilestones(now),
      );
    const projectId = 1n;
    for (const f of [f1, f2]) await token.mint(f.address, 10_000_000_00n);
    await fundAs(escrow, token, f1, projectId, BUDGETS[0]);
    await escrow.connect(firm).submitMilestone(projectId, 0n, ethers.id("e"), "");
    await escrow.connect(verifier).approveMilestone(projectId, 0n);
    return { ...base, token, projectId };
  }

  it("blocks fund re-entering fund (ReentrancyGuardReentrantCall)", async function () {
    const { escrow, token, f2, projectId } = await networkHelpers.loadFixture(reentrantFixture);
    await token.arm(await escrow.getAddress(), escrow.interface.encodeFunctionData("fund", [projectId, 1n]));
    await expect(fundAs(escrow, token, f2, projectId, 1_000n)).to.be.revertedWithCustomError(
      escrow,
      "ReentrancyGuardReentrantCall",
    );
  });

  it("blocks disburse re-entering markFailed and disburse", async function () {
    const { escrow, token, firm, projectId } = await networkHelpers.loadFixture(reentrantFixture);
    await token.arm(await escrow.getAddress(), escrow.interface.encodeFunctionData("markFailed", [projectId]));
    await expect(
      escrow.connect(firm).disburse(projectId, 0n, firm.address, 1n, Category.OtherRelated, ethers.id("a")),
    ).to.be.revertedWithCustomError(escrow, "ReentrancyGuardReentrantCall");
    const again = escrow.interface.encodeFunctionData("disburse", [
      projectId,
      0n,
      firm.address,
      1n,
      Category.OtherRelated,
      ethers.id("b"),
    ]);
    await token.arm(await escrow.getAddress(), again);
    await expect(
      escrow.connect(firm).disburse(projectId, 0n, firm.address, 1n, Category.OtherRelated, ethers.id("a")),
    ).to.be.revertedWithCustomError(escrow, "ReentrancyGuardReentrantCall");
  });

  it("updates state before the transfer: mid-disburse the payment is already recorded", async function () {
    const { escrow, token, firm, projectId } = await networkHelpers.loadFixture(reentrantFixture);
    await token.arm(await escrow.getAddress(), escrow.interface.encodeFunctionData("getMilestones", [projectId]));
    await escrow.connect(firm).disburse(projectId, 0n, firm.address, 7n, Category.OtherRelated, ethers.id("a"));
    const [milestones] = escrow.interface.decodeFunctionResult("getMilestones", await token.lastReturnData());
    expect(milestones[0].paid).to.equal(7n);
  });

  it("blocks claimRefund re-entering claimRefund, and records the claim before paying", async function () {
    const { escrow, token, firm, f1, projectId } = await networkHelpers.loadFixture(reentrantFixture);
    await escrow.connect(firm).cancelProject(projectId);
    const escrowAddress = await escrow.getAddress();
    await token.arm(escrowAddress, escrow.interface.encodeFunctionData("claimRefund", [projectId]));
    await expect(escrow.connect(f1).claimRefund(projectId)).to.be.revertedWithCustomError(
      escrow,
      "ReentrancyGuardReentrantCall",
    );
    await token.arm(escrowAddress, escrow.interface.encodeFunctionData("getPosition", [projectId, f1.address]));
    await escrow.connect(f1).claimRefund(projectId);
    const [contributed, claimable, claimed] = escrow.interface.decodeFunctionResult(
      "getPosition",
      await token.lastReturnData(),
    );
    expect([contributed, claimable, claimed]).to.deep.equal([BUDGETS[0], 0n, true]);
    expect(await token.balanceOf(escrowAddress)).to.equal(0n);
  });
});
