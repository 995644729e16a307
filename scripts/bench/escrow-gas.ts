/**
 * Gas of the RDEscrow operations, each measured in the state its name describes (see issue 3):
 *
 * - createProject.4milestones: a project with 4 milestones (Research, Pilot, Pilot, Market);
 * - fund.first: a financier's first contribution to a project the escrow already holds tokens for;
 * - fund.repeat: the same financier again;
 * - fundWithPermit: a first contribution with an EIP-2612 permit, in one transaction;
 * - submitMilestone / approveMilestone: evidence hash, then the verifier's approval;
 * - disburse.existingPayee: a payment with a new invoice hash to a registered supplier that already holds the token;
 * - disburse.freshPayee: the same to a registered supplier that holds none yet;
 * - claimRefund: a financier's pro-rata refund of a cancelled project (not the last claimer);
 * - closeAfterGracePeriod: a stranger closes a second project whose milestones are all approved, once the grace
 *   period after its last deadline is over (its firm stopped acting).
 *
 * The stack is the one deployed everywhere (scripts/lib/deploy-stack.ts), so `disburse` reads the payee set the
 * real SupplyChainRegistry wrote into the escrow and pays the DisruptionOracle's `isDisrupted` call. Financiers approve the exact amount they fund (what the dashboard does), so `transferFrom` clears the allowance.
 */
import { Accounting, Category, Stage } from "../../web/src/generated/enums.js";
import { deployStack } from "../lib/deploy-stack.js";
import { signPermit } from "../lib/permit.js";
import { gasOf, type GasContext, type GasModule } from "./types.js";
import { DEFAULT_PROFILE } from "../lib/project-profile.js";

const DAY = 86_400n;

async function measure(ctx: GasContext): Promise<Record<string, bigint>> {
  const { ethers, networkHelpers } = ctx;
  const [, firm, verifier, f1, f2, f3, f4, supplier, freshSupplier, reporter] = await ethers.getSigners();
  const stack = await deployStack(ethers, { reporters: [reporter.address], quorum: 1 });
  const token = stack.token!;
  const { escrow, registry } = stack;
  const escrowAddress = stack.addresses.escrow;
  for (const account of [f1, f2, f3, f4, supplier]) await token.mint(account.address, 10_000_000_00n);

  const now = BigInt(await networkHelpers.time.latest());
  const milestones = [
    { budget: 400_000_00n, deadline: now + 30n * DAY, stage: Stage.Research, accounting: Accounting.Expensed },
    { budget: 300_000_00n, deadline: now + 60n * DAY, stage: Stage.Pilot, accounting: Accounting.Expensed },
    { budget: 200_000_00n, deadline: now + 90n * DAY, stage: Stage.Pilot, accounting: Accounting.Expensed },
    { budget: 100_000_00n, deadline: now + 120n * DAY, stage: Stage.Market, accounting: Accounting.Expensed },
  ];
  const metadata = ethers.id("project: photoresist pilot line");
  const result: Record<string, bigint> = {};

  result["createProject.4milestones"] = await gasOf(
    escrow.connect(firm).createProject(await token.getAddress(), verifier.address, metadata, DEFAULT_PROFILE, milestones),
  );
  const projectId = 1n;
  // The payees are suppliers (each registered itself) the firm added to the project in the real registry.
  for (const account of [supplier, freshSupplier]) {
    await registry.connect(account).registerSupplier(ethers.id(account.address), "0x434e");
    await registry.connect(firm).addProjectSupplier(projectId, account.address);
  }

  // The escrow already holds tokens for the project: f1 funds first.
  await token.connect(f1).approve(escrowAddress, 300_000_00n);
  await escrow.connect(f1).fund(projectId, 300_000_00n);

  await token.connect(f2).approve(escrowAddress, 200_000_00n);
  result["fund.first"] = await gasOf(escrow.connect(f2).fund(projectId, 200_000_00n));
  await token.connect(f2).approve(escrowAddress, 100_000_00n);
  result["fund.repeat"] = await gasOf(escrow.connect(f2).fund(projectId, 100_000_00n));

  const deadline = now + DAY;
  const value = 150_000_00n;
  const { v, r, s } = await signPermit(token, f3, escrowAddress, value, deadline);
  result.fundWithPermit = await gasOf(escrow.connect(f3).fundWithPermit(projectId, value, deadline, v, r, s));

  result.submitMilestone = await gasOf(escrow.connect(firm).submitMilestone(projectId, 0n, ethers.id("evidence 0")));
  result.approveMilestone = await gasOf(escrow.connect(verifier).approveMilestone(projectId, 0n));

  // A first payment warms nothing up for the measured ones (each is its own transaction).
  await escrow.connect(firm).disburse(projectId, 0n, firm.address, 10_000_00n, Category.Depreciation, ethers.id("invoice 0"));
  result["disburse.existingPayee"] = await gasOf(
    escrow.connect(firm).disburse(projectId, 0n, supplier.address, 50_000_00n, Category.DirectInputs, ethers.id("invoice 1")),
  );
  result["disburse.freshPayee"] = await gasOf(
    escrow.connect(firm).disburse(projectId, 0n, freshSupplier.address, 50_000_00n, Category.DirectInputs, ethers.id("invoice 2")),
  );

  await escrow.connect(firm).cancelProject(projectId);
  result.claimRefund = await gasOf(escrow.connect(f1).claimRefund(projectId));

  const later = BigInt(await networkHelpers.time.latest());
  await escrow
    .connect(firm)
    .createProject(await token.getAddress(), verifier.address, metadata, DEFAULT_PROFILE, [
      { budget: 100_000_00n, deadline: later + 30n * DAY, stage: Stage.Research, accounting: Accounting.Expensed },
    ]);
  const abandoned = 2n;
  await token.connect(f4).approve(escrowAddress, 100_000_00n);
  await escrow.connect(f4).fund(abandoned, 100_000_00n);
  await escrow.connect(firm).submitMilestone(abandoned, 0n, ethers.id("evidence"));
  await escrow.connect(verifier).approveMilestone(abandoned, 0n);
  await networkHelpers.time.increaseTo((await escrow.closableAfter(abandoned)) + 1n);
  result.closeAfterGracePeriod = await gasOf(escrow.connect(reporter).closeAfterGracePeriod(abandoned));
  return result;
}

const escrowGas: GasModule = {
  name: "RDEscrow",
  targets: {
    "createProject.4milestones": undefined,
    "fund.first": 2.3,
    "fund.repeat": 1.8,
    fundWithPermit: undefined,
    submitMilestone: undefined,
    approveMilestone: 1.1,
    "disburse.existingPayee": 2.4,
    "disburse.freshPayee": 2.9,
    claimRefund: undefined,
    closeAfterGracePeriod: undefined,
  },
  measure,
};

export default escrowGas;
