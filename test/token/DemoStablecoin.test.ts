import { expect } from "chai";
import { network } from "hardhat";

import { signPermit } from "../../scripts/lib/permit.js";

const { ethers, networkHelpers } = await network.getOrCreate();

async function deployStablecoinFixture() {
  const [owner, financier, stranger] = await ethers.getSigners();
  const token = await ethers.deployContract("DemoStablecoin", ["Digital CNY (demo)", "dCNY", owner.address]);
  return { token, owner, financier, stranger };
}

describe("DemoStablecoin", function () {
  describe("mint", function () {
    it("mints to any account when called by the owner on the local chain", async function () {
      const { token, financier } = await networkHelpers.loadFixture(deployStablecoinFixture);
      await expect(token.mint(financier.address, 1_000_000_00n))
        .to.emit(token, "Transfer")
        .withArgs(ethers.ZeroAddress, financier.address, 1_000_000_00n);
      expect(await token.balanceOf(financier.address)).to.equal(1_000_000_00n);
    });

    it("reverts with OwnableUnauthorizedAccount when a stranger mints", async function () {
      const { token, stranger } = await networkHelpers.loadFixture(deployStablecoinFixture);
      await expect(token.connect(stranger).mint(stranger.address, 1n))
        .to.be.revertedWithCustomError(token, "OwnableUnauthorizedAccount")
        .withArgs(stranger.address);
    });
  });

  describe("permit", function () {
    it("lets a spender pull tokens with an EIP-2612 signature", async function () {
      const { token, owner, financier, stranger } = await networkHelpers.loadFixture(deployStablecoinFixture);
      await token.mint(financier.address, 500n);
      const deadline = BigInt(await networkHelpers.time.latest()) + 3600n;
      const { v, r, s } = await signPermit(token, financier, owner.address, 500n, deadline);
      await token.permit(financier.address, owner.address, 500n, deadline, v, r, s);
      await token.transferFrom(financier.address, stranger.address, 500n);
      expect(await token.balanceOf(stranger.address)).to.equal(500n);
    });
  });
});
