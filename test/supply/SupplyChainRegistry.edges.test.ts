/**
 * Edge behaviours of the SupplyChainRegistry on a second registry whose pool is a test account (`keeper`), wired to
 * the escrow and the oracle of the real stack, so that failover can be called directly and its return values
 * asserted.
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { SupplyChainRegistry } from "../../types/ethers-contracts/index.js";
import { ADV1, deployScenario, REGION_CN } from "./fixtures.js";

const { ethers, networkHelpers } = await network.getOrCreate();

enum Outcome {
  Switched,
  NotAffected,
  AlreadyHandled,
  NoHealthySubstitute,
  OverBudget,
}

/** The fixture's stack, plus a second registry whose only allowed failover caller is `keeper` (acting as pool). */
async function directRegistry() {
  const s = await deployScenario(ethers);
  const registry = (await ethers.deployContract("SupplyChainRegistry", [
    s.stack.addresses.escrow,
    s.keeper.address,
    s.stack.addresses.oracle,
  ])) as unknown as SupplyChainRegistry;
  for (const sup of [s.supA, s.s1]) await registry.connect(sup).registerSupplier(ethers.id(sup.address), REGION_CN);
  await registry
    .connect(s.firm)
    .defineComponent(s.projectId, ethers.id("resin"), s.supA.address, [{ supplier: s.s1.address, advance: ADV1 }]);
  return { ...s, direct: registry, pool: s.keeper };
}

describe("SupplyChainRegistry edges", function () {
  describe("addProjectSupplier makes a registered supplier a payee of the project, once", function () {
    it("emits ProjectSupplierAdded the first time only, and only for that project", async function () {
      const s = await networkHelpers.loadFixture(directRegistry);
      const { registry, firm, projectId, stranger } = s;
      await registry.connect(stranger).registerSupplier(ethers.id("stranger"), REGION_CN);
      expect(await registry.isProjectPayee(projectId, stranger.address)).to.equal(false);
      await expect(registry.connect(firm).addProjectSupplier(projectId, stranger.address))
        .to.emit(registry, "ProjectSupplierAdded")
        .withArgs(projectId, stranger.address);
      expect(await registry.isProjectPayee(projectId, stranger.address)).to.equal(true);
      expect(await registry.isProjectPayee(projectId + 1n, stranger.address)).to.equal(false);
      // Adding it again changes nothing and emits nothing.
      await expect(registry.connect(firm).addProjectSupplier(projectId, stranger.address)).not.to.emit(
        registry,
        "ProjectSupplierAdded",
      );
      expect(await registry.isProjectPayee(projectId, stranger.address)).to.equal(true);
    });
  });

  describe("failover is idempotent per confirmation", function () {
    it("returns AlreadyHandled (and switches nothing) when the same confirmation meets the pair again", async function () {
      const { direct, pool, firm, projectId, supA, s1 } = await networkHelpers.loadFixture(directRegistry);
      const confirmation = 7n;
      expect(
        await direct.connect(pool).failover.staticCall(projectId, 1n, supA.address, confirmation, ADV1),
      ).to.deep.equal([BigInt(Outcome.Switched), s1.address, ADV1]);
      await expect(direct.connect(pool).failover(projectId, 1n, supA.address, confirmation, ADV1))
        .to.emit(direct, "ComponentSwitched")
        .withArgs(projectId, 1n, s1.address, supA.address, confirmation);

      // The firm moves the component back to the disrupted supplier by hand.
      await direct.connect(firm).switchSupplier(projectId, 1n, supA.address);
      expect(await direct.currentSupplier(projectId, 1n)).to.equal(supA.address);

      // The same confirmation again (a re-delivery): handled already, nothing to pay, no switch.
      expect(
        await direct.connect(pool).failover.staticCall(projectId, 1n, supA.address, confirmation, ADV1),
      ).to.deep.equal([BigInt(Outcome.AlreadyHandled), ethers.ZeroAddress, 0n]);
      await expect(direct.connect(pool).failover(projectId, 1n, supA.address, confirmation, ADV1)).not.to.emit(
        direct,
        "ComponentSwitched",
      );
      const c = await direct.getComponent(projectId, 1n);
      expect([c.current, c.currentIndex, c.lastConfirmationId]).to.deep.equal([supA.address, 0n, confirmation]);

      // A new confirmation of the same supplier fails the component over again.
      await expect(direct.connect(pool).failover(projectId, 1n, supA.address, confirmation + 1n, ADV1))
        .to.emit(direct, "ComponentSwitched")
        .withArgs(projectId, 1n, s1.address, supA.address, confirmation + 1n);
    });
  });
});
