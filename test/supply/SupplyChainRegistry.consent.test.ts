/**
 * Consent and the fixed affected set (issue 13, items 1, 3, 4b and 8): only a supplier writes its record and
 * accepts the listings that name it; unaccepted listings count for nothing; a confirmation finances only listings
 * that were accepted and past the registry's notice when it was confirmed.
 */
import { expect } from "chai";
import { network } from "hardhat";

import {
  LISTING_TYPES,
  registryDomain,
  signListing,
  signSupplierRecord,
  SUPPLIER_RECORD_TYPES,
} from "../../scripts/lib/registry-signatures.js";
import {
  acceptListings,
  ADV1,
  commitBoth,
  deployScenario,
  passNotice,
  REGION_CN,
  REGION_DE,
  report,
} from "../helpers/supply-chain.js";
import { Accounting, ListingStatus as Status, Stage } from "../../web/src/generated/enums.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

const { ethers, networkHelpers } = await network.getOrCreate();

async function scenario() {
  const s = await deployScenario(ethers);
  const { chainId } = await ethers.provider.getNetwork();
  const domain = registryDomain(chainId, s.stack.addresses.registry);
  const deadline = BigInt(await networkHelpers.time.latest()) + 86_400n;
  return { ...s, domain, deadline };
}

/** The scenario with both financiers committed (the pool can pay every advance). */
async function committed() {
  return commitBoth(await scenario());
}

