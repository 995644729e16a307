/**
 * Published documents (issue 18): a function that takes a document hash also takes the document's text. An empty
 * text keeps the document private (only its hash is on chain); a text is emitted beside the hash in
 * `DocumentPublished`, in the same transaction, only when it hashes to that value and is at most 2,048 bytes.
 */
import { expect } from "chai";
import { network } from "hardhat";

import { registryDomain, signSupplierRecord } from "../../scripts/lib/registry-signatures.js";
import {
  createdProjectFixture,
  deployEscrowFixture,
  fundedProjectFixture,
  REGION,
  standardMilestones,
} from "../helpers/escrow.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";

const { ethers, networkHelpers } = await network.getOrCreate();

/** The library's bound (contracts/libraries/Documents.sol). */
const MAX_TEXT_BYTES = 2048;

const DESCRIPTION = "ArF 光刻胶中试线：从实验室配方到 300 mm 晶圆验证";
const EVIDENCE = "中试批次 #7 分辨率 38 nm，附检测报告";
const REASON = "Resolution below spec: 45 nm measured, 40 nm required";
const SPEC = "Photo-acid generator, purity ≥ 99.9 %";
const RECORD = "东洋高纯树脂 (Toyo High-Purity Resins), Osaka";

const hashOf = (text: string) => ethers.keccak256(ethers.toUtf8Bytes(text));

/** A text of exactly `bytes` UTF-8 bytes (Chinese characters are 3 bytes each, padded with Latin letters). */
function textOfBytes(bytes: number): string {
  const chinese = "研".repeat(Math.floor(bytes / 3));
  return chinese + "x".repeat(bytes - chinese.length * 3);
}

async function createWith(f: Awaited<ReturnType<typeof deployEscrowFixture>>, hash: string, text: string) {
  const milestones = standardMilestones(BigInt(await networkHelpers.time.latest()));
  return f.escrow
    .connect(f.firm)
    .createProject(await f.token.getAddress(), f.verifier.address, hash, text, DEFAULT_PROFILE, milestones);
}

/** The created project with milestone 0 submitted (privately), for the verifier to reject. */
async function submittedFixture() {
  const f = await fundedProjectFixture();
  await f.escrow.connect(f.firm).submitMilestone(f.projectId, 0n, ethers.id("evidence 0"), "");
  return f;
}

