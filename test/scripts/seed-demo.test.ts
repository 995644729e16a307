/**
 * The demo scenario (scripts/demo/seed-scenario.ts) on the in-process network: the state it leaves (projects,
 * milestones in every state, payments, refunds, balances rebuilt from the events, contingency pools, components),
 * then the disruption fired through the reporter service (scripts/reporter/reporter.ts) switching two components and
 * financing the substitute.
 */
import { expect } from "chai";
import { network } from "hardhat";

import { DEMO_ACCOUNTS, type DemoAccountKey } from "../../scripts/lib/demo-accounts.js";
import { deployStack } from "../../scripts/lib/deploy-stack.js";
import {
  cny,
  fireDisruption,
  MilestoneStatus,
  ProjectStatus,
  regionCode,
  scenarioStack,
  seedScenario,
  Stage,
  type MilestoneState,
  type ProjectKey,
} from "../../scripts/demo/seed-scenario.js";

const { ethers, networkHelpers } = await network.getOrCreate();

async function seededFixture() {
  const signers = await ethers.getSigners();
  const reporters = DEMO_ACCOUNTS.filter((a) => a.role === "reporter").map((a) => signers[a.index].address);
  const deployed = await deployStack(ethers, { reporters, quorum: 2 });
  const stack = scenarioStack(deployed);
  const summary = await seedScenario(ethers, stack);
  return { stack, summary, signers };
}

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

