import { test } from "node:test";
import assert from "node:assert/strict";
import { createIndexerClient, decodeRow, eventFromRow, IndexerError, type Row } from "@/lib/indexer";

const FIRM = "0x00000000000000000000000000000000000000f1";
const TX = `0x${"ab".repeat(32)}` as const;

/** An `event` row as the indexer's GraphQL answers it: bigints as decimal strings, args as JSON. */
const eventJson = (name: string, args: Record<string, unknown>, contract = "RDEscrow") => ({
  id: "000001",
  contract,
  name,
  address: "0x00000000000000000000000000000000000000e5",
  projectId: "7",
  parties: [FIRM],
  args,
  blockNumber: "12",
  timestamp: "1700000000",
  transactionHash: TX,
  logIndex: 3,
});

test("a row decodes to the schema's types: bigint columns parsed, the rest as answered, nulls kept", () => {
  const row = decodeRow("milestone", {
    projectId: "7",
    index: 1,
    budget: "1000000000000000000000",
    deadline: "1800000000",
    stage: 2,
    status: "submitted",
    evidenceHash: TX,
    reasonHash: null,
    paid: "0",
    payments: 0,
    updatedAt: "1700000000",
  });
  assert.equal(row.budget, 10n ** 21n);
  assert.equal(row.projectId, 7n);
  assert.equal(row.status, "submitted");
  assert.equal(row.reasonHash, null);
});

test("an answer without a column the schema has is an error, not an undefined", () => {
  assert.throws(() => decodeRow("pool", { projectId: "1" }), /lacks column address/);
});

test("an indexed event becomes the ABI's typed event: arguments by name, integers as bigints, tuples by field", () => {
  const e = eventFromRow(
    decodeRow(
      "event",
      eventJson("ProjectCreated", {
        projectId: "7",
        firm: FIRM,
        verifier: FIRM,
        token: FIRM,
        target: "5000",
        metadataHash: TX,
        milestones: [{ budget: "5000", deadline: "1800000000", stage: 1, accounting: 0, metadataHash: TX }],
      }),
    ),
  );
  assert.ok(e && e.contract === "RDEscrow" && e.eventName === "ProjectCreated");
  assert.equal(e.args.target, 5000n);
  assert.equal(e.args.milestones[0].budget, 5000n);
  assert.equal(e.args.milestones[0].stage, 1);
  assert.equal(e.id, "12-3");
  assert.equal(e.timestamp, 1_700_000_000);
  assert.deepEqual(e.argList.slice(0, 2), [7n, FIRM]);
});

test("an event this build's ABIs do not know is skipped; one missing an ABI argument is an error", () => {
  assert.equal(eventFromRow(decodeRow("event", eventJson("NoSuchEvent", {}))), undefined);
  assert.throws(
    () => eventFromRow(decodeRow("event", eventJson("Funded", { projectId: "7", financier: FIRM }))),
    /lacks argument amount/,
  );
});

test("the client asks GraphQL for a page with every column and decodes it; a refusal is an IndexerError", async () => {
  const bodies: { query: string; variables: Record<string, unknown> }[] = [];
  const answer = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  const client = createIndexerClient("http://indexer.test/", async (_url, init) => {
    bodies.push(JSON.parse(String(init?.body)));
    return answer({
      data: {
        page: {
          items: [{ party: FIRM, token: FIRM, received: "5", sent: "2", net: "3", movements: 2 }],
          totalCount: 1,
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    });
  });
  const page = await client.page("partyTotal", { where: { party: FIRM }, limit: 10 });
  const row: Row<"partyTotal"> = page.items[0];
  assert.equal(row.net, 3n);
  assert.equal(page.totalCount, 1);
  assert.match(bodies[0].query, /partyTotals\(where: \$where/);
  assert.match(bodies[0].query, /items \{ party token received sent net movements \}/);
  assert.deepEqual(bodies[0].variables.where, { party: FIRM });
  assert.match(bodies[0].query, /totalCount/);

  // Without the count, the query does not ask the database to count (a page of a large table reads a counter).
  const uncounted = await client.page("partyTotal", { where: { party: FIRM }, count: false });
  assert.equal(uncounted.totalCount, undefined);
  assert.doesNotMatch(bodies[1].query, /totalCount/);
  await client.all("partyTotal", { where: { party: FIRM } });
  assert.doesNotMatch(bodies[2].query, /totalCount/);

  const refusing = createIndexerClient("http://indexer.test", async () =>
    answer({ errors: [{ message: "Invalid limit" }] }),
  );
  await assert.rejects(
    refusing.page("event"),
    (e: Error) => e instanceof IndexerError && /Invalid limit/.test(e.message),
  );
  const down = createIndexerClient("http://indexer.test", async () => {
    throw new TypeError("fetch failed");
  });
  await assert.rejects(down.status(31337), /does not answer \(fetch failed\)/);
});
