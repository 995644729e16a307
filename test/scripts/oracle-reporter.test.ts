import { expect } from "chai";
import { createServer } from "node:http";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { network } from "hardhat";

import { DisruptionReporter, parseFeed, readFeed, type FeedEvent } from "../../scripts/reporter/reporter.js";
import { isTransientError, withRetry } from "../../scripts/lib/retry.js";

const { ethers, networkHelpers } = await network.getOrCreate();
const DAY = 24 * 60 * 60;

async function deployOracleFixture() {
  const [admin, guardian, r1, r2, r3, relayer, supplier, other] = await ethers.getSigners();
  const oracle = await ethers.deployContract("DisruptionOracle", [
    admin.address,
    guardian.address,
    DAY,
    [r1.address, r2.address, r3.address],
    2,
  ]);
  const feedDir = await mkdtemp(join(tmpdir(), "rdcf-feed-"));
  return { oracle, admin, r1, r2, r3, relayer, supplier, other, feedPath: join(feedDir, "feed.json") };
}

async function writeFeed(path: string, events: FeedEvent[]) {
  await writeFile(path, JSON.stringify({ events }, null, 2));
}

function reporterFor(
  oracleAddress: string,
  oracleAbi: ConstructorParameters<typeof DisruptionReporter>[0]["oracleAbi"],
  signers: Awaited<ReturnType<typeof ethers.getSigners>>,
  mode: "direct" | "relay" = "direct",
  relayer?: (typeof signers)[number],
) {
  const lines: string[] = [];
  const reporter = new DisruptionReporter({
    oracleAddress,
    oracleAbi,
    reporters: signers,
    mode,
    relayer,
    log: (line) => lines.push(line),
    retryBaseDelayMs: 1,
  });
  return { reporter, lines };
}

