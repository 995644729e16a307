/**
 * Access control, table-driven: every privileged function of every contract, called by every role that may not
 * call it, reverts with that function's custom error; and (as a control, by `staticCall`) the role that may call
 * it passes the same call, so the revert is due to the caller and nothing else.
 */
import { expect } from "chai";
import type { BaseContract, ContractTransactionResponse } from "ethers";
import { network } from "hardhat";

import { deployStack } from "../../scripts/lib/deploy-stack.js";
import { Accounting, Category, Stage } from "../../web/src/generated/enums.js";
import { DEFAULT_PROFILE } from "../../scripts/lib/project-profile.js";
import { TERMS } from "../helpers/supply-chain.js";

const { ethers, networkHelpers } = await network.getOrCreate();

const DAY = 86_400n;
const REGION = "0x434e";

const ROLES = ["admin", "guardian", "firm", "verifier", "financier", "supplier", "reporter", "stranger"] as const;
type Role = (typeof ROLES)[number];

async function accessFixture() {
  const [admin, guardian, firm, verifier, financier, supplier, reporter, stranger, sub, newcomer, spare] =
    await ethers.getSigners();
  const stack = await deployStack(ethers, {
    reporters: [reporter.address],
    quorum: 1,
    guardian: guardian.address,
  });
  const { escrow, registry, oracle, pool } = stack;
  const token = stack.token!;
  for (const a of [financier, firm]) {
    await token.mint(a.address, 1_000_000_00n);
    await token.connect(a).approve(stack.addresses.escrow, ethers.MaxUint256);
    await token.connect(a).approve(stack.addresses.pool, ethers.MaxUint256);
  }
  const now = BigInt(await networkHelpers.time.latest());
  await escrow.connect(firm).createProject(stack.addresses.token, verifier.address, ethers.ZeroHash, DEFAULT_PROFILE, [
    { budget: 1_000_00n, deadline: now + 10n * DAY, stage: Stage.Research, accounting: Accounting.Expensed },
    { budget: 1_000_00n, deadline: now + 20n * DAY, stage: Stage.Research, accounting: Accounting.Expensed },
    { budget: 1_000_00n, deadline: now + 30n * DAY, stage: Stage.Research, accounting: Accounting.Expensed },
  ]);
  const projectId = 1n;
  await escrow.connect(financier).fund(projectId, 3_000_00n);
  await escrow.connect(firm).submitMilestone(projectId, 0n, ethers.id("e0"));
  await escrow.connect(verifier).approveMilestone(projectId, 0n); // m0 Approved
  await escrow.connect(firm).submitMilestone(projectId, 1n, ethers.id("e1")); // m1 Submitted, m2 Pending
  for (const s of [supplier, sub, spare]) await registry.connect(s).registerSupplier(ethers.id(s.address), REGION);
  await registry
    .connect(firm)
    .defineComponent(projectId, ethers.ZeroHash, supplier.address, [{ supplier: sub.address, advance: 100_00n }]);
  // Component 2 stays healthy: the firm may switch it to `spare` (a switch to a disrupted supplier is refused).
  await registry
    .connect(firm)
    .defineComponent(projectId, ethers.ZeroHash, sub.address, [{ supplier: spare.address, advance: 100_00n }]);
  for (const [componentId, listed] of [
    [1n, [supplier, sub]],
    [2n, [sub, spare]],
  ] as const) {
    for (const s of listed) await registry.connect(s).acceptListing(projectId, componentId);
  }
  // Component 3 waits for `spare` to accept (or decline) its listing as primary.
  await registry
    .connect(firm)
    .defineComponent(projectId, ethers.ZeroHash, spare.address, [{ supplier: sub.address, advance: 100_00n }]);
  await networkHelpers.time.increase(Number(await registry.LISTING_NOTICE()) + 60);
  await pool.connect(firm).setPoolTerms(projectId, TERMS);
  await pool.connect(financier).commit(projectId, 1_000_00n, TERMS);
  const observed = BigInt(await networkHelpers.time.latest());
  await oracle.connect(reporter).report(supplier.address, true, ethers.id("fire"), observed); // financed 100.00
  const signers: Record<Role, typeof admin> = {
    admin,
    guardian,
    firm,
    verifier,
    financier,
    supplier,
    reporter,
    stranger,
  };
  return { stack, token, escrow, registry, oracle, pool, projectId, signers, sub, newcomer, spare, observed };
}
type F = Awaited<ReturnType<typeof accessFixture>>;

interface Row {
  contract: (f: F) => BaseContract;
  fn: string;
  args: (f: F) => unknown[];
  allowed: Role[];
  /** The custom error and its expected arguments for an unauthorized caller. */
  error: string;
  errorArgs?: (f: F, caller: string) => unknown[];
  /** Who passes the call in the control (default: the first allowed role); an address is impersonated. */
  control?: (f: F) => Promise<string | null>;
}

