import { test } from "node:test";
import assert from "node:assert/strict";
import { packLog, packLogs, unpackLogs, type LogFields } from "./packedLogs";

const log = (i: number, topics = 3): LogFields => ({
  address: "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
  blockNumber: `0x${(100 + i).toString(16)}`,
  logIndex: `0x${i.toString(16)}`,
  transactionHash: `0x${i.toString(16).padStart(64, "0")}`,
  blockTimestamp: i % 2 ? `0x${(1_700_000_000 + i).toString(16)}` : undefined,
  data: i % 3 ? `0x${"ab".repeat(32 * (i % 3))}` : "0x",
  topics: Array.from(
    { length: topics },
    (_, t) => `0x${(t + i).toString(16).padStart(64, "0")}`,
  ) as LogFields["topics"],
});

test("packed logs unpack to the same fields, in order", () => {
  const logs = [log(0, 1), log(1), log(2, 4), log(3, 0)];
  const packed = packLogs(logs).join("\n");
  const back: LogFields[] = [];
  for (const l of unpackLogs(packed)) back.push({ ...l, topics: [...l.topics] }); // the object is reused
  assert.deepEqual(back, logs);
});

test("an empty history packs to an empty text and unpacks to nothing", () => {
  assert.equal(packLogs([]).join("\n"), "");
  assert.deepEqual([...unpackLogs("")], []);
});

test("pending or malformed logs are not packed", () => {
  assert.equal(packLog({ ...log(1), blockNumber: null }), undefined);
  assert.equal(packLog({ ...log(1), data: "0x12 34" as `0x${string}` }), undefined);
  assert.equal(packLogs([log(1), { ...log(2), logIndex: null }]).length, 1);
});