describe("oracle reporter service", function () {
  describe("watching a feed file that changes", function () {
    it("confirms a disruption, never double-reports, then confirms the recovery added later", async function () {
      const { oracle, r1, r2, r3, supplier, feedPath } = await networkHelpers.loadFixture(deployOracleFixture);
      const abi = oracle.interface.formatJson();
      const { reporter, lines } = reporterFor(await oracle.getAddress(), abi, [r1, r2, r3]);
      const fire: FeedEvent = {
        id: "fire-2026-11",
        supplier: supplier.address,
        status: "disrupted",
        evidence: "ipfs://factory-fire-report",
        observedAt: await networkHelpers.time.latest(),
      };
      await writeFeed(feedPath, [fire]);

      const first = await reporter.processFeed(await readFeed(feedPath));
      expect(first.map((r) => [r.outcome, r.transactions.length])).to.deep.equal([["confirmed", 2]]);
      expect(await oracle.isDisrupted(supplier.address)).to.equal(true);
      expect(lines[0]).to.match(/fire-2026-11: disrupted .* → confirmed/);

      // Same feed again (a restart, or the next poll): nothing is sent.
      const again = await reporter.processFeed(await readFeed(feedPath));
      expect(again.map((r) => [r.outcome, r.transactions.length])).to.deep.equal([["already-confirmed", 0]]);
      expect((await oracle.supplierStatus(supplier.address))[2]).to.equal(1n);

      // The feed file changes: the supplier recovered.
      await networkHelpers.time.increase(3600);
      await writeFeed(feedPath, [
        fire,
        {
          id: "restart-2026-12",
          supplier: supplier.address,
          status: "recovered",
          evidence: "ipfs://production-restarted",
          observedAt: new Date((await networkHelpers.time.latest()) * 1000).toISOString(),
        },
      ]);
      const third = await reporter.processFeed(await readFeed(feedPath));
      expect(third.map((r) => r.outcome)).to.deep.equal(["already-confirmed", "confirmed"]);
      expect(await oracle.isDisrupted(supplier.address)).to.equal(false);

      // The old fire report must not re-trigger the recovered supplier.
      const fourth = await reporter.processFeed(await readFeed(feedPath));
      expect(fourth.map((r) => [r.outcome, r.transactions.length])).to.deep.equal([
        ["outdated", 0],
        ["already-confirmed", 0],
      ]);
      expect(await oracle.isDisrupted(supplier.address)).to.equal(false);
    });

    it("adds only the missing votes when a reporter has already voted on its own", async function () {
      const { oracle, r1, r2, r3, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const observedAt = await networkHelpers.time.latest();
      await oracle.connect(r1).report(supplier.address, true, ethers.id("x"), observedAt);
      const { reporter } = reporterFor(await oracle.getAddress(), oracle.interface.formatJson(), [r1, r2, r3]);
      const [result] = await reporter.processFeed([
        { id: "e", supplier: supplier.address, status: "disrupted", evidence: "x", observedAt },
      ]);
      expect(result.outcome).to.equal("confirmed");
      expect(result.transactions).to.have.length(1);
    });

    it("leaves a stale event alone", async function () {
      const { oracle, r1, r2, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const { reporter } = reporterFor(await oracle.getAddress(), oracle.interface.formatJson(), [r1, r2]);
      const observedAt = await networkHelpers.time.latest();
      await networkHelpers.time.increase(DAY + 60);
      const [result] = await reporter.processFeed([
        { id: "old", supplier: supplier.address, status: "disrupted", evidence: "x", observedAt },
      ]);
      expect(result.outcome).to.equal("outdated");
      expect(result.transactions).to.have.length(0);
    });

    it("reports a decoded custom error and moves on when the chain refuses a vote", async function () {
      const { oracle, r1, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const { reporter } = reporterFor(await oracle.getAddress(), oracle.interface.formatJson(), [r1]);
      const future = (await networkHelpers.time.latest()) + 3600;
      const [result] = await reporter.processFeed([
        { id: "future", supplier: supplier.address, status: "disrupted", evidence: "x", observedAt: future },
      ]);
      expect(result.outcome).to.equal("failed");
      expect(result.detail).to.match(
        /^The observation time lies in the future. \(DisruptionOracle_ObservedInFuture\(\d+, \d+\)\)$/,
      );
    });

    it("counts only signers that are reporters of this oracle", async function () {
      const { oracle, other, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const { reporter } = reporterFor(await oracle.getAddress(), oracle.interface.formatJson(), [other]);
      const [result] = await reporter.processFeed([
        {
          id: "e",
          supplier: supplier.address,
          status: "disrupted",
          evidence: "x",
          observedAt: await networkHelpers.time.latest(),
        },
      ]);
      expect(result.outcome).to.equal("nothing-to-add");
    });
  });

  describe("relay mode", function () {
    it("has one relayer carry the quorum's EIP-712 signatures in one transaction", async function () {
      const { oracle, r1, r2, r3, relayer, supplier } = await networkHelpers.loadFixture(deployOracleFixture);
      const { reporter } = reporterFor(
        await oracle.getAddress(),
        oracle.interface.formatJson(),
        [r1, r2, r3],
        "relay",
        relayer,
      );
      const [result] = await reporter.processFeed([
        {
          id: "sanction",
          supplier: supplier.address,
          status: "disrupted",
          evidence: "https://example.invalid/sanction-notice",
          observedAt: await networkHelpers.time.latest(),
        },
      ]);
      expect(result.outcome).to.equal("confirmed");
      expect(result.transactions).to.have.length(1);
      const tx = await ethers.provider.getTransaction(result.transactions[0]);
      expect(tx?.from).to.equal(relayer.address);
    });
  });

  describe("feed sources", function () {
    it("reads the same feed from an HTTP endpoint", async function () {
      const events = [{ id: "a", supplier: ethers.ZeroAddress, status: "recovered", evidence: "e", observedAt: 1 }];
      const server = createServer((_req, res) => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ events }));
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as { port: number };
      try {
        expect(await readFeed(`http://127.0.0.1:${port}/feed`)).to.deep.equal(events);
      } finally {
        server.close();
      }
    });

    it("refuses a malformed feed with a message that says what is wrong", function () {
      expect(() => parseFeed({})).to.throw('"events" array');
      expect(() => parseFeed({ events: [{ id: "x", supplier: ethers.ZeroAddress, status: "down" }] })).to.throw(
        'feed event #0 (x): "status" must be "disrupted" or "recovered"',
      );
    });
  });

  describe("retries", function () {
    it("retries transient transport errors and gives up on reverts at once", async function () {
      let calls = 0;
      const value = await withRetry(
        async () => {
          calls++;
          if (calls < 3)
            throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8545"), { code: "ECONNREFUSED" });
          return "ok";
        },
        { baseDelayMs: 1 },
      );
      expect([value, calls]).to.deep.equal(["ok", 3]);

      let revertCalls = 0;
      const revert = Object.assign(new Error("execution reverted"), { code: "CALL_EXCEPTION" });
      const failure = await withRetry(
        async () => {
          revertCalls++;
          throw revert;
        },
        { baseDelayMs: 1 },
      ).catch((error: unknown) => error);
      expect(failure).to.equal(revert);
      expect(revertCalls).to.equal(1);
      expect(isTransientError(revert)).to.equal(false);
    });
  });
});