describe("SupplyChainRegistry consent", function () {
  describe("only the supplier writes its global record", function () {
    it("offers no way for a project's firm to write an address's record (registerSupplierFor is gone)", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const victim = ethers.Wallet.createRandom();
      // The call main accepted: `registerSupplierFor(projectId, supplier, metadataHash, region)` by the firm.
      const old = new ethers.Interface(["function registerSupplierFor(uint256,address,bytes32,bytes2)"]);
      const data = old.encodeFunctionData("registerSupplierFor", [
        s.projectId,
        victim.address,
        ethers.id("x"),
        REGION_DE,
      ]);
      await expect(s.firm.sendTransaction({ to: s.stack.addresses.registry, data })).to.be.revert(ethers);
      expect((await s.registry.getSupplier(victim.address)).registered).to.equal(false);
    });

    it("registers a supplier by its EIP-712 signature, submitted by the firm, once per nonce", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const supplier = ethers.Wallet.createRandom();
      const record = { metadataHash: ethers.id("东洋高纯树脂"), region: REGION_DE, nonce: 0n, deadline: s.deadline };
      const sig = await signSupplierRecord(supplier, s.domain, record);
      await expect(
        s.registry
          .connect(s.firm)
          .registerSupplierWithSig(supplier.address, record.metadataHash, REGION_DE, s.deadline, sig),
      )
        .to.emit(s.registry, "SupplierRegistered")
        .withArgs(supplier.address, s.firm.address, record.metadataHash, REGION_DE);
      expect(await s.registry.nonces(supplier.address)).to.equal(1n);
      // Replaying it is refused: the nonce moved on.
      await expect(
        s.registry
          .connect(s.firm)
          .registerSupplierWithSig(supplier.address, record.metadataHash, REGION_DE, s.deadline, sig),
      )
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_InvalidSignature")
        .withArgs(supplier.address);
      expect(await s.registry.DOMAIN_SEPARATOR()).to.equal(ethers.TypedDataEncoder.hashDomain(s.domain));
    });

    it("refuses a signature by anyone else, an expired one, and one the supplier's own update overtook", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const { registry, firm, stranger } = s;
      const forged = await signSupplierRecord(stranger, s.domain, {
        metadataHash: ethers.id("x"),
        region: REGION_DE,
        nonce: 0n,
        deadline: s.deadline,
      });
      // Signed by the stranger, submitted for s1.
      await expect(
        registry.connect(firm).registerSupplierWithSig(s.s1.address, ethers.id("x"), REGION_DE, s.deadline, forged),
      )
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_InvalidSignature")
        .withArgs(s.s1.address);
      const past = BigInt(await networkHelpers.time.latest()) - 1n;
      await expect(
        registry.connect(firm).registerSupplierWithSig(stranger.address, ethers.id("x"), REGION_DE, past, forged),
      )
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_SignatureExpired")
        .withArgs(past, (await networkHelpers.time.latest()) + 1);
      // The stranger handed out `forged` (nonce 0), then updated its record itself: the old signature is dead.
      await registry.connect(stranger).registerSupplier(ethers.id("new"), REGION_CN);
      await expect(
        registry.connect(firm).registerSupplierWithSig(stranger.address, ethers.id("x"), REGION_DE, s.deadline, forged),
      )
        .to.be.revertedWithCustomError(registry, "SupplyChainRegistry_InvalidSignature")
        .withArgs(stranger.address);
      expect((await registry.getSupplier(stranger.address)).metadataHash).to.equal(ethers.id("new"));
    });

    it("accepts a contract wallet's signature (ERC-1271)", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const wallet = await ethers.deployContract("ContractWalletSupplier", [s.stranger.address]);
      const walletAddress = await wallet.getAddress();
      const value = {
        supplier: walletAddress,
        metadataHash: ethers.id("w"),
        region: REGION_CN,
        nonce: 0n,
        deadline: s.deadline,
      };
      const sig = await s.stranger.signTypedData(s.domain, SUPPLIER_RECORD_TYPES, value);
      await s.registry
        .connect(s.firm)
        .registerSupplierWithSig(walletAddress, value.metadataHash, REGION_CN, s.deadline, sig);
      expect((await s.registry.getSupplier(walletAddress)).registered).to.equal(true);
      // A signature by another key is refused by the wallet.
      const other = await s.firm.signTypedData(s.domain, SUPPLIER_RECORD_TYPES, { ...value, nonce: 1n });
      await expect(
        s.registry
          .connect(s.firm)
          .registerSupplierWithSig(walletAddress, value.metadataHash, REGION_CN, s.deadline, other),
      )
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_InvalidSignature")
        .withArgs(walletAddress);
    });
  });

  describe("a listing counts only once its supplier accepted it", function () {
    async function pending() {
      const s = await scenario();
      const x = s.signers[16]; // a supplier new to the project
      await s.registry.connect(x).registerSupplier(ethers.id("x"), REGION_CN);
      // Component 4: primary supB, substitutes s1 then x — nobody accepted yet.
      await s.registry.connect(s.firm).defineComponent(s.projectId, ethers.id("wafer"), s.supB.address, [
        { supplier: s.s1.address, advance: ADV1 },
        { supplier: x.address, advance: 2n * ADV1 },
      ]);
      return { ...s, x };
    }

    it("takes no reverse-index entry, no payee and no current role while pending", async function () {
      const s = await networkHelpers.loadFixture(pending);
      const [suppliers, statuses, eligibleFrom] = await s.registry.getListings(s.projectId, 4n);
      expect(suppliers).to.deep.equal([s.supB.address, s.s1.address, s.x.address]);
      expect(statuses).to.deep.equal([Status.Pending, Status.Pending, Status.Pending].map(BigInt));
      expect(eligibleFrom).to.deep.equal([0n, 0n, 0n]);
      expect(await s.registry.pairCount(s.x.address)).to.equal(0n);
      expect(await s.registry.isProjectPayee(s.projectId, s.x.address)).to.equal(false);
      await expect(s.registry.connect(s.firm).switchSupplier(s.projectId, 4n, s.x.address))
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_ListingNotAccepted")
        .withArgs(s.projectId, 4n, s.x.address);
    });

    it("enters the reverse index and the payees on acceptance, eligible after LISTING_NOTICE", async function () {
      const s = await networkHelpers.loadFixture(pending);
      expect(await s.registry.LISTING_NOTICE()).to.equal(7n * 86_400n);
      const tx = s.registry.connect(s.x).acceptListing(s.projectId, 4n);
      const at = BigInt(await networkHelpers.time.latest()) + 1n;
      const eligible = ((at + 7n * 86_400n + 59n) / 60n) * 60n;
      await expect(tx)
        .to.emit(s.registry, "ListingAccepted")
        .withArgs(s.projectId, 4n, s.x.address, 2n, eligible)
        .and.to.emit(s.registry, "ProjectSupplierAdded");
      expect(await s.registry.pairCount(s.x.address)).to.equal(1n);
      expect((await s.registry.getListings(s.projectId, 4n))[2]).to.deep.equal([0n, 0n, eligible]);
      await expect(s.registry.connect(s.x).acceptListing(s.projectId, 4n))
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_ListingAlreadyAccepted")
        .withArgs(s.projectId, 4n, s.x.address);
      await expect(s.registry.connect(s.stranger).acceptListing(s.projectId, 4n))
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_NotComponentSupplier")
        .withArgs(s.projectId, 4n, s.stranger.address);
      await expect(s.registry.getListings(s.projectId, 9n))
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_ComponentNotFound")
        .withArgs(s.projectId, 9n);
      // Accepted, the firm may make it current.
      await s.registry.connect(s.firm).switchSupplier(s.projectId, 4n, s.x.address);
      expect(await s.registry.currentSupplier(s.projectId, 4n)).to.equal(s.x.address);
    });

    it("accepts by the supplier's EIP-712 signature, submitted by the firm, for exactly the signed terms", async function () {
      const s = await networkHelpers.loadFixture(pending);
      const terms = {
        projectId: s.projectId,
        componentId: 4n,
        position: 1n,
        advance: ADV1,
        metadataHash: ethers.id("wafer"),
        deadline: s.deadline,
      };
      // A signature for another advance does not accept this listing.
      const other = await signListing(s.s1, s.domain, { ...terms, advance: ADV1 + 1n });
      await expect(s.registry.connect(s.firm).acceptListingWithSig(s.projectId, 4n, s.s1.address, s.deadline, other))
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_InvalidSignature")
        .withArgs(s.s1.address);
      const sig = await signListing(s.s1, s.domain, terms);
      await expect(s.registry.connect(s.firm).acceptListingWithSig(s.projectId, 4n, s.s1.address, s.deadline, sig))
        .to.emit(s.registry, "ListingAccepted")
        .withArgs(s.projectId, 4n, s.s1.address, 1n, (v: bigint) => v > 0n);
      const past = BigInt(await networkHelpers.time.latest()) - 1n;
      await expect(s.registry.connect(s.firm).acceptListingWithSig(s.projectId, 4n, s.x.address, past, sig))
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_SignatureExpired")
        .withArgs(past, (await networkHelpers.time.latest()) + 1);
      // The primary signs with advance 0; its typed data is the same Listing type.
      expect(LISTING_TYPES.Listing.map((f) => f.name)).to.include("position");
    });

    it("lets a supplier decline, or leave an accepted listing for good", async function () {
      const s = await networkHelpers.loadFixture(pending);
      await expect(s.registry.connect(s.s1).leaveListing(s.projectId, 4n))
        .to.emit(s.registry, "ListingLeft")
        .withArgs(s.projectId, 4n, s.s1.address, 1n, false);
      await s.registry.connect(s.x).acceptListing(s.projectId, 4n);
      expect(await s.registry.pairCount(s.x.address)).to.equal(1n);
      await expect(s.registry.connect(s.x).leaveListing(s.projectId, 4n))
        .to.emit(s.registry, "ListingLeft")
        .withArgs(s.projectId, 4n, s.x.address, 2n, true);
      expect(await s.registry.pairCount(s.x.address)).to.equal(0n);
      expect((await s.registry.getListings(s.projectId, 4n))[1]).to.deep.equal(
        [Status.Pending, Status.Closed, Status.Closed].map(BigInt),
      );
      for (const sup of [s.s1, s.x]) {
        await expect(s.registry.connect(sup).acceptListing(s.projectId, 4n))
          .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_ListingClosed")
          .withArgs(s.projectId, 4n, sup.address);
        await expect(s.registry.connect(sup).leaveListing(s.projectId, 4n))
          .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_ListingClosed")
          .withArgs(s.projectId, 4n, sup.address);
      }
    });

    it("moves the last reverse-index entry into the place of the one left", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      // s3 accepted components 2 and 3; it leaves component 2, so component 3 takes index 0.
      await s.registry.connect(s.s3).leaveListing(s.projectId, 2n);
      const [total, projects, components] = await s.registry.pairsOf(s.s3.address, 0n, 10n);
      expect([total, projects, components]).to.deep.equal([1n, [s.projectId], [3n]]);
      // And the last entry itself can leave.
      await s.registry.connect(s.s3).leaveListing(s.projectId, 3n);
      expect(await s.registry.pairCount(s.s3.address)).to.equal(0n);
      // supA (components 1 and 2) leaves its last entry: the others keep their places.
      await s.registry.connect(s.supA).leaveListing(s.projectId, 2n);
      expect((await s.registry.pairsOf(s.supA.address, 0n, 10n))[2]).to.deep.equal([1n]);
    });

    it("refuses to leave an accepted listing while the oracle holds the supplier disrupted", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address);
      await expect(s.registry.connect(s.supB).leaveListing(s.projectId, 3n))
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_SupplierDisrupted")
        .withArgs(s.supB.address);
    });
  });

  describe("nobody but the supplier fills its reverse index (item 4b)", function () {
    it("a stranger's 64 junk listings of a victim leave it free to accept a real firm's listing", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      const { registry, escrow, stranger, s2 } = s;
      const now = BigInt(await networkHelpers.time.latest());
      await escrow
        .connect(stranger)
        .createProject(s.stack.addresses.token, s.verifier.address, ethers.id("junk"), DEFAULT_PROFILE, [
          { budget: 1n, deadline: now + 86_400n, stage: Stage.Research, accounting: Accounting.Expensed },
        ]);
      await registry.connect(stranger).registerSupplier(ethers.id("shell"), REGION_CN);
      for (let i = 0; i < 64; i++) {
        await registry
          .connect(stranger)
          .defineComponent(2n, ethers.id("junk"), s2.address, [{ supplier: s.s1.address, advance: 1n }]);
      }
      expect(await registry.pairCount(s2.address)).to.equal(1n); // its own accepted listing only
      await registry
        .connect(s.firm)
        .defineComponent(s.projectId, ethers.id("real"), s2.address, [{ supplier: s.s1.address, advance: 1n }]);
      await expect(registry.connect(s2).acceptListing(s.projectId, 4n)).to.emit(registry, "ListingAccepted");
      expect(await registry.pairCount(s2.address)).to.equal(2n);
    });
  });

  describe("independence: the firm and the verifier are never substitutes, a disrupted supplier is never newly listed", function () {
    it("reverts with SupplyChainRegistry_SubstituteNotIndependent for the firm and the verifier", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      for (const who of [s.firm, s.verifier]) {
        await s.registry.connect(who).registerSupplier(ethers.id("self"), REGION_CN);
        await expect(
          s.registry
            .connect(s.firm)
            .defineComponent(s.projectId, ethers.id("c"), s.supB.address, [{ supplier: who.address, advance: 1n }]),
        )
          .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_SubstituteNotIndependent")
          .withArgs(s.projectId, who.address);
      }
    });

    it("reverts with SupplyChainRegistry_SupplierDisrupted when naming or accepting for a disrupted supplier", async function () {
      const s = await networkHelpers.loadFixture(scenario);
      await s.registry
        .connect(s.firm)
        .defineComponent(s.projectId, ethers.id("c"), s.supB.address, [{ supplier: s.s2.address, advance: 1n }]);
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address);
      await expect(
        s.registry
          .connect(s.firm)
          .defineComponent(s.projectId, ethers.id("c"), s.supB.address, [{ supplier: s.s1.address, advance: 1n }]),
      )
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_SupplierDisrupted")
        .withArgs(s.supB.address);
      await expect(
        s.registry
          .connect(s.firm)
          .defineComponent(s.projectId, ethers.id("c"), s.s1.address, [{ supplier: s.supB.address, advance: 1n }]),
      )
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_SupplierDisrupted")
        .withArgs(s.supB.address);
      await expect(s.registry.connect(s.supB).acceptListing(s.projectId, 4n))
        .to.be.revertedWithCustomError(s.registry, "SupplyChainRegistry_SupplierDisrupted")
        .withArgs(s.supB.address);
    });
  });

  describe("the affected set is fixed at confirmation (items 1 and 3)", function () {
    /** A colluding primary and shell substitute of the firm, accepted just before the confirming vote. */
    async function frontRun() {
      const s = await committed();
      const [colluder, shell] = s.signers.slice(16, 18);
      for (const x of [colluder, shell]) await s.registry.connect(x).registerSupplier(ethers.id(x.address), REGION_CN);
      await s.registry
        .connect(s.firm)
        .defineComponent(s.projectId, ethers.id("draw"), colluder.address, [
          { supplier: shell.address, advance: 50_000_00n },
        ]);
      await acceptListings(s.registry as never, s.projectId, 4n, [colluder, shell]);
      return { ...s, colluder, shell };
    }

    it("does not finance a component accepted just before the confirming vote", async function () {
      const s = await networkHelpers.loadFixture(frontRun);
      const tx = report(ethers, s.oracle as never, [s.r1, s.r2], s.colluder.address);
      await expect(tx).not.to.emit(s.pool, "SubstituteFinanced");
      expect(await s.token.balanceOf(s.shell.address)).to.equal(0n);
      expect(await s.registry.currentSupplier(s.projectId, 4n)).to.equal(s.colluder.address);
    });

    it("does not finance it either when the notice has passed by the time the paused delivery runs", async function () {
      const s = await networkHelpers.loadFixture(committed);
      // A substitute accepts; 6 days later (within its notice) supB's disruption is confirmed while the guardian
      // paused deliveries; the notice has passed when the delivery finally runs.
      const [late] = s.signers.slice(18, 19);
      await s.registry.connect(late).registerSupplier(ethers.id("late"), REGION_CN);
      await s.registry
        .connect(s.firm)
        .defineComponent(s.projectId, ethers.id("late"), s.supB.address, [
          { supplier: late.address, advance: 1_000_00n },
        ]);
      await acceptListings(s.registry as never, s.projectId, 4n, [s.supB, late]);
      await ethers.provider.send("evm_increaseTime", [6 * 86_400]);
      await s.oracle.connect(s.admin).pause();
      await report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address);
      const confirmationId = (await s.oracle.supplierStatus(s.supB.address))[2];
      await passNotice(ethers);
      await s.oracle.connect(s.admin).unpause();
      const tx = s.oracle.connect(s.keeper).deliver(confirmationId);
      // supB's older component (3, substitute s3, eligible at the confirmation) is financed; component 4 is not.
      await expect(tx)
        .to.emit(s.pool, "SubstituteFinanced")
        .withArgs(s.projectId, s.s3.address, (v: bigint) => v > 0n, 3n, s.supB.address, confirmationId);
      expect(await s.token.balanceOf(late.address)).to.equal(0n);
      expect(await s.registry.currentSupplier(s.projectId, 4n)).to.equal(s.supB.address);
    });

    it("passes over a substitute that accepted after the confirmation for one eligible then", async function () {
      const s = await networkHelpers.loadFixture(committed);
      const [first] = s.signers.slice(18, 19);
      await s.registry.connect(first).registerSupplier(ethers.id("first"), REGION_CN);
      // Component 4: primary supB, substitutes `first` (preferred) then s1; supB and s1 accept now.
      await s.registry.connect(s.firm).defineComponent(s.projectId, ethers.id("pref"), s.supB.address, [
        { supplier: first.address, advance: 1_000_00n },
        { supplier: s.s1.address, advance: 2_000_00n },
      ]);
      await acceptListings(s.registry as never, s.projectId, 4n, [s.supB, s.s1]);
      await passNotice(ethers);
      // `first` accepts just before the confirmation: still in its notice at it.
      await s.registry.connect(first).acceptListing(s.projectId, 4n);
      const tx = report(ethers, s.oracle as never, [s.r1, s.r2], s.supB.address);
      await expect(tx)
        .to.emit(s.pool, "SubstituteFinanced")
        .withArgs(s.projectId, s.s1.address, 2_000_00n, 4n, s.supB.address, (v: bigint) => v > 0n);
      expect(await s.token.balanceOf(first.address)).to.equal(0n);
    });
  });
});
