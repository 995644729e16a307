/**
 * Edge behaviours of the SupplyChainRegistry on a second registry whose pool is a test account (`keeper`), wired to
 * the oracle of the real stack and to a second escrow bound to it (the escrow keeps the payees its own registry
 * writes, so a registry works only with the escrow that names it), so that failover can be called directly and its
 * return values asserted.
 */
import { expect } from "chai";
import { network } from "hardhat";

import type { RDEscrow, SupplyChainRegistry } from "../../types/ethers-contracts/index.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";
import { Accounting, Stage } from "../../web/src/generated/enums.js";
import { acceptListings, ADV1, deployScenario, REGION_CN, report } from "../helpers/supply-chain.js";
import { FailoverOutcome as Outcome } from "../../web/src/generated/enums.js";

const { ethers, networkHelpers } = await network.getOrCreate();

/** A confirmation time after every notice in these tests (eligibility itself: SupplyChainRegistry.consent.test.ts). */
const FAR = 2n ** 39n;

/** The fixture's stack, plus a second registry whose only allowed failover caller is `keeper` (acting as pool), and
 * the escrow bound to it, holding the same project (id 1, same firm). */
async function directRegistry() {
  const s = await deployScenario(ethers);
  const nonce = await ethers.provider.getTransactionCount(s.admin.address, "pending");
  const escrowAddress = ethers.getCreateAddress({ from: s.admin.address, nonce: nonce + 1 });
  const registry = (await ethers.deployContract(
    "SupplyChainRegistry",
    [escrowAddress, s.keeper.address, s.stack.addresses.oracle],
    { signer: s.admin, nonce },
  )) as unknown as SupplyChainRegistry;
  const escrow = (await ethers.deployContract("RDEscrow", [await registry.getAddress(), s.stack.addresses.oracle], {
    signer: s.admin,
    nonce: nonce + 1,
  })) as unknown as RDEscrow;
  expect(await escrow.getAddress()).to.equal(escrowAddress);
  const now = BigInt(await networkHelpers.time.latest());
  await escrow
    .connect(s.firm)
    .createProject(s.stack.addresses.token, s.verifier.address, ethers.id("direct"), DEFAULT_PROFILE, [
      { budget: 1_000n, deadline: now + 86_400n, stage: Stage.Research, accounting: Accounting.Expensed },
    ]);
  for (const sup of [s.supA, s.s1]) await registry.connect(sup).registerSupplier(ethers.id(sup.address), REGION_CN);
  await registry
    .connect(s.firm)
    .defineComponent(s.projectId, ethers.id("resin"), s.supA.address, [{ supplier: s.s1.address, advance: ADV1 }]);
  await acceptListings(registry as never, s.projectId, 1n, [s.supA, s.s1]);
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

  describe("failover meets each pair at most once per disruption", function () {
    it("switches the pair once; then the pair reads NotAffected and the firm cannot switch it back while the supplier is disrupted", async function () {
      const s = await networkHelpers.loadFixture(directRegistry);
      const { direct, pool, firm, projectId, supA, s1, oracle, r1, r2 } = s;
      await report(ethers, oracle as never, [r1, r2], supA.address); // the oracle now holds supA disrupted
      const confirmation = 1n;
      expect(await direct.connect(pool).failover.staticCall(supA.address, 0n, confirmation, FAR, ADV1)).to.deep.equal([
        BigInt(Outcome.Switched),
        s1.address,
        ADV1,
      ]);
      await expect(direct.connect(pool).failover(supA.address, 0n, confirmation, FAR, ADV1))
        .to.emit(direct, "ComponentSwitched")
        .withArgs(projectId, 1n, s1.address, supA.address, confirmation);

      // The same disruption again (a re-delivery): the component no longer names supA as current.
      expect(await direct.connect(pool).failover.staticCall(supA.address, 0n, confirmation, FAR, ADV1)).to.deep.equal([
        BigInt(Outcome.NotAffected),
        ethers.ZeroAddress,
        0n,
      ]);
      await expect(direct.connect(pool).failover(supA.address, 0n, confirmation, FAR, ADV1)).not.to.emit(
        direct,
        "ComponentSwitched",
      );
      // And the firm cannot move it back to supA by hand while supA is disrupted.
      await expect(direct.connect(firm).switchSupplier(projectId, 1n, supA.address))
        .to.be.revertedWithCustomError(direct, "SupplyChainRegistry_SupplierDisrupted")
        .withArgs(supA.address);
      const c = await direct.getComponent(projectId, 1n);
      expect([c.current, c.currentIndex]).to.deep.equal([s1.address, 1n]);

      // Once supA recovered the firm may switch back, and the next disruption fails the component over again.
      await report(ethers, oracle as never, [r1, r2], supA.address, false);
      await expect(direct.connect(firm).switchSupplier(projectId, 1n, supA.address))
        .to.emit(direct, "ComponentSwitched")
        .withArgs(projectId, 1n, supA.address, s1.address, 0n);
      await report(ethers, oracle as never, [r1, r2], supA.address);
      await expect(direct.connect(pool).failover(supA.address, 0n, 3n, FAR, ADV1))
        .to.emit(direct, "ComponentSwitched")
        .withArgs(projectId, 1n, s1.address, supA.address, 3n);
    });
  });

  describe("failover reads the pair from the supplier's reverse index", function () {
    it("reverts with SupplyChainRegistry_PairNotFound for an index beyond the reverse index", async function () {
      const { direct, pool, supA, s1, stranger } = await networkHelpers.loadFixture(directRegistry);
      for (const [supplier, index] of [
        [supA.address, 1n],
        [s1.address, 1n],
        [stranger.address, 0n],
      ] as const) {
        await expect(direct.connect(pool).failover(supplier, index, 1n, FAR, ADV1))
          .to.be.revertedWithCustomError(direct, "SupplyChainRegistry_PairNotFound")
          .withArgs(supplier, index);
      }
    });

    it("finds the entry past the index's first storage slot and the component past the first index word", async function () {
      const s = await networkHelpers.loadFixture(directRegistry);
      const { direct, pool, firm, projectId, supA, supB, s1, s2 } = s;
      for (const sup of [supB, s2]) await direct.connect(sup).registerSupplier(ethers.id(sup.address), REGION_CN);
      // Components 2..64 with primary supA (64 pairs: its limit), component 65 with primary supB. Four reverse-index
      // entries share a storage slot; 64 components share a word of current-supplier indexes.
      for (let id = 2; id <= 65; id++) {
        await direct
          .connect(firm)
          .defineComponent(projectId, ethers.id(`c${id}`), id === 65 ? supB.address : supA.address, [
            { supplier: id <= 32 ? s1.address : s2.address, advance: BigInt(id) },
          ]);
        await acceptListings(direct as never, projectId, BigInt(id), [id === 65 ? supB : supA, id <= 32 ? s1 : s2]);
      }
      expect(await direct.pairCount(supA.address)).to.equal(64n);
      // pairsOf pages across the index's slots from any start (pair i of supA is component i + 1).
      for (const [start, max, expected] of [
        [3n, 3n, [4n, 5n, 6n]],
        [7n, 2n, [8n, 9n]],
        [62n, 10n, [63n, 64n]],
      ] as const) {
        const [total, projectIds, componentIds] = await direct.pairsOf(supA.address, start, max);
        expect(total).to.equal(64n);
        expect(componentIds).to.deep.equal(expected);
        expect(projectIds).to.deep.equal(expected.map(() => projectId));
      }

      // Pair 4 of supA (the second storage slot) is component 5; pair 63 is component 64 (the word's last index).
      await expect(direct.connect(pool).failover(supA.address, 4n, 1n, FAR, 1_000n))
        .to.emit(direct, "ComponentSwitched")
        .withArgs(projectId, 5n, s1.address, supA.address, 1n);
      await expect(direct.connect(pool).failover(supA.address, 63n, 1n, FAR, 1_000n))
        .to.emit(direct, "ComponentSwitched")
        .withArgs(projectId, 64n, s2.address, supA.address, 1n);
      // Component 65 lives in the project's second word.
      await expect(direct.connect(pool).failover(supB.address, 0n, 2n, FAR, 1_000n))
        .to.emit(direct, "ComponentSwitched")
        .withArgs(projectId, 65n, s2.address, supB.address, 2n);

      const current = await Promise.all(
        [1n, 4n, 5n, 6n, 63n, 64n, 65n].map((id) => direct.currentSupplier(projectId, id)),
      );
      expect(current).to.deep.equal([
        supA.address,
        supA.address,
        s1.address,
        supA.address,
        supA.address,
        s2.address,
        s2.address,
      ]);
    });
  });
});
