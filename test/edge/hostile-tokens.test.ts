/**
 * Hostile and unusual tokens against the contingency pool and the cross-contract paths (escrow + registry +
 * oracle + pool in one transaction). What test/escrow/, test/supply/ and test/pool/ already cover is not repeated here:
 * escrow fund/disburse/claimRefund re-entry, fee-on-transfer funding, false-returning fund, pool commit with each
 * hostile token and the false-returning advance transfer.
 */
import { expect } from "chai";
import { network } from "hardhat";

import { deployStack } from "../../scripts/lib/deploy-stack.js";
import { Accounting, Category, Stage } from "../../web/src/generated/enums.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";
import { TERMS } from "../helpers/supply-chain.js";

const { ethers, networkHelpers } = await network.getOrCreate();

const DAY = 86_400n;
const REGION = "0x434e";
const EVIDENCE = ethers.id("fire at the resin plant");

type Mintable = {
  getAddress(): Promise<string>;
  mint(to: string, amount: bigint): Promise<unknown>;
  balanceOf(a: string): Promise<bigint>;
  connect(s: unknown): { approve(spender: string, amount: bigint): Promise<unknown> };
};

async function baseFixture() {
  const [admin, firm, verifier, f1, f2, f3, reporter, supA, s1, s2, stranger] = await ethers.getSigners();
  const stack = await deployStack(ethers, { reporters: [reporter.address], quorum: 1 });
  for (const s of [supA, s1, s2]) await stack.registry.connect(s).registerSupplier(ethers.id(s.address), "", REGION);
  const { escrow, registry, oracle, pool } = stack;
  return { stack, escrow, registry, oracle, pool, admin, firm, verifier, f1, f2, f3, reporter, supA, s1, s2, stranger };
}
type Base = Awaited<ReturnType<typeof baseFixture>>;

/** Creates a one-milestone project in `token` with a component supplied by supA (substitute s1, `advance`). */
async function projectIn(b: Base, token: Mintable, budget: bigint, advance: bigint) {
  // The deployment's admin lists the token (pools hold only listed tokens).
  if (!(await b.pool.isProjectToken(await token.getAddress()))) {
    await b.pool.connect(b.admin).setProjectToken(await token.getAddress(), true);
  }
  const now = BigInt(await networkHelpers.time.latest());
  await b.escrow
    .connect(b.firm)
    .createProject(await token.getAddress(), b.verifier.address, ethers.ZeroHash, "", DEFAULT_PROFILE, [
      { budget, deadline: now + 30n * DAY, stage: Stage.Research, accounting: Accounting.Expensed },
    ]);
  const projectId = await b.escrow.projectCount();
  await b.pool.connect(b.firm).setPoolTerms(projectId, TERMS);
  await b.registry
    .connect(b.firm)
    .defineComponent(projectId, ethers.ZeroHash, "", b.supA.address, [{ supplier: b.s1.address, advance }]);
  const componentId = await b.registry.componentCount(projectId);
  for (const s of [b.supA, b.s1]) await b.registry.connect(s).acceptListing(projectId, componentId);
  await networkHelpers.time.increase(Number(await b.registry.LISTING_NOTICE()) + 60);
  for (const a of [b.f1, b.f2, b.f3, b.firm]) {
    await token.mint(a.address, budget * 10n);
    await token.connect(a).approve(b.stack.addresses.escrow, ethers.MaxUint256);
    await token.connect(a).approve(b.stack.addresses.pool, ethers.MaxUint256);
  }
  return projectId;
}

/**
 * f1 and f2 request their exits from `projectIds` and the pool's notice passes: their withdrawals then execute (within
 * the pool's WITHDRAWAL_WINDOW), while their shares still share every financing until they do.
 */
async function requestExits(b: Base, projectIds: bigint[]) {
  for (const id of projectIds) {
    for (const f of [b.f1, b.f2]) {
      if ((await b.pool.getPosition(id, f.address)).shares > 0n) await b.pool.connect(f).requestWithdrawal(id);
    }
  }
  await networkHelpers.time.increase(Number(TERMS.withdrawalNotice));
}

