/**
 * Gas of the disruption → substitute-financing path (issue 4), each measured in the state its name describes.
 * Substitutes hold no tokens yet (the usual case), so each financed advance pays for a new balance slot.
 *
 * - oracle.report: a vote that does not reach the quorum (2 of 3);
 * - oracle.confirm.1substitute: the vote that reaches the quorum, switches one component and pays its substitute;
 * - oracle.confirm.perExtraComponent: (confirm with 3 affected components − 1substitute) / 2;
 * - oracle.confirm.1000unrelated: 1substitute again after 1,000 unrelated suppliers and pairs were registered;
 * - oracle.submitSignedReports.quorum2: a relayer submits two signed reports that confirm and finance one substitute;
 * - pool.processQueue.perPair: one queued pair processed (its substitute financed);
 * - pool.commit / pool.repay / pool.withdraw: a second commitment, a partial repayment, a withdrawal with a claim;
 * - pool.claimAdvance: a keeper pays a substitute the advance its token refused at the disruption (fresh balance).
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { Stage } from "../../web/src/generated/enums.js";
import { deployStack } from "../lib/deploy-stack.js";
import { REPORT_TYPES } from "../lib/reporter.js";
import { benchAddresses } from "./deterministic-chain.js";
import { gasOf, type GasContext, type GasModule } from "./types.js";

const CN = "0x434e";

async function measure(ctx: GasContext): Promise<Record<string, bigint>> {
  const { ethers } = ctx;
  const signers = await ethers.getSigners();
  const [admin, firm, verifier, f1, f2, r1, r2, r3, keeper] = signers;
  const stack = await deployStack(ethers, { reporters: [r1.address, r2.address, r3.address], quorum: 2 });
  const { registry, escrow, oracle, pool } = stack;
  const token = stack.token!;
  const result: Record<string, bigint> = {};
  /** A new supplier address on every call, the same ones on every run (deterministic-chain.ts). */
  const fresh = benchAddresses("supplier");
  const now = async () => BigInt((await ethers.provider.getBlock("latest"))!.timestamp);

  await escrow.connect(firm).createProject(stack.addresses.token, verifier.address, ethers.id("p"), [
    { budget: 1_000_000_00n, deadline: (await now()) + 365n * 86_400n, stage: Stage.Research },
  ]);
  const projectId = 1n;
  for (const a of [f1, f2, firm]) {
    await token.mint(a.address, 100_000_000_00n);
    await token.connect(a).approve(stack.addresses.pool, ethers.MaxUint256);
  }
  await pool.connect(f1).commit(projectId, 1_000_000_00n, 1_000_000_00n, 1_000_000_00n);
  result["pool.commit"] = await gasOf(pool.connect(f2).commit(projectId, 500_000_00n, 500_000_00n, 500_000_00n));

  /** A supplier (registered by the firm) with `components` components, each with one fresh substitute. */
  const newDisruptable = async (components: number) => {
    const primary = fresh();
    await registry.connect(firm).registerSupplierFor(projectId, primary, ethers.id("p"), CN);
    for (let i = 0; i < components; i++) {
      const sub = fresh();
      await registry.connect(firm).registerSupplierFor(projectId, sub, ethers.id("s"), CN);
      await registry.connect(firm).defineComponent(projectId, ethers.id("c"), primary, [
        { supplier: sub, advance: 1_000_00n },
      ]);
    }
    return primary;
  };
  const confirm = async (supplier: string, first: HardhatEthersSigner, second: HardhatEthersSigner) => {
    await oracle.connect(first).report(supplier, true, ethers.id("e"), await now());
    return gasOf(oracle.connect(second).report(supplier, true, ethers.id("e"), await now()));
  };

  const warm = await newDisruptable(1);
  await oracle.connect(r1).report(warm, true, ethers.id("e"), await now());
  result["oracle.report"] = await gasOf(oracle.connect(r2).report(await newDisruptable(1), true, ethers.id("e"), await now()));
  await oracle.connect(r3).report(warm, true, ethers.id("e"), await now());

  const one = await confirm(await newDisruptable(1), r1, r2);
  result["oracle.confirm.1substitute"] = one;
  const three = await confirm(await newDisruptable(3), r1, r2);
  result["oracle.confirm.perExtraComponent"] = (three - one) / 2n;

  // 1,000 unrelated suppliers, each primary of one component with one substitute (1,000 pairs more).
  const subUnrelated = fresh();
  await registry.connect(firm).registerSupplierFor(projectId, subUnrelated, ethers.id("s"), CN);
  for (let i = 0; i < 1000; i++) {
    const w = fresh();
    await registry.connect(firm).registerSupplierFor(projectId, w, ethers.id("u"), CN);
    if (i < 60) {
      await registry.connect(firm).defineComponent(projectId, ethers.id("u"), w, [
        { supplier: subUnrelated, advance: 1n },
      ]);
    } else {
      const s = fresh();
      await registry.connect(firm).registerSupplierFor(projectId, s, ethers.id("u"), CN);
      await registry.connect(firm).defineComponent(projectId, ethers.id("u"), w, [{ supplier: s, advance: 1n }]);
    }
  }
  result["oracle.confirm.1000unrelated"] = await confirm(await newDisruptable(1), r1, r2);

  // Signed reports relayed by a third party.
  const signed = await newDisruptable(1);
  const { chainId } = await ethers.provider.getNetwork();
  // Every input is pinned (deterministic-chain.ts), so are the signatures; this evidence text gives two whose r and
  // s hold no zero byte, the usual case (a zero byte of calldata is 12 gas cheaper; with "e" r1's has two).
  const evidenceHash = ethers.id("fire at the plant");
  const rep = { supplier: signed, disrupted: true, evidenceHash, observedAt: await now(), lastConfirmationId: 0n };
  const domain = { name: "RDCF Disruption Oracle", version: "1", chainId, verifyingContract: stack.addresses.oracle };
  const sigs = [await r1.signTypedData(domain, REPORT_TYPES, rep), await r2.signTypedData(domain, REPORT_TYPES, rep)];
  result["oracle.submitSignedReports.quorum2"] = await gasOf(oracle.connect(keeper).submitSignedReports(rep, sigs));

  // Queue: a supplier with 6 components; 2 are queued; measure one queued pair.
  const queued = await newDisruptable(6);
  await confirm(queued, r1, r2);
  result["pool.processQueue.perPair"] = await gasOf(pool.connect(keeper).processQueue(1n));
  await pool.connect(keeper).processQueue(10n);

  result["pool.repay"] = await gasOf(pool.connect(firm).repay(projectId, 1_000_00n));
  result["pool.withdraw"] = await gasOf(pool.connect(f2).withdraw(projectId));

  // An advance the token refused (a project in a token that can be switched to answer false), claimed later.
  const refusing = await ethers.deployContract("FalseReturningToken");
  await pool.connect(admin).setProjectToken(await refusing.getAddress(), true);
  await escrow.connect(firm).createProject(await refusing.getAddress(), verifier.address, ethers.id("p2"), [
    { budget: 1_000_00n, deadline: (await now()) + 365n * 86_400n, stage: Stage.Research },
  ]);
  const refusingProject = 2n;
  await refusing.mint(f1.address, 10_000_00n);
  await refusing.connect(f1).approve(stack.addresses.pool, 10_000_00n);
  await pool.connect(f1).commit(refusingProject, 10_000_00n, 10_000_00n, 10_000_00n);
  const owedPrimary = fresh();
  const owedSubstitute = fresh();
  for (const w of [owedPrimary, owedSubstitute]) {
    await registry.connect(firm).registerSupplierFor(refusingProject, w, ethers.id("o"), CN);
  }
  await registry.connect(firm).defineComponent(refusingProject, ethers.id("c"), owedPrimary, [
    { supplier: owedSubstitute, advance: 1_000_00n },
  ]);
  await refusing.setReturnFalse(true);
  await confirm(owedPrimary, r1, r2);
  await refusing.setReturnFalse(false);
  result["pool.claimAdvance"] = await gasOf(pool.connect(keeper).claimAdvance(refusingProject, owedSubstitute));
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
    "pool.processQueue.perPair": undefined,
    "pool.commit": undefined,
    "pool.repay": undefined,
    "pool.withdraw": undefined,
    "pool.claimAdvance": undefined,
  },
  measure,
};

export default supplyChainGas;
