import { test } from "node:test";
import assert from "node:assert/strict";
import { zeroTotals } from "@/lib/ledger";
import { shown, shownField } from "./readState";

test("a failed read shows as unknown with its reason, never as zeros", () => {
  const s = shown({ data: undefined, error: new Error("the indexer at http://127.0.0.1:42069 does not answer") });
  assert.deepEqual(s, { kind: "unknown", reason: "the indexer at http://127.0.0.1:42069 does not answer" });
  assert.deepEqual(shownField(s, "funded" as never), s, "every total of a failed read is unknown too");
});

test("before the first answer a read is loading, not zero", () => {
  assert.deepEqual(shown({ data: undefined, error: null }), { kind: "loading" });
});

test("an answer that is zero is shown as zero (known)", () => {
  const s = shown({ data: zeroTotals(), error: null });
  assert.deepEqual(shownField(s, "funded"), { kind: "value", value: 0n });
});