async function disrupt(b: Base, supplier: string, disrupted = true) {
  const now = BigInt(await networkHelpers.time.latest());
  return b.oracle.connect(b.reporter).report(supplier, disrupted, EVIDENCE, now);
}

/**
 * The accounting identity for `token`: the escrow's balance = Σ held (views) = Σ Funded − Disbursed − Refunded
 * (events); the pool's balance = Σ poolBalance (views) = Σ Committed − SubstituteFinanced + Repaid − Withdrawn.
 */
async function expectIdentity(b: Base, token: Mintable, projectIds: bigint[]) {
  const sum = async (contract: typeof b.escrow | typeof b.pool, filter: unknown) =>
    (await contract.queryFilter(filter as never)).reduce(
      (total, log) => total + (log as unknown as { args: { amount: bigint } }).args.amount,
      0n,
    );
  let escrowHeld = 0n;
  let poolHeld = 0n;
  for (const id of projectIds) {
    const view = await b.escrow.getProject(id);
    const fromEvents =
      (await sum(b.escrow, b.escrow.filters.Funded(id))) -
      (await sum(b.escrow, b.escrow.filters.Disbursed(id))) -
      (await sum(b.escrow, b.escrow.filters.Refunded(id)));
    expect(view.held, `project ${id}: escrow held vs events`).to.equal(fromEvents);
    escrowHeld += view.held;
    const pool = await b.pool.poolBalance(id);
    const poolFromEvents =
      (await sum(b.pool, b.pool.filters.Committed(id))) -
      (await sum(b.pool, b.pool.filters.SubstituteFinanced(id))) -
      (await sum(b.pool, b.pool.filters.AdvanceClaimed(id))) +
      (await sum(b.pool, b.pool.filters.Repaid(id))) -
      (await sum(b.pool, b.pool.filters.Withdrawn(id)));
    expect(pool, `project ${id}: pool held vs events`).to.equal(poolFromEvents);
    poolHeld += pool;
  }
  expect(await token.balanceOf(b.stack.addresses.escrow), "escrow balance").to.equal(escrowHeld);
  expect(await token.balanceOf(b.stack.addresses.pool), "pool balance").to.equal(poolHeld);
}

