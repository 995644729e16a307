/**
 * Gas of the disruption → substitute-financing path (issue 4), each measured in the state its name describes.
 * Substitutes hold no tokens yet (the usual case), so each financed advance pays for a new balance slot. Every
 * listing is accepted (by the supplier's signature, submitted by the firm) and past the registry's notice before
 * the first confirmation.
 *
 * - oracle.report: a vote that does not reach the quorum (2 of 3);
 * - oracle.confirm.1substitute: the vote that reaches the quorum, switches one component and pays its substitute;
 * - oracle.confirm.perExtraComponent: (confirm with 3 affected components − 1substitute) / 2;
 * - oracle.confirm.1000unrelated: 1substitute again after 1,000 unrelated suppliers accepted listings in another
 *   project (2,000 accepted pairs);
 * - registry.acceptListing / registry.acceptListingWithSig: a substitute accepts its listing itself, or by a
 *   signature the firm submits (its first pair: a new reverse-index slot and a new payee);
 * - oracle.submitSignedReports.quorum2: a relayer submits two signed reports that confirm and finance one substitute;
 * - pool.processQueue.perPair: one queued pair processed (its substitute financed);
 * - pool.setPoolTerms: the firm sets its pool's terms before any commitment;
 * - pool.commit / pool.repay: a second commitment (naming the pool's terms), a partial repayment;
 * - pool.requestWithdrawal / pool.withdraw: a financier requests its exit, and executes it after the notice (a
 *   withdrawal with a claim);
 * - pool.claimAdvance: a keeper pays a substitute the advance its token refused at the disruption (fresh balance).
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { Accounting, Stage } from "../../web/src/generated/enums.js";
import { deployStack } from "../lib/deploy-stack.js";
import { registryDomain, signListing, signSupplierRecord } from "../lib/registry-signatures.js";
import { REPORT_TYPES } from "../reporter/reporter.js";
import { benchWallets } from "./deterministic-chain.js";
import { gasOf, type GasContext, type GasModule } from "./types.js";
import { DEFAULT_PROFILE } from "../lib/project-profile.js";

const CN = "0x434e";

async function measure(ctx: GasContext): Promise<Record<string, bigint>> {
  const { ethers, networkHelpers } = ctx;
  const signers = await ethers.getSigners();
  const [admin, firm, verifier, f1, f2, r1, r2, r3, keeper] = signers;
  const stack = await deployStack(ethers, { reporters: [r1.address, r2.address, r3.address], quorum: 2 });
  const { registry, escrow, oracle, pool } = stack;
  const token = stack.token!;
  const result: Record<string, bigint> = {};
  /** A new supplier wallet on every call, the same ones on every run (deterministic-chain.ts). */
  const fresh = benchWallets("supplier", ethers.provider);
  const now = async () => BigInt((await ethers.provider.getBlock("latest"))!.timestamp);

  await escrow.connect(firm).createProject(stack.addresses.token, verifier.address, ethers.id("p"), "", DEFAULT_PROFILE, [
    { budget: 1_000_000_00n, deadline: (await now()) + 365n * 86_400n, stage: Stage.Research, accounting: Accounting.Expensed },
  ]);
  const projectId = 1n;
  for (const a of [f1, f2, firm]) {
    await token.mint(a.address, 100_000_000_00n);
    await token.connect(a).approve(stack.addresses.pool, ethers.MaxUint256);
  }
  const terms = { exposureBps: 10_000n, disruptionBps: 10_000n, withdrawalNotice: 86_400n, repaymentTerm: 90n * 86_400n };
  result["pool.setPoolTerms"] = await gasOf(pool.connect(firm).setPoolTerms(projectId, terms));
  await pool.connect(f1).commit(projectId, 1_000_000_00n, terms);
  result["pool.commit"] = await gasOf(pool.connect(f2).commit(projectId, 500_000_00n, terms));

  const { chainId } = await ethers.provider.getNetwork();
  const domain = registryDomain(chainId, stack.addresses.registry);
  const deadline = (await now()) + 30n * 86_400n;
  /** A fresh supplier whose signed record the firm submits (the supplier needs no gas). */
  const newSupplier = async (by: HardhatEthersSigner, meta: string) => {
    const w = fresh();
    const metadataHash = ethers.id(meta);
    const sig = await signSupplierRecord(w, domain, { metadataHash, region: CN, nonce: 0n, deadline });
    await registry.connect(by).registerSupplierWithSig(w.address, metadataHash, "", CN, deadline, sig);
    return w;
  };
  /** Defines a component in `project` and has each listed supplier accept by signature (the firm submits). */
  const listAccepted = async (
    by: HardhatEthersSigner,
    project: bigint,
    primary: ReturnType<typeof fresh>,
    subs: { w: ReturnType<typeof fresh>; advance: bigint }[],
  ) => {
    const metadataHash = ethers.id("c");
    const componentId = (await registry.componentCount(project)) + 1n;
    await registry.connect(by).defineComponent(
      project,
      metadataHash, "",
      primary.address,
      subs.map((s) => ({ supplier: s.w.address, advance: s.advance })),
    );
    const listed = [{ w: primary, advance: 0n }, ...subs];
    for (const [position, s] of listed.entries()) {
      const sig = await signListing(s.w, domain, {
        projectId: project,
        componentId,
        position: BigInt(position),
        advance: s.advance,
        metadataHash,
        deadline,
      });
      await registry.connect(by).acceptListingWithSig(project, componentId, s.w.address, deadline, sig);
    }
  };
  /** A supplier with `components` accepted components in project 1, each with one fresh accepted substitute. */
  const newDisruptable = async (components: number) => {
    const primary = await newSupplier(firm, "p");
    for (let i = 0; i < components; i++) {
      await listAccepted(firm, projectId, primary, [{ w: await newSupplier(firm, "s"), advance: 1_000_00n }]);
    }
    return primary.address;
  };
  const confirm = async (supplier: string, first: HardhatEthersSigner, second: HardhatEthersSigner) => {
    await oracle.connect(first).report(supplier, true, ethers.id("e"), await now());
    return gasOf(oracle.connect(second).report(supplier, true, ethers.id("e"), await now()));
  };

  // Every listing is accepted and past its notice before anything is confirmed.
  const warm = await newDisruptable(1);
  const reported = await newDisruptable(1);
  const single = await newDisruptable(1);
  const triple = await newDisruptable(3);
  const afterUnrelated = await newDisruptable(1);
  const signed = await newDisruptable(1);
  const queued = await newDisruptable(6);

  // Listing acceptance: a supplier accepts on chain itself, and another by a signature the firm submits.
  const selfAccepting = signers[9];
  await registry.connect(selfAccepting).registerSupplier(ethers.id("self"), "", CN);
  const bySig = await newSupplier(firm, "bySig");
  const acceptPrimary = await newSupplier(firm, "p");
  await registry.connect(firm).defineComponent(projectId, ethers.id("c"), "", acceptPrimary.address, [
    { supplier: selfAccepting.address, advance: 1_000_00n },
    { supplier: bySig.address, advance: 1_000_00n },
  ]);
  const acceptComponent = await registry.componentCount(projectId);
  result["registry.acceptListing"] = await gasOf(registry.connect(selfAccepting).acceptListing(projectId, acceptComponent));
  const bySigSignature = await signListing(bySig, domain, {
    projectId,
    componentId: acceptComponent,
    position: 2n,
    advance: 1_000_00n,
    metadataHash: ethers.id("c"),
    deadline,
  });
  result["registry.acceptListingWithSig"] = await gasOf(
    registry.connect(firm).acceptListingWithSig(projectId, acceptComponent, bySig.address, deadline, bySigSignature),
  );

  // 1,000 unrelated suppliers with accepted listings in another firm's project, each primary of one component
  // with one substitute (60 of them share one substitute): 2,000 accepted pairs more.
  const firm2 = signers[10];
  await escrow.connect(firm2).createProject(stack.addresses.token, verifier.address, ethers.id("p2"), "", DEFAULT_PROFILE, [
    { budget: 1_000_00n, deadline: (await now()) + 365n * 86_400n, stage: Stage.Research, accounting: Accounting.Expensed },
  ]);
  const otherProject = 2n;
  const subUnrelated = await newSupplier(firm2, "s");
  for (let i = 0; i < 1000; i++) {
    const w = await newSupplier(firm2, "u");
    const sub = i < 60 ? subUnrelated : await newSupplier(firm2, "u");
    await listAccepted(firm2, otherProject, w, [{ w: sub, advance: 1n }]);
  }
  await networkHelpers.time.increase(Number(await registry.LISTING_NOTICE()) + 60);

  await oracle.connect(r1).report(warm, true, ethers.id("e"), await now());
  result["oracle.report"] = await gasOf(oracle.connect(r2).report(reported, true, ethers.id("e"), await now()));
  await oracle.connect(r3).report(warm, true, ethers.id("e"), await now());

  const one = await confirm(single, r1, r2);
  result["oracle.confirm.1substitute"] = one;
  const three = await confirm(triple, r1, r2);
  result["oracle.confirm.perExtraComponent"] = (three - one) / 2n;
  result["oracle.confirm.1000unrelated"] = await confirm(afterUnrelated, r1, r2);

  // Signed reports relayed by a third party.
  // Every input is pinned (deterministic-chain.ts), so are the signatures (a zero byte of calldata is 12 gas
  // cheaper than any other, so the figure depends on their bytes but no longer varies from run to run).
  const evidenceHash = ethers.id("fire at the plant");
  const rep = { supplier: signed, disrupted: true, evidenceHash, observedAt: await now(), lastConfirmationId: 0n };
  const oracleDomain = { name: "RDCF Disruption Oracle", version: "1", chainId, verifyingContract: stack.addresses.oracle };
  const sigs = [
    await r1.signTypedData(oracleDomain, REPORT_TYPES, rep),
    await r2.signTypedData(oracleDomain, REPORT_TYPES, rep),
  ];
  result["oracle.submitSignedReports.quorum2"] = await gasOf(oracle.connect(keeper).submitSignedReports(rep, sigs));

  // Queue: a supplier with 6 components; 2 are queued; measure one queued pair.
  await confirm(queued, r1, r2);
  result["pool.processQueue.perPair"] = await gasOf(pool.connect(keeper).processQueue(1n));
  await pool.connect(keeper).processQueue(10n);

  result["pool.repay"] = await gasOf(pool.connect(firm).repay(projectId, 1_000_00n));
  result["pool.requestWithdrawal"] = await gasOf(pool.connect(f2).requestWithdrawal(projectId));
  await networkHelpers.time.increase(Number(terms.withdrawalNotice));
  result["pool.withdraw"] = await gasOf(pool.connect(f2).withdraw(projectId));

  // An advance the token refused (a project in a token that can be switched to answer false), claimed later.
  const refusing = await ethers.deployContract("FalseReturningToken");
  await pool.connect(admin).setProjectToken(await refusing.getAddress(), true);
  await escrow.connect(firm).createProject(await refusing.getAddress(), verifier.address, ethers.id("p3"), "", DEFAULT_PROFILE, [
    { budget: 1_000_00n, deadline: (await now()) + 365n * 86_400n, stage: Stage.Research, accounting: Accounting.Expensed },
  ]);
  const refusingProject = 3n;
  await refusing.mint(f1.address, 10_000_00n);
  await refusing.connect(f1).approve(stack.addresses.pool, 10_000_00n);
  await pool.connect(firm).setPoolTerms(refusingProject, terms);
  await pool.connect(f1).commit(refusingProject, 10_000_00n, terms);
  const owedPrimary = await newSupplier(firm, "o");
  const owedSubstitute = await newSupplier(firm, "o");
  await listAccepted(firm, refusingProject, owedPrimary, [{ w: owedSubstitute, advance: 1_000_00n }]);
  await networkHelpers.time.increase(Number(await registry.LISTING_NOTICE()) + 60);
  await refusing.setReturnFalse(true);
  await confirm(owedPrimary.address, r1, r2);
  await refusing.setReturnFalse(false);
  result["pool.claimAdvance"] = await gasOf(pool.connect(keeper).claimAdvance(refusingProject, owedSubstitute.address));

  // Issue 18: a component with one substitute, its specification private (hash only), then the same published
  // (a 60-byte bilingual specification, as the demo's) in a component like it.
  const specPrimary = await newSupplier(firm, "s");
  const specSubstitute = await newSupplier(firm, "s");
  const spec = "component:光致产酸剂 (PAG) / Photo-acid generator (PAG)";
  const defineWith = (text: string) =>
    registry.connect(firm).defineComponent(projectId, ethers.id(spec), text, specPrimary.address, [
      { supplier: specSubstitute.address, advance: 1_000_00n },
    ]);
  result["registry.defineComponent"] = await gasOf(defineWith(""));
  result["registry.defineComponent.published"] = await gasOf(defineWith(spec));
  return result;
}

const supplyChainGas: GasModule = {
  name: "supply chain, oracle and contingency pool",
  targets: {
    "oracle.report": 1.65,
    "oracle.confirm.1substitute": 4.1,
    "oracle.confirm.perExtraComponent": 1.25,
    "oracle.confirm.1000unrelated": { of: "oracle.confirm.1substitute", within: 0.02 },
    "oracle.submitSignedReports.quorum2": undefined,
    "registry.acceptListing": undefined,
    "registry.acceptListingWithSig": undefined,
    "pool.processQueue.perPair": undefined,
    "pool.setPoolTerms": undefined,
    "pool.commit": undefined,
    "pool.repay": undefined,
    "pool.requestWithdrawal": undefined,
    "pool.withdraw": undefined,
    "pool.claimAdvance": undefined,
    "registry.defineComponent": undefined,
    "registry.defineComponent.published": undefined,
  },
  measure,
};

export default supplyChainGas;