const rows: Row[] = [
  // RDEscrow: firm-only and verifier-only functions.
  ...(
    [
      ["submitMilestone", (f: F) => [f.projectId, 2n, ethers.id("e2")]],
      [
        "disburse",
        (f: F) => [f.projectId, 0n, f.signers.firm.address, 1n, Category.Depreciation, ethers.id("invoice")],
      ],
      ["cancelProject", (f: F) => [f.projectId]],
      ["completeProject", (f: F) => [f.projectId]],
    ] as const
  ).map(([fn, args]): Row => ({
    contract: (f) => f.escrow,
    fn,
    args,
    allowed: ["firm"],
    error: "RDEscrow_CallerNotFirm",
    errorArgs: (f, caller) => [f.projectId, caller],
    // completeProject's control would fail on MilestonesPending: checked without a control.
    control: fn === "completeProject" ? async () => null : undefined,
  })),
  ...(
    [
      ["approveMilestone", (f: F) => [f.projectId, 1n]],
      ["rejectMilestone", (f: F) => [f.projectId, 1n, ethers.id("why")]],
      // `supplier` is disrupted in the fixture, so the verifier's control passes.
      ["releaseInvoice", (f: F) => [f.projectId, f.signers.supplier.address, ethers.id("invoice")]],
      ["transferVerifier", (f: F) => [f.projectId, f.newcomer.address]],
    ] as const
  ).map(([fn, args]): Row => ({
    contract: (f) => f.escrow,
    fn,
    args,
    allowed: ["verifier"],
    error: "RDEscrow_CallerNotVerifier",
    errorArgs: (f, caller) => [f.projectId, caller],
  })),
  // SupplyChainRegistry: firm-only, and the pool-only failover.
  ...(
    [
      ["addProjectSupplier", (f: F) => [f.projectId, f.sub.address]],
      ["removeProjectSupplier", (f: F) => [f.projectId, f.sub.address]],
      [
        "defineComponent",
        (f: F) => [f.projectId, ethers.ZeroHash, f.spare.address, [{ supplier: f.sub.address, advance: 1n }]],
      ],
      ["switchSupplier", (f: F) => [f.projectId, 2n, f.spare.address]],
    ] as const
  ).map(([fn, args]): Row => ({
    contract: (f) => f.registry,
    fn,
    args,
    allowed: ["firm"],
    error: "SupplyChainRegistry_CallerNotFirm",
    errorArgs: (f, caller) => [f.projectId, caller],
  })),
  {
    contract: (f) => f.registry,
    fn: "failover",
    args: (f) => [f.signers.supplier.address, 0n, 9n, 0n, 0n],
    allowed: [],
    error: "SupplyChainRegistry_CallerNotPool",
    errorArgs: (_f, caller) => [caller],
    control: async (f) => f.stack.addresses.pool,
  },
  // SupplyChainRegistry: only the listed supplier accepts or leaves its listing (spare, primary of component 3).
  ...(["acceptListing", "leaveListing"] as const).map((fn): Row => ({
    contract: (f) => f.registry,
    fn,
    args: (f) => [f.projectId, 3n],
    allowed: [],
    error: "SupplyChainRegistry_NotComponentSupplier",
    errorArgs: (f, caller) => [f.projectId, 3n, caller],
    control: async (f) => f.spare.address,
  })),
  // DisruptionOracle: reporters, admin, guardian.
  {
    contract: (f) => f.oracle,
    fn: "report",
    args: (f) => [f.sub.address, true, ethers.id("x"), f.observed],
    allowed: ["reporter"],
    error: "DisruptionOracle_UnknownReporter",
    errorArgs: (_f, caller) => [caller],
  },
  ...(
    [
      ["addReporter", (f: F) => [f.newcomer.address]],
      ["removeReporter", (f: F) => [f.signers.reporter.address]],
      ["setQuorum", () => [1n]],
      // A contract not subscribed yet (the oracle notifies only contracts).
      ["addSubscriber", (f: F) => [f.stack.addresses.registry]],
      ["removeSubscriber", (f: F) => [f.stack.addresses.pool]],
      ["grantRole", (f: F) => [ethers.id("GUARDIAN_ROLE"), f.newcomer.address]],
      ["revokeRole", (f: F) => [ethers.id("GUARDIAN_ROLE"), f.signers.guardian.address]],
    ] as const
  ).map(([fn, args]): Row => ({
    contract: (f) => f.oracle,
    fn,
    args,
    allowed: ["admin"],
    error: "AccessControlUnauthorizedAccount",
    errorArgs: (_f, caller) => [caller, ethers.ZeroHash],
    // removeReporter's control would fail on InvalidQuorum (the only reporter, quorum 1): no control.
    control: fn === "removeReporter" ? async () => null : undefined,
  })),
  ...(["pause", "unpause"] as const).map((fn): Row => ({
    contract: (f) => f.oracle,
    fn,
    args: () => [],
    allowed: ["guardian"],
    error: "AccessControlUnauthorizedAccount",
    errorArgs: (_f, caller) => [caller, ethers.id("GUARDIAN_ROLE")],
    // unpause's control would fail on PauseUnchanged (not paused): no control.
    control: fn === "unpause" ? async () => null : undefined,
  })),
  // ContingencyPool: the oracle-only callback and the firm-only repay.
  {
    contract: (f) => f.pool,
    fn: "onSupplierStatusConfirmed",
    args: (f) => [f.signers.supplier.address, true, 1n],
    allowed: [],
    error: "ContingencyPool_CallerNotOracle",
    errorArgs: (_f, caller) => [caller],
    control: async (f) => f.stack.addresses.oracle,
  },
  {
    contract: (f) => f.pool,
    fn: "repay",
    args: (f) => [f.projectId, 1n],
    allowed: ["firm"],
    error: "ContingencyPool_CallerNotFirm",
    errorArgs: (f, caller) => [f.projectId, caller],
  },
  {
    contract: (f) => f.pool,
    fn: "setPoolTerms",
    args: (f) => [f.projectId, TERMS],
    allowed: ["firm"],
    error: "ContingencyPool_CallerNotFirm",
    errorArgs: (f, caller) => [f.projectId, caller],
  },
  // ContingencyPool: the owner's list of project tokens.
  {
    contract: (f) => f.pool,
    fn: "setProjectToken",
    args: (f) => [f.newcomer.address, true],
    allowed: ["admin"],
    error: "OwnableUnauthorizedAccount",
    errorArgs: (_f, caller) => [caller],
  },
  // DemoStablecoin: owner-only mint.
  {
    contract: (f) => f.token,
    fn: "mint",
    args: (f) => [f.signers.stranger.address, 1n],
    allowed: ["admin"],
    error: "OwnableUnauthorizedAccount",
    errorArgs: (_f, caller) => [caller],
  },
];