describe("hostile tokens: contingency pool and cross-contract paths", function () {
  describe("a token that re-enters on transfer (ReentrantToken)", function () {
    async function reentrantFixture() {
      const b = await baseFixture();
      const token = await ethers.deployContract("ReentrantToken");
      const projectId = await projectIn(b, token, 10_000n, 400n);
      await b.pool.connect(b.f1).commit(projectId, 3_000n, TERMS);
      await b.pool.connect(b.f2).commit(projectId, 1_000n, TERMS);
      await requestExits(b, [projectId]);
      return { ...b, token, projectId };
    }

    it("withdraw re-entering withdraw: ReentrancyGuardReentrantCall, nothing moves", async function () {
      const b = await networkHelpers.loadFixture(reentrantFixture);
      const pool = b.stack.addresses.pool;
      await b.token.arm(pool, b.pool.interface.encodeFunctionData("withdraw", [b.projectId]));
      const before = await b.pool.getPool(b.projectId);
      await expect(b.pool.connect(b.f1).withdraw(b.projectId)).to.be.revertedWithCustomError(
        b.pool,
        "ReentrancyGuardReentrantCall",
      );
      expect(await b.pool.getPool(b.projectId)).to.deep.equal(before);
      expect((await b.pool.getPosition(b.projectId, b.f1.address)).shares).to.equal(3_000n);
      await expectIdentity(b, b.token, [b.projectId]);
    });

    it("repay re-entering processQueue or commit: ReentrancyGuardReentrantCall", async function () {
      const b = await networkHelpers.loadFixture(reentrantFixture);
      await expect(disrupt(b, b.supA.address)).to.emit(b.pool, "SubstituteFinanced");
      const pool = b.stack.addresses.pool;
      for (const data of [
        b.pool.interface.encodeFunctionData("processQueue", [1n]),
        b.pool.interface.encodeFunctionData("commit", [b.projectId, 1n, TERMS]),
      ]) {
        await b.token.arm(pool, data);
        await expect(b.pool.connect(b.firm).repay(b.projectId, 100n)).to.be.revertedWithCustomError(
          b.pool,
          "ReentrancyGuardReentrantCall",
        );
      }
      expect((await b.pool.getPool(b.projectId)).outstanding).to.equal(400n);
      await expectIdentity(b, b.token, [b.projectId]);
    });

    it("an advance transfer that re-enters the pool: the guard refuses it, the advance stays owed (AdvanceOwed), the oracle still confirms, and a later claim pays it", async function () {
      const b = await networkHelpers.loadFixture(reentrantFixture);
      await b.token.arm(b.stack.addresses.pool, b.pool.interface.encodeFunctionData("withdraw", [b.projectId]));
      const before = await b.pool.getPool(b.projectId);
      await expect(disrupt(b, b.supA.address))
        .to.emit(b.pool, "AdvanceOwed")
        .withArgs(b.projectId, b.s1.address, 400n, 1n, b.supA.address, 1n)
        .and.to.emit(b.oracle, "DisruptionConfirmed")
        .and.not.to.emit(b.pool, "SubstituteFinanced");
      const after = await b.pool.getPool(b.projectId);
      // Financed (owed by the firm, counted against the caps), held for s1.
      expect([after.cash, after.outstanding, after.epochFinanced, after.owed]).to.deep.equal([
        before.cash - 400n,
        before.outstanding + 400n,
        before.epochFinanced + 400n,
        400n,
      ]);
      expect(await b.pool.owedAdvance(b.projectId, b.s1.address)).to.equal(400n);
      expect(await b.oracle.isDisrupted(b.supA.address)).to.equal(true);
      // The registry switched; a retry cannot double-pay.
      expect(await b.registry.currentSupplier(b.projectId, 1n)).to.equal(b.s1.address);
      expect(await b.token.balanceOf(b.s1.address)).to.equal(0n);
      await expectIdentity(b, b.token, [b.projectId]);

      // Disarmed, anyone's claim pays s1 (never the caller).
      await b.token.arm(ethers.ZeroAddress, "0x");
      await expect(b.pool.connect(b.stranger).claimAdvance(b.projectId, b.s1.address))
        .to.emit(b.pool, "AdvanceClaimed")
        .withArgs(b.projectId, b.s1.address, 400n, b.stranger.address);
      expect(await b.token.balanceOf(b.s1.address)).to.equal(400n);
      expect(await b.pool.owedAdvance(b.projectId, b.s1.address)).to.equal(0n);
      await expectIdentity(b, b.token, [b.projectId]);
    });

    it("views read mid-transfer already show the new state (effects before interactions) in withdraw and in the oracle-triggered advance", async function () {
      const b = await networkHelpers.loadFixture(reentrantFixture);
      const pool = b.stack.addresses.pool;
      // Mid-advance: the financing is already booked while the substitute's transfer runs (the pool holds 3,600 of
      // 4,000, the other 400 are owed as debt). A cheap view keeps the token's callback within the transfer's gas
      // bound (ADVANCE_TRANSFER_GAS) also under coverage, whose instrumentation makes every statement cost more.
      await b.token.arm(pool, b.pool.interface.encodeFunctionData("poolBalance", [b.projectId]));
      await expect(disrupt(b, b.supA.address)).to.emit(b.pool, "SubstituteFinanced");
      const [midAdvance] = b.pool.interface.decodeFunctionResult("poolBalance", await b.token.lastReturnData());
      expect(midAdvance).to.equal(3_600n);
      expect((await b.pool.getPool(b.projectId)).outstanding).to.equal(400n);
      // f1 holds 3/4 of the shares: its cash share is 3/4 of 3,600, not of 4,000.
      expect(await b.pool.withdrawable(b.projectId, b.f1.address)).to.equal((3_600n * 3n) / 4n);
      // Mid-withdraw: the shares are gone and the cash is reduced while the tokens are still on their way.
      await b.token.arm(pool, b.pool.interface.encodeFunctionData("poolBalance", [b.projectId]));
      await b.pool.connect(b.f1).withdraw(b.projectId);
      const [midWithdraw] = b.pool.interface.decodeFunctionResult("poolBalance", await b.token.lastReturnData());
      expect(midWithdraw).to.equal(await b.pool.poolBalance(b.projectId));
      expect(midWithdraw).to.equal(3_600n - 2_700n);
      await expectIdentity(b, b.token, [b.projectId]);
    });

    it("cross-contract: an escrow disburse whose transfer calls into the pool cannot use the escrow's authority", async function () {
      const b = await networkHelpers.loadFixture(reentrantFixture);
      await b.escrow.connect(b.f1).fund(b.projectId, 10_000n);
      await b.escrow.connect(b.firm).submitMilestone(b.projectId, 0n, ethers.id("e"), "");
      await b.escrow.connect(b.verifier).approveMilestone(b.projectId, 0n);
      // The callee sees the token as msg.sender, never the escrow or the firm: repay is refused as not the firm.
      await expect(disrupt(b, b.supA.address)).to.emit(b.pool, "SubstituteFinanced");
      await b.token.arm(b.stack.addresses.pool, b.pool.interface.encodeFunctionData("repay", [b.projectId, 400n]));
      await expect(
        b.escrow.connect(b.firm).disburse(b.projectId, 0n, b.s1.address, 100n, Category.DirectInputs, ethers.id("inv")),
      )
        .to.be.revertedWithCustomError(b.pool, "ContingencyPool_CallerNotFirm")
        .withArgs(b.projectId, await b.token.getAddress());
      await expectIdentity(b, b.token, [b.projectId]);
    });
  });

  describe("a fee-on-transfer token (1%)", function () {
    async function feeFixture() {
      const b = await baseFixture();
      const token = await ethers.deployContract("FeeOnTransferToken", [0n]);
      const projectId = await projectIn(b, token, 100_000n, 10_000n);
      await b.pool.connect(b.f1).commit(projectId, 30_000n, TERMS);
      await b.pool.connect(b.f2).commit(projectId, 10_000n, TERMS);
      await requestExits(b, [projectId]);
      await token.setFeeBps(100n);
      return { ...b, token, projectId };
    }

    it("repay refuses a transfer that delivers less (ContingencyPool_UnexpectedBalanceChange)", async function () {
      const b = await networkHelpers.loadFixture(feeFixture);
      await expect(disrupt(b, b.supA.address)).to.emit(b.pool, "SubstituteFinanced");
      await expect(b.pool.connect(b.firm).repay(b.projectId, 5_000n))
        .to.be.revertedWithCustomError(b.pool, "ContingencyPool_UnexpectedBalanceChange")
        .withArgs(b.projectId, 5_000n, 4_950n);
      expect((await b.pool.getPool(b.projectId)).outstanding).to.equal(10_000n);
      await expectIdentity(b, b.token, [b.projectId]);
    });

    it("outgoing transfers debit the full amount: the advance, withdrawals and escrow payments keep the books exact; recipients bear the fee", async function () {
      const b = await networkHelpers.loadFixture(feeFixture);
      await expect(disrupt(b, b.supA.address))
        .to.emit(b.pool, "SubstituteFinanced")
        .withArgs(b.projectId, b.s1.address, 10_000n, 1n, b.supA.address, 1n);
      expect(await b.token.balanceOf(b.s1.address)).to.equal(9_900n);
      await expectIdentity(b, b.token, [b.projectId]);

      const f1Before = await b.token.balanceOf(b.f1.address);
      await expect(b.pool.connect(b.f1).withdraw(b.projectId))
        .to.emit(b.pool, "Withdrawn")
        .withArgs(b.projectId, b.f1.address, 22_500n); // 3/4 of the 30,000 cash left
      expect((await b.token.balanceOf(b.f1.address)) - f1Before).to.equal(22_275n);
      await expectIdentity(b, b.token, [b.projectId]);

      // Escrow: funded with the fee deducted, paid and refunded in full amounts.
      await b.escrow.connect(b.f1).fund(b.projectId, 50_000n); // 49,500 arrives
      await b.escrow.connect(b.f2).fund(b.projectId, 20_000n); // 19,800 arrives
      expect((await b.escrow.getProject(b.projectId)).funded).to.equal(69_300n);
      await b.escrow.connect(b.firm).cancelProject(b.projectId);
      await b.escrow.connect(b.f1).claimRefund(b.projectId);
      await b.escrow.connect(b.f2).claimRefund(b.projectId);
      expect(await b.token.balanceOf(b.stack.addresses.escrow)).to.equal(0n);
      await expectIdentity(b, b.token, [b.projectId]);
    });
  });

  describe("a token that returns false instead of reverting (FalseReturningToken)", function () {
    async function falseFixture() {
      const b = await baseFixture();
      const bad = await ethers.deployContract("FalseReturningToken");
      const good = await ethers.deployContract("DecimalsToken", [18]);
      const badProject = await projectIn(b, bad, 10_000n, 400n);
      const goodProject = await projectIn(b, good, 10_000n, 400n);
      for (const p of [badProject, goodProject]) await b.pool.connect(b.f1).commit(p, 3_000n, TERMS);
      await requestExits(b, [badProject, goodProject]);
      await b.escrow.connect(b.f1).fund(badProject, 10_000n);
      await b.escrow.connect(b.firm).submitMilestone(badProject, 0n, ethers.id("e"), "");
      await b.escrow.connect(b.verifier).approveMilestone(badProject, 0n);
      return { ...b, bad, good, badProject, goodProject };
    }

    it("repay, withdraw, disburse and claimRefund revert with SafeERC20FailedOperation and change nothing", async function () {
      const b = await networkHelpers.loadFixture(falseFixture);
      await expect(disrupt(b, b.supA.address)).to.emit(b.pool, "SubstituteFinanced");
      await b.bad.setReturnFalse(true);
      const badAddress = await b.bad.getAddress();
      const poolBefore = await b.pool.getPool(b.badProject);
      await expect(b.pool.connect(b.firm).repay(b.badProject, 100n))
        .to.be.revertedWithCustomError(b.pool, "SafeERC20FailedOperation")
        .withArgs(badAddress);
      await expect(b.pool.connect(b.f1).withdraw(b.badProject))
        .to.be.revertedWithCustomError(b.pool, "SafeERC20FailedOperation")
        .withArgs(badAddress);
      expect(await b.pool.getPool(b.badProject)).to.deep.equal(poolBefore);
      await expect(
        b.escrow
          .connect(b.firm)
          .disburse(b.badProject, 0n, b.firm.address, 100n, Category.DirectInputs, ethers.id("i")),
      )
        .to.be.revertedWithCustomError(b.escrow, "SafeERC20FailedOperation")
        .withArgs(badAddress);
      expect(await b.escrow.isInvoicePaid(b.firm.address, ethers.id("i"))).to.equal(false);
      await b.escrow.connect(b.firm).cancelProject(b.badProject);
      await expect(b.escrow.connect(b.f1).claimRefund(b.badProject))
        .to.be.revertedWithCustomError(b.escrow, "SafeERC20FailedOperation")
        .withArgs(badAddress);
      expect((await b.escrow.getPosition(b.badProject, b.f1.address)).refundClaimed).to.equal(false);
      await b.bad.setReturnFalse(false);
      await expectIdentity(b, b.bad, [b.badProject]);
    });

    it("a broken token in one project does not stop another project's financing on the same disruption", async function () {
      const b = await networkHelpers.loadFixture(falseFixture);
      await b.bad.setReturnFalse(true);
      const tx = disrupt(b, b.supA.address);
      await expect(tx)
        .to.emit(b.pool, "AdvanceOwed")
        .withArgs(b.badProject, b.s1.address, 400n, 1n, b.supA.address, 1n);
      await expect(tx)
        .to.emit(b.pool, "SubstituteFinanced")
        .withArgs(b.goodProject, b.s1.address, 400n, 1n, b.supA.address, 1n);
      // The broken token's advance is financed and owed to s1, not lost.
      expect((await b.pool.getPool(b.badProject)).outstanding).to.equal(400n);
      expect(await b.pool.owedAdvance(b.badProject, b.s1.address)).to.equal(400n);
      expect((await b.pool.getPool(b.goodProject)).outstanding).to.equal(400n);
      await b.bad.setReturnFalse(false);
      await expectIdentity(b, b.bad, [b.badProject]);
      await expectIdentity(b, b.good, [b.goodProject]);
    });
  });

  for (const decimals of [6n, 18n]) {
    describe(`a token with ${decimals} decimals`, function () {
      const unit = 10n ** decimals;

      async function decimalsFixture() {
        const b = await baseFixture();
        const token = await ethers.deployContract("DecimalsToken", [decimals]);
        const projectId = await projectIn(b, token, 1_000_000n * unit, 2_000n * unit);
        return { ...b, token, projectId };
      }

      it("escrow refunds are pro rata to the unit, and sum exactly to the unspent balance", async function () {
        const b = await networkHelpers.loadFixture(decimalsFixture);
        const contributions = [600_000n * unit, 300_000n * unit, 100_000n * unit];
        for (const [i, f] of [b.f1, b.f2, b.f3].entries())
          await b.escrow.connect(f).fund(b.projectId, contributions[i]);
        await b.escrow.connect(b.firm).submitMilestone(b.projectId, 0n, ethers.id("e"), "");
        await b.escrow.connect(b.verifier).approveMilestone(b.projectId, 0n);
        const paid = 123_456n * unit + unit / 3n; // an amount with a fractional part
        await b.escrow
          .connect(b.firm)
          .disburse(b.projectId, 0n, b.s1.address, paid, Category.Depreciation, ethers.id(`inv${decimals}`));
        await b.escrow.connect(b.firm).cancelProject(b.projectId);
        const refundable = 1_000_000n * unit - paid;
        let total = 0n;
        for (const [i, f] of [b.f1, b.f2, b.f3].entries()) {
          const before = await b.token.balanceOf(f.address);
          await b.escrow.connect(f).claimRefund(b.projectId);
          const got = (await b.token.balanceOf(f.address)) - before;
          const proRata = (refundable * contributions[i]) / (1_000_000n * unit);
          expect(got - proRata >= 0n && got - proRata < 3n, `refund ${i} = pro rata (+ dust < 3)`).to.equal(true);
          total += got;
        }
        expect(total).to.equal(refundable);
        await expectIdentity(b, b.token, [b.projectId]);
      });

      it("pool withdrawals are pro rata before and after repayment, whatever the order; dust < number of financiers", async function () {
        const b = await networkHelpers.loadFixture(decimalsFixture);
        await b.pool.connect(b.f1).commit(b.projectId, 3_000n * unit, TERMS);
        await b.pool.connect(b.f2).commit(b.projectId, 1_000n * unit, TERMS);
        await requestExits(b, [b.projectId]);
        await expect(disrupt(b, b.supA.address))
          .to.emit(b.pool, "SubstituteFinanced")
          .withArgs(b.projectId, b.s1.address, 2_000n * unit, 1n, b.supA.address, 1n);
        // f1 exits while 2,000 are owed: 3/4 of the cash now, 3/4 of the debt as a claim.
        await expect(b.pool.connect(b.f1).withdraw(b.projectId))
          .to.emit(b.pool, "Withdrawn")
          .withArgs(b.projectId, b.f1.address, 1_500n * unit);
        const odd = 1_234n * unit + unit / 7n; // a partial repayment with a fractional part
        await b.pool.connect(b.firm).repay(b.projectId, odd);
        await b.pool.connect(b.firm).repay(b.projectId, 2_000n * unit - odd);
        const received = async (f: typeof b.f1) => {
          const before = await b.token.balanceOf(f.address);
          await b.pool.connect(f).withdraw(b.projectId);
          return (await b.token.balanceOf(f.address)) - before;
        };
        const f2Got = await received(b.f2);
        const f1Got = await received(b.f1);
        expect(f1Got + 1_500n * unit, "f1 gets 3/4 of everything").to.be.within(3_000n * unit - 2n, 3_000n * unit);
        expect(f2Got, "f2 gets 1/4 of everything").to.be.within(1_000n * unit - 2n, 1_000n * unit);
        expect(await b.pool.poolBalance(b.projectId), "dust < number of financiers").to.be.lessThan(2n);
        await expectIdentity(b, b.token, [b.projectId]);
      });
    });
  }
});
