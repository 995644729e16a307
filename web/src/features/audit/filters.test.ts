import { test } from "node:test";
import assert from "node:assert/strict";
import type { Hex } from "@/lib/events";
import { chainEvents } from "@/testing/chainEvents";
import { toCsv } from "@/lib/csv";
import { CSV_HEADER, auditWhere, csvRows, filterFromParams, filterToParams } from "./filters";

const A = "0x00000000000000000000000000000000000000b1" as Hex;
const B = "0x00000000000000000000000000000000000000c2" as Hex;
const event = chainEvents({ contract: "RDEscrow", address: A });
const ev = (i: number, eventName: string, args: Record<string, unknown>) =>
  event(eventName, args, { blockNumber: BigInt(i), timestamp: 1_700_000_000 + i * 100 });

const events = [
  ev(1, "Funded", { projectId: 1n, financier: A, amount: 5n }),
  ev(2, "Funded", { projectId: 2n, financier: B, amount: 7n }),
  ev(3, "MilestoneApproved", { projectId: 1n, milestoneIndex: 0n }),
];

test("filters by project, party, type, time, tx and block become the indexer's filter", () => {
  const tx = events[2].transactionHash;
  assert.deepEqual(
    auditWhere({
      project: "1",
      party: B.toUpperCase().replace("0X", "0x"),
      type: "Funded",
      from: 10,
      to: 20,
      tx,
      block: "2",
    }),
    {
      projectId: "1",
      name: "Funded",
      transactionHash: tx,
      blockNumber: "2",
      parties_has: B,
      timestamp_gte: "10",
      timestamp_lte: "20",
    },
  );
  assert.deepEqual(auditWhere({}), {}, "no filter: every event");
});

test("a half-typed party, project or hash filters nothing rather than sending a malformed filter", () => {
  assert.deepEqual(auditWhere({ party: "0x00b1", project: "1a", tx: "0x12", block: "x" }), {});
});

test("the filter survives the CSV route's URL parameters", () => {
  const f = { project: "2", party: A, type: "Disbursed", from: 1_700_000_000, to: 1_700_086_399 };
  assert.deepEqual(filterFromParams(filterToParams(f)), { ...f, tx: undefined, block: undefined });
});

test("CSV export has a header and one quoted-safe row per event", () => {
  const csv = toCsv(CSV_HEADER, csvRows(events));
  const lines = csv.trimEnd().split("\r\n");
  assert.equal(lines.length, 4);
  assert.equal(lines[0], "time_utc,block,log_index,tx_hash,contract,event,project_id,args");
  assert.match(
    lines[1],
    /^2023-11-14T22:15:00.000Z,1,0,0x0+1,RDEscrow,Funded,1,projectId=1; financier=0x0+b1; amount=5$/,
  );
  assert.equal(toCsv(["a"], [['x,"y"']]), 'a\r\n"x,""y"""\r\n');
  assert.equal(toCsv(["a"], [["=cmd()"]]), "a\r\n'=cmd()\r\n");
});
