import { expect } from "chai";
import { network } from "hardhat";

import { ADV1, deployScenario, REGION_CN, REGION_DE } from "../helpers/supply-chain.js";

const { ethers, networkHelpers } = await network.getOrCreate();

async function scenario() {
  return deployScenario(ethers);
}

describe("SupplyChainRegistry", function () {
  describe("constructor", function () {
    it("reverts with SupplyChainRegistry_ZeroAddress", async function () {
      const factory = await ethers.getContractFactory("SupplyChainRegistry");
      await expect(
        factory.deploy(ethers.ZeroAddress, ethers.ZeroAddress, ethers.ZeroAddress),
      ).to.be.revertedWithCustomError(factory, "SupplyChainRegistry_ZeroAddress");
    });

    it("is wired to the escrow, pool and oracle deployed by deployStack", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      expect(await s.registry.escrow()).to.equal(s.stack.addresses.escrow);
      expect(await s.registry.pool()).to.equal(s.stack.addresses.pool);
      expect(await s.registry.oracle()).to.equal(s.stack.addresses.oracle);
      expect(await s.escrow.registry()).to.equal(s.stack.addresses.registry);
      expect(await s.pool.registry()).to.equal(s.stack.addresses.registry);
      expect(await s.oracle.subscribers()).to.deep.equal([s.stack.addresses.pool]);
    });
  });

  describe("registerSupplier", function () {
    it("registers the caller and lets it update its record", async function () {
      const { registry, stranger } = await networkHelpers.loadFixture(scenario);
      await expect(registry.connect(stranger).registerSupplier(ethers.id("a"), REGION_DE))
        .to.emit(registry, "SupplierRegistered")
        .withArgs(stranger.address, stranger.address, ethers.id("a"), REGION_DE);
      await registry.connect(stranger).registerSupplier(ethers.id("b"), REGION_CN);
      const rec = await registry.getSupplier(stranger.address);
      expect(rec.metadataHash).to.equal(ethers.id("b"));
      expect(rec.region).to.equal(REGION_CN);
      expect(rec.registered).to.equal(true);
    });

    it("reverts with SupplyChainRegistry_InvalidRegion for a zero region", async function () {
      const { registry, stranger } = await networkHelpers.loadFixture(scenario);
      await expect(registry.connect(stranger).registerSupplier(ethers.id("a"), "0x0000"))
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_InvalidRegion")
        .withArgs("0x0000");
    });
  });

  describe("addProjectSupplier", function () {
    it("reverts with SupplyChainRegistry_SupplierNotRegistered when adding an unknown supplier", async function () {
      const { registry, firm, stranger, projectId } = await networkHelpers.loadFixture(scenario);
      await expect(registry.connect(firm).addProjectSupplier(projectId, stranger.address))
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_SupplierNotRegistered")
        .withArgs(stranger.address);
    });

    it("reverts with RDEscrow_ProjectNotFound for an unknown project", async function () {
      const { registry, escrow, firm, supA } = await networkHelpers.loadFixture(scenario);
      await expect(registry.connect(firm).addProjectSupplier(7n, supA.address))
        .to.be.revertedWithCustomError(escrow, "RDEscrow_ProjectNotFound")
        .withArgs(7n);
    });
  });

  describe("access control: every firm-only function from every other role", function () {
    it("reverts with SupplyChainRegistry_CallerNotFirm", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const { registry, projectId } = s;
      for (const caller of [s.admin, s.verifier, s.f1, s.r1, s.supA, s.s1, s.stranger, s.firm2]) {
        const r = registry.connect(caller);
        const calls = [
          r.addProjectSupplier(projectId, s.supA.address),
          r.defineComponent(projectId, ethers.id("c"), s.supA.address, [{ supplier: s.s1.address, advance: 1n }]),
          r.switchSupplier(projectId, 1n, s.s1.address),
        ];
        for (const call of calls) {
          await expect(call)
            .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_CallerNotFirm")
            .withArgs(projectId, caller.address);
        }
      }
    });

    it("reverts failover with SupplyChainRegistry_CallerNotPool for everyone but the pool", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      for (const caller of [s.admin, s.firm, s.f1, s.r1, s.stranger]) {
        await expect(s.registry.connect(caller).failover(s.supA.address, 0n, 1n, 0n, 10n ** 18n))
          .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_CallerNotPool")
          .withArgs(caller.address);
      }
    });
  });

  describe("defineComponent", function () {
    it("stores the component, its substitutes and the reverse index", async function () {
      const { registry, projectId, supA, s1, s2, s3 } = await networkHelpers.loadFixture(scenario);
      expect(await registry.componentCount(projectId)).to.equal(3n);
      const c = await registry.getComponent(projectId, 1n);
      expect(c.primary).to.equal(supA.address);
      expect(c.current).to.equal(supA.address);
      expect(c.substitutes[0].supplier).to.equal(s1.address);
      expect(c.substitutes[0].advance).to.equal(ADV1);
      expect(await registry.pairCount(supA.address)).to.equal(2n);
      expect(await registry.pairCount(s3.address)).to.equal(2n);
      const [total, projects, components] = await registry.pairsOf(s3.address, 0n, 10n);
      expect(total).to.equal(2n);
      expect(projects).to.deep.equal([projectId, projectId]);
      expect(components).to.deep.equal([2n, 3n]);
      expect((await registry.pairsOf(s3.address, 5n, 10n))[1]).to.deep.equal([]);
      expect(await registry.isProjectPayee(projectId, s2.address)).to.equal(true);
    });

    it("reverts with SupplyChainRegistry_InvalidSubstituteCount", async function () {
      const { registry, firm, projectId, supA, signers } = await networkHelpers.loadFixture(scenario);
      await expect(registry.connect(firm).defineComponent(projectId, ethers.id("c"), supA.address, []))
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_InvalidSubstituteCount")
        .withArgs(0n, 8n);
      const nine = signers.slice(0, 9).map((x) => ({ supplier: x.address, advance: 1n }));
      await expect(registry.connect(firm).defineComponent(projectId, ethers.id("c"), supA.address, nine))
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_InvalidSubstituteCount")
        .withArgs(9n, 8n);
    });

    it("reverts with SupplyChainRegistry_DuplicateSupplier", async function () {
      const { registry, firm, projectId, supA, s1 } = await networkHelpers.loadFixture(scenario);
      await expect(
        registry
          .connect(firm)
          .defineComponent(projectId, ethers.id("c"), supA.address, [{ supplier: supA.address, advance: 1n }]),
      )
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_DuplicateSupplier")
        .withArgs(supA.address);
      await expect(
        registry.connect(firm).defineComponent(projectId, ethers.id("c"), supA.address, [
          { supplier: s1.address, advance: 1n },
          { supplier: s1.address, advance: 1n },
        ]),
      )
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_DuplicateSupplier")
        .withArgs(s1.address);
    });

    it("reverts with SupplyChainRegistry_InvalidAdvance for 0 and for more than 96 bits", async function () {
      const { registry, firm, projectId, supA, s1 } = await networkHelpers.loadFixture(scenario);
      const max = 2n ** 96n - 1n;
      await expect(
        registry
          .connect(firm)
          .defineComponent(projectId, ethers.id("c"), supA.address, [{ supplier: s1.address, advance: 0n }]),
      )
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_InvalidAdvance")
        .withArgs(0n, 0n, max);
      await expect(
        registry
          .connect(firm)
          .defineComponent(projectId, ethers.id("c"), supA.address, [{ supplier: s1.address, advance: max + 1n }]),
      )
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_InvalidAdvance")
        .withArgs(0n, max + 1n, max);
    });

    it("reverts with SupplyChainRegistry_SupplierNotRegistered for an unknown primary", async function () {
      const { registry, firm, projectId, stranger, s1 } = await networkHelpers.loadFixture(scenario);
      await expect(
        registry
          .connect(firm)
          .defineComponent(projectId, ethers.id("c"), stranger.address, [{ supplier: s1.address, advance: 1n }]),
      )
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_SupplierNotRegistered")
        .withArgs(stranger.address);
    });

    it("reverts acceptListing with SupplyChainRegistry_TooManyPairs beyond 64 accepted listings", async function () {
      const { registry, firm, projectId, supA, s1, s2 } = await networkHelpers.loadFixture(scenario);
      // s1 already accepted 1 listing; 63 more fill its reverse index.
      for (let i = 0; i < 63; i++) {
        await registry
          .connect(firm)
          .defineComponent(projectId, ethers.id("c"), s2.address, [{ supplier: s1.address, advance: 1n }]);
        await registry.connect(s1).acceptListing(projectId, 4n + BigInt(i));
      }
      await registry
        .connect(firm)
        .defineComponent(projectId, ethers.id("c"), supA.address, [{ supplier: s1.address, advance: 1n }]);
      await expect(registry.connect(s1).acceptListing(projectId, 67n))
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_TooManyPairs")
        .withArgs(s1.address, 64n);
      // Leaving one listing frees an entry.
      await registry.connect(s1).leaveListing(projectId, 4n);
      await registry.connect(s1).acceptListing(projectId, 67n);
      expect(await registry.pairCount(s1.address)).to.equal(64n);
    });
  });

  describe("switchSupplier", function () {
    it("switches to a substitute and back to the primary", async function () {
      const { registry, firm, projectId, supA, s3 } = await networkHelpers.loadFixture(scenario);
      await expect(registry.connect(firm).switchSupplier(projectId, 2n, s3.address))
        .to.emit(registry, "ComponentSwitched")
        .withArgs(projectId, 2n, s3.address, supA.address, 0n);
      expect((await registry.getComponent(projectId, 2n)).currentIndex).to.equal(2n);
      await registry.connect(firm).switchSupplier(projectId, 2n, supA.address);
      expect(await registry.currentSupplier(projectId, 2n)).to.equal(supA.address);
    });

    it("reverts with _AlreadyCurrent, _NotComponentSupplier and _ComponentNotFound", async function () {
      const { registry, firm, projectId, supA, supB } = await networkHelpers.loadFixture(scenario);
      await expect(registry.connect(firm).switchSupplier(projectId, 1n, supA.address))
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_AlreadyCurrent")
        .withArgs(projectId, 1n, supA.address);
      await expect(registry.connect(firm).switchSupplier(projectId, 1n, supB.address))
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_NotComponentSupplier")
        .withArgs(projectId, 1n, supB.address);
      await expect(registry.connect(firm).switchSupplier(projectId, 9n, supB.address))
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_ComponentNotFound")
        .withArgs(projectId, 9n);
      await expect(registry.currentSupplier(projectId, 9n))
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_ComponentNotFound")
        .withArgs(projectId, 9n);
    });
  });
});