type Callable = Record<
  string,
  ((...a: unknown[]) => Promise<ContractTransactionResponse>) & {
    staticCall(...a: unknown[]): Promise<unknown>;
  }
>;

async function signerFor(address: string) {
  await networkHelpers.impersonateAccount(address);
  await networkHelpers.setBalance(address, 10n ** 18n);
  return ethers.getSigner(address);
}

describe("access control: every privileged function, every other role", function () {
  for (const row of rows) {
    const forbidden = ROLES.filter((r) => !row.allowed.includes(r));
    it(`${row.fn}: ${forbidden.join(", ")} → ${row.error}`, async function () {
      const f = await networkHelpers.loadFixture(accessFixture);
      const contract = row.contract(f);
      const args = row.args(f);
      for (const role of forbidden) {
        const caller = f.signers[role];
        const call = (contract.connect(caller) as unknown as Callable)[row.fn](...args);
        const assertion = expect(call, `${row.fn} by ${role}`).to.be.revertedWithCustomError(contract, row.error);
        if (row.errorArgs) await assertion.withArgs(...row.errorArgs(f, caller.address));
        else await assertion;
      }
      // Control: the allowed caller passes the very same call.
      const controller = row.control ? await row.control(f) : f.signers[row.allowed[0]].address;
      if (controller !== null) {
        const signer = row.allowed.length > 0 ? f.signers[row.allowed[0]] : await signerFor(controller);
        await (contract.connect(signer) as unknown as Callable)[row.fn].staticCall(...args);
      }
    });
  }

  it("covers every state-changing function that has an access rule (the table is complete)", function () {
    const covered = new Set(rows.map((r) => r.fn));
    const expected = [
      "submitMilestone",
      "approveMilestone",
      "rejectMilestone",
      "releaseInvoice",
      "transferVerifier",
      "disburse",
      "cancelProject",
      "completeProject",
      "addProjectSupplier",
      "acceptListing",
      "leaveListing",
      "removeProjectSupplier",
      "defineComponent",
      "switchSupplier",
      "failover",
      "report",
      "addReporter",
      "removeReporter",
      "setQuorum",
      "addSubscriber",
      "removeSubscriber",
      "grantRole",
      "revokeRole",
      "pause",
      "unpause",
      "onSupplierStatusConfirmed",
      "repay",
      "setPoolTerms",
      "setProjectToken",
      "mint",
    ];
    expect([...covered].sort()).to.deep.equal([...expected].sort());
  });
});