describe("Published documents", function () {
  describe("when the caller publishes the text", function () {
    it("createProject emits DocumentPublished with the description beside ProjectCreated", async function () {
      const f = await networkHelpers.loadFixture(deployEscrowFixture);
      const hash = hashOf(DESCRIPTION);
      const tx = createWith(f, hash, DESCRIPTION);
      await expect(tx).to.emit(f.escrow, "ProjectCreated");
      await expect(tx).to.emit(f.escrow, "DocumentPublished").withArgs(hash, DESCRIPTION);
      expect((await f.escrow.getProject(1n)).metadataHash).to.equal(hash);
    });

    it("submitMilestone publishes the evidence and rejectMilestone the reasons", async function () {
      const f = await networkHelpers.loadFixture(createdProjectFixture);
      await expect(f.escrow.connect(f.firm).submitMilestone(f.projectId, 0n, hashOf(EVIDENCE), EVIDENCE))
        .to.emit(f.escrow, "DocumentPublished")
        .withArgs(hashOf(EVIDENCE), EVIDENCE);
      await expect(f.escrow.connect(f.verifier).rejectMilestone(f.projectId, 0n, hashOf(REASON), REASON))
        .to.emit(f.escrow, "DocumentPublished")
        .withArgs(hashOf(REASON), REASON);
    });

    it("registerSupplier, registerSupplierWithSig and defineComponent publish in the registry", async function () {
      const f = await networkHelpers.loadFixture(createdProjectFixture);
      const { registry } = f;
      await expect(registry.connect(f.stranger).registerSupplier(hashOf(RECORD), RECORD, REGION))
        .to.emit(registry, "DocumentPublished")
        .withArgs(hashOf(RECORD), RECORD);

      const supplier = ethers.Wallet.createRandom();
      const { chainId } = await ethers.provider.getNetwork();
      const deadline = BigInt(await networkHelpers.time.latest()) + 86_400n;
      const record = { metadataHash: hashOf(RECORD + " II"), region: REGION, nonce: 0n, deadline };
      const signature = await signSupplierRecord(
        supplier,
        registryDomain(chainId, await registry.getAddress()),
        record,
      );
      await expect(
        registry
          .connect(f.firm)
          .registerSupplierWithSig(supplier.address, record.metadataHash, RECORD + " II", REGION, deadline, signature),
      )
        .to.emit(registry, "DocumentPublished")
        .withArgs(record.metadataHash, RECORD + " II");

      const subs = [{ supplier: f.supplierB.address, advance: 1_000_00n }];
      await expect(registry.connect(f.firm).defineComponent(f.projectId, hashOf(SPEC), SPEC, f.supplierA.address, subs))
        .to.emit(registry, "ComponentDefined")
        .and.to.emit(registry, "DocumentPublished")
        .withArgs(hashOf(SPEC), SPEC);
    });

    it("accepts a text of exactly MAX_TEXT_BYTES bytes (UTF-8 bytes, not characters)", async function () {
      const f = await networkHelpers.loadFixture(deployEscrowFixture);
      const text = textOfBytes(MAX_TEXT_BYTES);
      expect(ethers.toUtf8Bytes(text).length).to.equal(MAX_TEXT_BYTES);
      await expect(createWith(f, hashOf(text), text))
        .to.emit(f.escrow, "DocumentPublished")
        .withArgs(hashOf(text), text);
    });
  });

  describe("when the document is private (empty text)", function () {
    it("stores and emits the hash only, with no DocumentPublished", async function () {
      const f = await networkHelpers.loadFixture(createdProjectFixture);
      const hash = hashOf(EVIDENCE);
      const tx = f.escrow.connect(f.firm).submitMilestone(f.projectId, 0n, hash, "");
      await expect(tx).to.emit(f.escrow, "MilestoneSubmitted").withArgs(f.projectId, 0n, hash);
      await expect(tx).not.to.emit(f.escrow, "DocumentPublished");
      expect((await f.escrow.getMilestones(f.projectId))[0].evidenceHash).to.equal(hash);
      const subs = [{ supplier: f.supplierB.address, advance: 1_000_00n }];
      await expect(
        f.registry.connect(f.firm).defineComponent(f.projectId, hashOf(SPEC), "", f.supplierA.address, subs),
      ).not.to.emit(f.registry, "DocumentPublished");
    });
  });

  describe("when the text does not hash to the document hash", function () {
    it("reverts with Documents_HashMismatch carrying both hashes, in the escrow", async function () {
      const f = await networkHelpers.loadFixture(deployEscrowFixture);
      const claimed = hashOf(DESCRIPTION);
      const forged = DESCRIPTION + " (amended)";
      await expect(createWith(f, claimed, forged))
        .to.be.revertedWithCustomError(f.escrow, "Documents_HashMismatch")
        .withArgs(claimed, hashOf(forged));
      expect(await f.escrow.projectCount()).to.equal(0n);
    });

    it("reverts with Documents_HashMismatch for evidence, reasons, records and specifications", async function () {
      const f = await networkHelpers.loadFixture(submittedFixture);
      const zero = ethers.ZeroHash;
      await expect(f.escrow.connect(f.verifier).rejectMilestone(f.projectId, 0n, zero, REASON))
        .to.be.revertedWithCustomError(f.escrow, "Documents_HashMismatch")
        .withArgs(zero, hashOf(REASON));
      await expect(f.escrow.connect(f.firm).submitMilestone(f.projectId, 1n, hashOf(REASON), EVIDENCE))
        .to.be.revertedWithCustomError(f.escrow, "Documents_HashMismatch")
        .withArgs(hashOf(REASON), hashOf(EVIDENCE));
      await expect(f.registry.connect(f.stranger).registerSupplier(hashOf(SPEC), RECORD, REGION))
        .to.be.revertedWithCustomError(f.registry, "Documents_HashMismatch")
        .withArgs(hashOf(SPEC), hashOf(RECORD));
      const subs = [{ supplier: f.supplierB.address, advance: 1_000_00n }];
      await expect(
        f.registry.connect(f.firm).defineComponent(f.projectId, hashOf(RECORD), SPEC, f.supplierA.address, subs),
      )
        .to.be.revertedWithCustomError(f.registry, "Documents_HashMismatch")
        .withArgs(hashOf(RECORD), hashOf(SPEC));
    });
  });

  describe("when the text is longer than MAX_TEXT_BYTES", function () {
    it("reverts with Documents_TextTooLong carrying the hash, the length and the bound", async function () {
      const f = await networkHelpers.loadFixture(createdProjectFixture);
      const text = textOfBytes(MAX_TEXT_BYTES + 1);
      await expect(createWith(f, hashOf(text), text))
        .to.be.revertedWithCustomError(f.escrow, "Documents_TextTooLong")
        .withArgs(hashOf(text), MAX_TEXT_BYTES + 1, MAX_TEXT_BYTES);
      await expect(f.registry.connect(f.stranger).registerSupplier(hashOf(text), text, REGION))
        .to.be.revertedWithCustomError(f.registry, "Documents_TextTooLong")
        .withArgs(hashOf(text), MAX_TEXT_BYTES + 1, MAX_TEXT_BYTES);
    });
  });
});