describe("demo scenario (scripts/demo/seed-scenario.ts)", function () {
  describe("after seeding", function () {
    it("has three projects of two firms, the verifier named, across the three stages", async function () {
      const { stack, summary } = await networkHelpers.loadFixture(seededFixture);
      const { escrow } = stack;
      expect(await escrow.projectCount()).to.equal(3n);
      const { photoresist, catalyst, euv } = summary.projects;
      expect([photoresist.id, catalyst.id, euv.id]).to.deep.equal([1n, 2n, 3n]);

      const expected: [ProjectKey, DemoAccountKey, number, bigint, bigint][] = [
        ["photoresist", "photoresistFirm", ProjectStatus.Active, cny(18_000_000), cny(18_000_000)],
        ["catalyst", "catalystLab", ProjectStatus.Active, cny(9_600_000), cny(9_000_000)],
        ["euv", "photoresistFirm", ProjectStatus.Failed, cny(1_500_000), cny(1_500_000)],
      ];
      for (const [key, firm, status, target, funded] of expected) {
        const project = summary.projects[key];
        const view = await escrow.getProject(project.id);
        expect(view.firm, key).to.equal(summary.accounts[firm]);
        expect(view.verifier, key).to.equal(summary.accounts.verifier);
        expect(view.token, key).to.equal(stack.addresses.token);
        expect(view.metadataHash, key).to.equal(project.metadataHash);
        expect(Number(view.status), key).to.equal(status);
        expect(project.status, key).to.equal(status);
        expect(view.target, key).to.equal(target);
        expect(view.funded, key).to.equal(funded);
        expect(view.disbursed, key).to.equal(project.disbursed);
        expect(view.refunded, key).to.equal(project.refunded);
        expect(view.held, key).to.equal(project.held);
        expect(view.refundable, key).to.equal(project.refundable);
      }
      // The bank funds the photoresist project with ¥12,000,000.00.
      expect((await escrow.getPosition(photoresist.id, summary.accounts.bank)).contributed).to.equal(cny(12_000_000));
      // Research → Pilot → Market in the photoresist and catalyst projects.
      for (const project of [photoresist, catalyst]) {
        const stages = (await escrow.getMilestones(project.id)).map((m) => Number(m.stage));
        expect(new Set(stages)).to.deep.equal(new Set([Stage.Research, Stage.Pilot, Stage.Market]));
      }
    });

    it("has milestones in every state, each as planned, and open deadlines still ahead", async function () {
      const { stack, summary } = await networkHelpers.loadFixture(seededFixture);
      const seen = new Set<MilestoneState>();
      const latest = await networkHelpers.time.latest();
      for (const project of Object.values(summary.projects)) {
        const onChain = await stack.escrow.getMilestones(project.id);
        expect(onChain.length).to.equal(project.milestones.length);
        project.milestones.forEach((planned, i) => {
          const m = onChain[i];
          const where = `${project.key} M${i}`;
          expect(Number(m.status), where).to.equal(planned.status);
          expect(m.budget, where).to.equal(planned.budget);
          expect(m.paid, where).to.equal(planned.paid);
          expect(Number(m.deadline), where).to.equal(planned.deadline);
          if (planned.evidenceHash !== undefined) expect(m.evidenceHash, where).to.equal(planned.evidenceHash);
          seen.add(planned.state);
          if (project.status === ProjectStatus.Active && planned.status !== MilestoneStatus.Approved) {
            expect(Number(m.deadline), `${where} deadline`).to.be.greaterThan(latest + 30 * 86_400);
          }
        });
      }
      expect([...seen].sort()).to.deep.equal(
        ["approved", "failed", "funded", "paid", "pending", "rejected", "submitted"].sort(),
      );

      const { photoresist, catalyst, euv } = summary.projects;
      expect(photoresist.milestones.map((m) => m.state)).to.deep.equal(["paid", "approved", "submitted", "funded"]);
      expect(catalyst.milestones.map((m) => m.state)).to.deep.equal(["paid", "rejected", "pending"]);
      expect(euv.milestones.map((m) => m.state)).to.deep.equal(["paid", "failed"]);

      // Rejections carry a reason hash; the failure names the milestone that missed its deadline.
      const rejected = await stack.escrow.queryFilter(stack.escrow.filters.MilestoneRejected(), stack.deploymentBlock);
      expect(rejected.map((e) => [e.args.projectId, e.args.milestoneIndex, e.args.reasonHash])).to.deep.equal([
        [euv.id, 1n, euv.milestones[1].rejectionReasonHash],
        [catalyst.id, 1n, catalyst.milestones[1].rejectionReasonHash],
      ]);
      // The reasons are published beside their hash, in the rejection's transaction.
      const reasonHash = catalyst.milestones[1].rejectionReasonHash!;
      const [published] = await stack.escrow.queryFilter(
        stack.escrow.filters.DocumentPublished(reasonHash),
        stack.deploymentBlock,
      );
      expect(published.args.text).to.match(/ECSA/);
      expect(ethers.id(published.args.text)).to.equal(reasonHash);
      const [rejection] = rejected.filter((e) => e.args.reasonHash === reasonHash);
      expect(published.transactionHash).to.equal(rejection.transactionHash);
      const failed = await stack.escrow.queryFilter(stack.escrow.filters.ProjectFailed(), stack.deploymentBlock);
      expect(failed.map((e) => [e.args.projectId, e.args.milestoneIndex, e.args.refundable])).to.deep.equal([
        [euv.id, 1n, cny(984_000)],
      ]);
    });

    it("paid the firm and registered suppliers, with categories and invoice hashes paid once", async function () {
      const { stack, summary } = await networkHelpers.loadFixture(seededFixture);
      const events = await stack.escrow.queryFilter(stack.escrow.filters.Disbursed(), stack.deploymentBlock);
      const planned = Object.values(summary.projects).flatMap((p) =>
        p.milestones.flatMap((m) => m.payments.map((pay) => ({ projectId: p.id, milestone: m.index, ...pay }))),
      );
      expect(events.length).to.equal(planned.length);
      const rebuilt = events.map((e) => [
        e.args.projectId,
        e.args.milestoneIndex,
        e.args.payee,
        e.args.amount,
        Number(e.args.category),
        e.args.invoiceHash,
      ]);
      for (const p of planned) {
        expect(rebuilt).to.deep.include([
          p.projectId,
          BigInt(p.milestone),
          p.payeeAddress,
          p.amount,
          p.category,
          p.invoiceHash,
        ]);
        expect(await stack.escrow.isInvoicePaid(p.payeeAddress, p.invoiceHash)).to.equal(true);
      }
      expect(new Set(planned.map((p) => p.invoiceHash)).size).to.equal(planned.length);
      const payees = new Set(planned.map((p) => p.payee));
      for (const key of [
        "photoresistFirm",
        "catalystLab",
        "resinPrimary",
        "pagPrimary",
        "platinumPrimary",
        "equipment",
      ]) {
        expect(payees.has(key as DemoAccountKey), key).to.equal(true);
      }
      // Every supplier payee is registered for its project.
      for (const p of planned) {
        const project = Object.values(summary.projects).find((x) => x.id === p.projectId)!;
        if (p.payeeAddress !== project.firmAddress) {
          expect(await stack.registry.isProjectPayee(p.projectId, p.payeeAddress)).to.equal(true);
        }
      }
      // The photoresist project's first milestone is paid in full: ¥3,200,000.00 in four payments.
      const m0 = summary.projects.photoresist.milestones[0];
      expect(m0.payments).to.have.length(4);
      expect(sum(m0.payments.map((p) => p.amount))).to.equal(cny(3_200_000));
    });

    it("refunded the failed project to one financier and left the other's claimable", async function () {
      const { stack, summary } = await networkHelpers.loadFixture(seededFixture);
      const { euv } = summary.projects;
      const venture = await stack.escrow.getPosition(euv.id, summary.accounts.venture);
      const guidance = await stack.escrow.getPosition(euv.id, summary.accounts.guidance);
      expect(venture.refundClaimed).to.equal(true);
      expect(venture.claimable).to.equal(0n);
      expect(guidance.refundClaimed).to.equal(false);
      // ¥984,000.00 refundable, shared 900 : 600.
      expect(euv.refunds.venture).to.deep.equal({ amount: cny(590_400), claimed: true });
      expect(euv.refunds.guidance).to.deep.equal({ amount: cny(393_600), claimed: false });
      expect(guidance.claimable).to.equal(cny(393_600));
      const refunded = await stack.escrow.queryFilter(stack.escrow.filters.Refunded(), stack.deploymentBlock);
      expect(refunded.map((e) => [e.args.projectId, e.args.financier, e.args.amount])).to.deep.equal([
        [euv.id, summary.accounts.venture, cny(590_400)],
      ]);
    });

    it("leaves the balances the summary expects; escrow held = funded − disbursed − refunded, rebuilt from events", async function () {
      const { stack, summary } = await networkHelpers.loadFixture(seededFixture);
      const { token, escrow } = stack;
      for (const account of DEMO_ACCOUNTS) {
        expect(await token.balanceOf(summary.accounts[account.key]), account.key).to.equal(
          summary.expected.balances[account.key] ?? 0n,
        );
      }
      expect(summary.expected.balances.bank).to.equal(cny(14_000_000));

      const from = stack.deploymentBlock;
      const funded = await escrow.queryFilter(escrow.filters.Funded(), from);
      const disbursed = await escrow.queryFilter(escrow.filters.Disbursed(), from);
      const refunded = await escrow.queryFilter(escrow.filters.Refunded(), from);
      let total = 0n;
      for (const project of Object.values(summary.projects)) {
        const of = <T extends { args: { projectId: bigint; amount: bigint } }>(events: T[]) =>
          sum(events.filter((e) => e.args.projectId === project.id).map((e) => e.args.amount));
        const held = of(funded) - of(disbursed) - of(refunded);
        const view = await escrow.getProject(project.id);
        expect(held, project.key).to.equal(view.held);
        expect(view.held, project.key).to.equal(view.funded - view.disbursed - view.refunded);
        expect(of(funded), project.key).to.equal(view.funded);
        total += held;
      }
      expect(await token.balanceOf(stack.addresses.escrow)).to.equal(total);
      expect(total).to.equal(summary.expected.escrowBalance);
      expect(total).to.equal(cny(28_500_000) - cny(6_116_000) - cny(590_400));

      // Nothing is lost: every minted unit is in an account, the escrow or the pool.
      const minted = sum(
        (await token.queryFilter(token.filters.Transfer(ethers.ZeroAddress), from)).map((e) => e.args.value),
      );
      const inAccounts = sum(await Promise.all(DEMO_ACCOUNTS.map((a) => token.balanceOf(summary.accounts[a.key]))));
      expect(inAccounts + total + (await token.balanceOf(stack.addresses.pool))).to.equal(minted);
    });

    it("has the contingency pools committed under their terms", async function () {
      const { stack, summary } = await networkHelpers.loadFixture(seededFixture);
      const { pool } = stack;
      const committed = await pool.queryFilter(pool.filters.Committed(), stack.deploymentBlock);
      // The withdrawal notice is the oracle's maxReportAge, at least a day; the euv project has no pool.
      const notice = BigInt(Math.max(86_400, Number(await stack.oracle.maxReportAge())));
      const days = (n: bigint) => n * 86_400n;
      const expectedTerms: Record<ProjectKey, bigint[]> = {
        photoresist: [9_000n, 6_500n, notice, days(180n)],
        catalyst: [10_000n, 7_500n, notice, days(120n)],
        euv: [0n, 0n, 0n, 0n],
      };
      for (const project of Object.values(summary.projects)) {
        const view = await pool.getPool(project.id);
        const fromEvents = sum(committed.filter((e) => e.args.projectId === project.id).map((e) => e.args.amount));
        expect(fromEvents, project.key).to.equal(project.pool.committed);
        expect(await pool.poolBalance(project.id), project.key).to.equal(project.pool.committed);
        expect(view.cash, project.key).to.equal(project.pool.committed);
        const terms = await pool.poolTerms(project.id);
        expect(
          [terms.exposureBps, terms.disruptionBps, terms.withdrawalNotice, terms.repaymentTerm],
          project.key,
        ).to.deep.equal(expectedTerms[project.key]);
        expect(Object.values(project.pool.terms), project.key).to.deep.equal(expectedTerms[project.key]);
        expect(view.outstanding, project.key).to.equal(0n);
        for (const [key, c] of Object.entries(project.pool.commitments)) {
          expect((await pool.getPosition(project.id, summary.accounts[key as DemoAccountKey])).shares).to.equal(
            c.amount,
          );
        }
      }
      expect(summary.projects.photoresist.pool.committed).to.equal(cny(3_000_000));
      expect(summary.projects.catalyst.pool.committed).to.equal(cny(2_000_000));
      expect(await stack.token.balanceOf(stack.addresses.pool)).to.equal(summary.expected.poolBalance);
      expect(summary.expected.poolBalance).to.equal(cny(5_000_000));
    });

    it("published every project title, component specification and supplier record beside its hash", async function () {
      const { stack, summary } = await networkHelpers.loadFixture(seededFixture);
      const logs = [
        ...(await stack.escrow.queryFilter(stack.escrow.filters.DocumentPublished(), stack.deploymentBlock)),
        ...(await stack.registry.queryFilter(stack.registry.filters.DocumentPublished(), stack.deploymentBlock)),
      ];
      const texts = new Map(logs.map((e) => [e.args.documentHash, e.args.text]));
      for (const [hash, text] of texts) expect(ethers.id(text)).to.equal(hash);
      const hashes = [
        ...Object.values(summary.projects).map((p) => p.metadataHash),
        ...Object.values(summary.components).map((c) => c.metadataHash),
        ...Object.values(summary.suppliers).map((s) => s!.metadataHash),
      ];
      for (const hash of hashes) expect(texts.get(hash), hash).to.be.a("string");
      expect(texts.get(summary.projects.photoresist.metadataHash)).to.match(/^project:.+ \/ .+/);
    });

    it("registered the suppliers and the components with ordered substitutes; two share a primary", async function () {
      const { stack, summary } = await networkHelpers.loadFixture(seededFixture);
      const { registry } = stack;
      for (const [key, s] of Object.entries(summary.suppliers)) {
        const record = await registry.getSupplier(s.address);
        expect(record.registered, key).to.equal(true);
        expect(record.region, key).to.equal(regionCode(s.region));
        expect(record.metadataHash, key).to.equal(s.metadataHash);
      }
      expect(summary.suppliers.resinPrimary!.region).to.equal("JP");
      for (const c of Object.values(summary.components)) {
        const view = await registry.getComponent(c.projectId, c.id);
        expect(view.primary, c.key).to.equal(c.primaryAddress);
        expect(view.current, c.key).to.equal(c.primaryAddress);
        expect(view.metadataHash, c.key).to.equal(c.metadataHash);
        expect(view.substitutes.map((s) => [s.supplier, s.advance])).to.deep.equal(
          c.substitutes.map((s) => [s.address, s.advance]),
        );
      }
      const { krfResin, arfResin, pag, platinum } = summary.components;
      expect(krfResin.primary).to.equal("resinPrimary");
      expect(arfResin.primary).to.equal("resinPrimary");
      expect(krfResin.substitutes[0].supplier).to.equal("resinSubstitute");
      expect(arfResin.substitutes.map((s) => s.supplier)).to.deep.equal(["resinSubstitute", "pagSubstitute"]);
      expect([pag.primary, pag.substitutes[0].supplier]).to.deep.equal(["pagPrimary", "pagSubstitute"]);
      expect([platinum.primary, platinum.substitutes[0].supplier]).to.deep.equal([
        "platinumPrimary",
        "platinumSubstitute",
      ]);
      const [total, projectIds, componentIds] = await registry.pairsOf(summary.accounts.resinPrimary, 0, 10);
      expect(total).to.equal(2n);
      expect(projectIds).to.deep.equal([krfResin.projectId, arfResin.projectId]);
      expect(componentIds).to.deep.equal([krfResin.id, arfResin.id]);
    });

    it("writes a feed the reporter service understands, observed at the chain's latest block", async function () {
      const { summary } = await networkHelpers.loadFixture(seededFixture);
      const { parseFeed } = await import("../../scripts/reporter/reporter.js");
      const feed = parseFeed(JSON.parse(JSON.stringify({ events: summary.feed })));
      expect(feed).to.have.length(1);
      expect(feed[0].status).to.equal("disrupted");
      expect(feed[0].supplier).to.equal(summary.accounts.resinPrimary);
      expect(feed[0].evidence).to.match(/^ipfs:\/\/\S+ 东洋高纯树脂 熊本工厂火灾 消防通报$/);
      expect(feed[0].observedAt).to.equal(await networkHelpers.time.latest());
      expect(summary.seededAt).to.equal(feed[0].observedAt);
      // The disruption is left to the reporter service.
      const { stack } = await networkHelpers.loadFixture(seededFixture);
      expect(await stack.oracle.isDisrupted(summary.accounts.resinPrimary)).to.equal(false);
    });
  });

  it("refuses to seed a deployment that already has projects", async function () {
    const { stack } = await networkHelpers.loadFixture(seededFixture);
    let message = "";
    try {
      await seedScenario(ethers, stack);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).to.match(/already has projects/);
  });

  describe("the disruption, fired by the reporter service", function () {
    it("switches both resin components to the substitute and pays its advances from the pool", async function () {
      const { stack, summary } = await networkHelpers.loadFixture(seededFixture);
      const { token, registry, pool, oracle } = stack;
      const balanceOf = (key: DemoAccountKey) => token.balanceOf(summary.accounts[key]);
      const before = Object.fromEntries(
        await Promise.all(DEMO_ACCOUNTS.map(async (a) => [a.key, await balanceOf(a.key)] as const)),
      ) as Record<DemoAccountKey, bigint>;
      const fromBlock = (await ethers.provider.getBlockNumber()) + 1;

      const lines: string[] = [];
      const results = await fireDisruption(ethers, stack, summary.feed, { log: (l) => lines.push(l) });
      expect(results.map((r) => r.outcome)).to.deep.equal(["confirmed"]);
      expect(results[0].transactions).to.have.length(2); // quorum 2 of the three reporter nodes
      expect(lines[0]).to.match(/toyo-kumamoto-fire-.*→ confirmed/);
      expect(await oracle.isDisrupted(summary.accounts.resinPrimary)).to.equal(true);
      const [, , confirmationId] = await oracle.supplierStatus(summary.accounts.resinPrimary);

      // Both components of the photoresist project that depended on the resin supplier switched; the rest did not.
      const { krfResin, arfResin, pag, platinum } = summary.components;
      expect(summary.disruption.components).to.deep.equal(["krfResin", "arfResin"]);
      for (const c of [krfResin, arfResin]) {
        expect(await registry.currentSupplier(c.projectId, c.id), c.key).to.equal(summary.accounts.resinSubstitute);
        // The switch is the disruption's: its ComponentSwitched event carries the confirmation id.
        const switches = await registry.queryFilter(registry.filters.ComponentSwitched(c.projectId, c.id));
        expect(switches.at(-1)?.args.confirmationId, c.key).to.equal(confirmationId);
      }
      expect(await registry.currentSupplier(pag.projectId, pag.id)).to.equal(summary.accounts.pagPrimary);
      expect(await registry.currentSupplier(platinum.projectId, platinum.id)).to.equal(
        summary.accounts.platinumPrimary,
      );

      const switchedEvents = await registry.queryFilter(registry.filters.ComponentSwitched(), fromBlock);
      expect(
        switchedEvents.map((e) => [e.args.componentId, e.args.from, e.args.to, e.args.confirmationId]),
      ).to.deep.equal([
        [krfResin.id, summary.accounts.resinPrimary, summary.accounts.resinSubstitute, confirmationId],
        [arfResin.id, summary.accounts.resinPrimary, summary.accounts.resinSubstitute, confirmationId],
      ]);

      const financed = await pool.queryFilter(pool.filters.SubstituteFinanced(), fromBlock);
      expect(
        financed.map((e) => [
          e.args.projectId,
          e.args.substitute,
          e.args.amount,
          e.args.componentId,
          e.args.disruptedSupplier,
          e.args.disruptionId,
        ]),
      ).to.deep.equal([
        [
          krfResin.projectId,
          summary.accounts.resinSubstitute,
          cny(600_000),
          krfResin.id,
          summary.accounts.resinPrimary,
          confirmationId,
        ],
        [
          arfResin.projectId,
          summary.accounts.resinSubstitute,
          cny(850_000),
          arfResin.id,
          summary.accounts.resinPrimary,
          confirmationId,
        ],
      ]);
      expect(await pool.queryFilter(pool.filters.FinancingSkipped(), fromBlock)).to.have.length(0);

      // Token balance deltas: only the substitute received anything, both advances.
      const deltas: Partial<Record<DemoAccountKey, bigint>> = { resinSubstitute: cny(600_000) + cny(850_000) };
      for (const account of DEMO_ACCOUNTS) {
        expect((await balanceOf(account.key)) - before[account.key], account.key).to.equal(deltas[account.key] ?? 0n);
      }

      // The pools' accounting, also rebuilt from the events.
      const from = stack.deploymentBlock;
      const committed = await pool.queryFilter(pool.filters.Committed(), from);
      const allFinanced = await pool.queryFilter(pool.filters.SubstituteFinanced(), from);
      const repaid = await pool.queryFilter(pool.filters.Repaid(), from);
      const withdrawn = await pool.queryFilter(pool.filters.Withdrawn(), from);
      const outstandingByProject: Record<ProjectKey, bigint> = {
        photoresist: cny(1_450_000),
        catalyst: 0n,
        euv: 0n,
      };
      const poolByProject: Record<ProjectKey, bigint> = {
        photoresist: cny(3_000_000) - cny(1_450_000),
        catalyst: cny(2_000_000),
        euv: 0n,
      };
      let total = 0n;
      for (const project of Object.values(summary.projects)) {
        const of = <T extends { args: { projectId: bigint; amount: bigint } }>(events: T[]) =>
          sum(events.filter((e) => e.args.projectId === project.id).map((e) => e.args.amount));
        const held = of(committed) - of(allFinanced) + of(repaid) - of(withdrawn);
        expect(held, project.key).to.equal(await pool.poolBalance(project.id));
        expect(held, project.key).to.equal(poolByProject[project.key]);
        expect((await pool.getPool(project.id)).outstanding, project.key).to.equal(outstandingByProject[project.key]);
        total += held;
      }
      expect(await token.balanceOf(stack.addresses.pool)).to.equal(total);
      expect(total).to.equal(cny(5_000_000) - cny(1_450_000));

      // The escrow is untouched by the disruption.
      expect(await token.balanceOf(stack.addresses.escrow)).to.equal(summary.expected.escrowBalance);

      // Running the service again (the next poll, or a restart) sends nothing.
      const again = await fireDisruption(ethers, stack, summary.feed);
      expect(again.map((r) => [r.outcome, r.transactions.length])).to.deep.equal([["already-confirmed", 0]]);
      expect(await pool.queryFilter(pool.filters.SubstituteFinanced(), fromBlock)).to.have.length(2);
    });

    it("works the same with one relayer carrying the reporters' signatures", async function () {
      const { stack, summary } = await networkHelpers.loadFixture(seededFixture);
      const results = await fireDisruption(ethers, stack, summary.feed, { mode: "relay" });
      expect(results.map((r) => [r.outcome, r.transactions.length])).to.deep.equal([["confirmed", 1]]);
      expect(await stack.token.balanceOf(summary.accounts.resinSubstitute)).to.equal(cny(1_450_000));
    });
  });
});
