import { expect } from "chai";
import { network } from "hardhat";

import {
  createdProjectFixture,
  deployEscrowFixture,
  expectAccounting,
  fundAs,
  METADATA,
  ProjectStatus,
  signPermit,
  standardMilestones,
} from "../helpers/escrow.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

const { ethers, networkHelpers } = await network.getOrCreate();

describe("RDEscrow.fund", function () {
  describe("given an active project with room", function () {
    it("moves the tokens in, records each financier's contribution and emits Funded", async function () {
      const { escrow, token, f1, f2, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      await expect(fundAs(escrow, token, f1, projectId, 100_00n))
        .to.emit(escrow, "Funded")
        .withArgs(projectId, f1.address, 100_00n)
        .and.to.emit(token, "Transfer")
        .withArgs(f1.address, await escrow.getAddress(), 100_00n);
      await fundAs(escrow, token, f1, projectId, 50_00n);
      await fundAs(escrow, token, f2, projectId, 25_00n);
      expect(await escrow.getPosition(projectId, f1.address)).to.deep.equal([150_00n, 0n, false]);
      expect(await escrow.getPosition(projectId, f2.address)).to.deep.equal([25_00n, 0n, false]);
      expect((await escrow.getProject(projectId)).funded).to.equal(175_00n);
      await expectAccounting(escrow, token, [projectId]);
    });

    it("accepts funding up to exactly the target", async function () {
      const { escrow, token, f1, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      const { target } = await escrow.getProject(projectId);
      await fundAs(escrow, token, f1, projectId, target);
      expect((await escrow.getProject(projectId)).funded).to.equal(target);
    });
  });

  describe("when the call is wrong", function () {
    it("reverts with RDEscrow_OverFunding carrying the room left", async function () {
      const { escrow, token, f1, f2, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      const { target } = await escrow.getProject(projectId);
      await fundAs(escrow, token, f1, projectId, target - 10n);
      await expect(fundAs(escrow, token, f2, projectId, 11n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_OverFunding")
        .withArgs(projectId, 11n, 10n);
    });

    it("reverts with RDEscrow_ZeroAmount for a zero amount", async function () {
      const { escrow, f1, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      await expect(escrow.connect(f1).fund(projectId, 0n)).to.be.revertedWithCustomError(escrow, "RDEscrow_ZeroAmount");
    });

    it("reverts with RDEscrow_ProjectNotFound for an unknown project", async function () {
      const { escrow, f1 } = await networkHelpers.loadFixture(createdProjectFixture);
      await expect(escrow.connect(f1).fund(7n, 1n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
        .withArgs(7n);
    });

    it("reverts with RDEscrow_ProjectNotActive once the project is cancelled", async function () {
      const { escrow, token, firm, f1, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      await escrow.connect(firm).cancelProject(projectId);
      await expect(fundAs(escrow, token, f1, projectId, 1n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotActive")
        .withArgs(projectId, ProjectStatus.Cancelled);
    });

    it("reverts in the token (ERC20InsufficientAllowance) without an allowance", async function () {
      const { escrow, token, f1, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      await expect(escrow.connect(f1).fund(projectId, 1n))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(await escrow.getAddress(), 0n, 1n);
    });
  });

  describe("fundWithPermit", function () {
    it("funds in one transaction with an EIP-2612 signature", async function () {
      const { escrow, token, f1, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
      const { v, r, s } = await signPermit(token, f1, await escrow.getAddress(), 300_00n, deadline);
      await expect(escrow.connect(f1).fundWithPermit(projectId, 300_00n, deadline, v, r, s))
        .to.emit(escrow, "Funded")
        .withArgs(projectId, f1.address, 300_00n);
      expect(await token.allowance(f1.address, await escrow.getAddress())).to.equal(0n);
      await expectAccounting(escrow, token, [projectId]);
    });

    it("still funds when the permit was front-run (used by someone else) and the allowance is there", async function () {
      const { escrow, token, f1, stranger, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      const escrowAddress = await escrow.getAddress();
      const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
      const { v, r, s } = await signPermit(token, f1, escrowAddress, 300_00n, deadline);
      await token.connect(stranger).permit(f1.address, escrowAddress, 300_00n, deadline, v, r, s);
      await expect(escrow.connect(f1).fundWithPermit(projectId, 300_00n, deadline, v, r, s))
        .to.emit(escrow, "Funded")
        .withArgs(projectId, f1.address, 300_00n);
    });

    it("reverts in the token when the permit fails and there is no allowance", async function () {
      const { escrow, token, f1, projectId } = await networkHelpers.loadFixture(createdProjectFixture);
      const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
      const { v, r, s } = await signPermit(token, f1, await escrow.getAddress(), 300_00n, deadline);
      await expect(escrow.connect(f1).fundWithPermit(projectId, 400_00n, deadline, v, r, s))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(await escrow.getAddress(), 0n, 400_00n);
    });

    it("reverts with RDEscrow_ProjectNotFound for an unknown project", async function () {
      const { escrow, token, f1 } = await networkHelpers.loadFixture(createdProjectFixture);
      const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
      const { v, r, s } = await signPermit(token, f1, await escrow.getAddress(), 1n, deadline);
      await expect(escrow.connect(f1).fundWithPermit(9n, 1n, deadline, v, r, s))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
        .withArgs(9n);
    });
  });

  describe("given unusual tokens", function () {
    async function projectInToken(token: { getAddress(): Promise<string> }) {
      const base = await deployEscrowFixture();
      const now = BigInt(await networkHelpers.time.latest());
      await base.escrow
        .connect(base.firm)
        .createProject(
          await token.getAddress(),
          base.verifier.address,
          METADATA,
          "",
          DEFAULT_PROFILE,
          standardMilestones(now),
        );
      return { ...base, projectId: 1n };
    }
    async function feeTokenFixture() {
      const token = await ethers.deployContract("FeeOnTransferToken", [100n]); // 1% fee
      const base = await projectInToken(token);
      for (const f of [base.f1, base.f2]) await token.mint(f.address, 10_000_000_00n);
      return { ...base, token };
    }
    async function falseTokenFixture() {
      const token = await ethers.deployContract("FalseReturningToken");
      const base = await projectInToken(token);
      await token.mint(base.f1.address, 10_000_000_00n);
      return { ...base, token };
    }

    it("credits a fee-on-transfer token's balance delta, not the amount sent, and refunds stay exact", async function () {
      const { escrow, token, firm, f1, f2, projectId } = await networkHelpers.loadFixture(feeTokenFixture);
      await expect(fundAs(escrow, token, f1, projectId, 1_000_00n))
        .to.emit(escrow, "Funded")
        .withArgs(projectId, f1.address, 990_00n);
      await fundAs(escrow, token, f2, projectId, 500_00n);
      expect((await escrow.getPosition(projectId, f1.address))[0]).to.equal(990_00n);
      expect((await escrow.getProject(projectId)).funded).to.equal(1_485_00n);
      await expectAccounting(escrow, token, [projectId]);
      await escrow.connect(firm).cancelProject(projectId);
      await escrow.connect(f1).claimRefund(projectId);
      await escrow.connect(f2).claimRefund(projectId);
      expect(await token.balanceOf(await escrow.getAddress())).to.equal(0n);
      await expectAccounting(escrow, token, [projectId]);
    });

    it("reverts with RDEscrow_UnexpectedBalanceChange when nothing arrives or more than sent", async function () {
      const { escrow, token, f1, projectId } = await networkHelpers.loadFixture(feeTokenFixture);
      await token.setFeeBps(10_000n);
      await expect(fundAs(escrow, token, f1, projectId, 1_000n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_UnexpectedBalanceChange")
        .withArgs(projectId, 1_000n, 0n);
      await token.setFeeBps(0n);
      await token.setBonus(1n);
      await expect(fundAs(escrow, token, f1, projectId, 1_000n))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_UnexpectedBalanceChange")
        .withArgs(projectId, 1_000n, 1_001n);
    });

    it("reverts with SafeERC20FailedOperation when the token returns false", async function () {
      const { escrow, token, f1, projectId } = await networkHelpers.loadFixture(falseTokenFixture);
      await token.setReturnFalse(true);
      await expect(fundAs(escrow, token, f1, projectId, 1_000n))
        .to.be.revertedWithCustomError(escrow, "SafeERC20FailedOperation")
        .withArgs(await token.getAddress());
    });
  });
});
