import { test } from "node:test";
import assert from "node:assert/strict";
import { createClient, custom, encodeAbiParameters, toEventSelector, type Hex } from "viem";
import { documentHash } from "@/lib/documents";
import { DOCUMENT_PUBLISHED, readPublishedText } from "./publishedDocuments";

const ESCROW = "0x00000000000000000000000000000000000000e5";
const REGISTRY = "0x00000000000000000000000000000000000000e6";

/** A node answering eth_getLogs with `logs` (hash topic, text), recording the filters it was asked for. */
function node(logs: [topic: Hex, text: string][]) {
  const filters: { address: string[]; topics: (Hex | null)[]; fromBlock: Hex }[] = [];
  const client = createClient({
    transport: custom({
      async request({ method, params }: { method: string; params: unknown[] }) {
        if (method !== "eth_getLogs") throw new Error(`unexpected ${method}`);
        filters.push(params[0] as (typeof filters)[number]);
        return logs.map(([topic, text], i) => ({
          address: ESCROW,
          topics: [toEventSelector(DOCUMENT_PUBLISHED), topic],
          data: encodeAbiParameters([{ type: "string" }], [text]),
          blockNumber: "0x10",
          blockHash: `0x${"11".repeat(32)}`,
          logIndex: `0x${i.toString(16)}`,
          transactionHash: `0x${"22".repeat(32)}`,
          transactionIndex: "0x0",
          removed: false,
        }));
      },
    }),
  });
  return { client, filters };
}

test("reads one document by its indexed hash from the escrow and the registry since the deployment", async () => {
  const text = "组件规格：光致产酸剂，纯度 ≥ 99.9 %";
  const hash = documentHash(text);
  const { client, filters } = node([[hash, text]]);
  assert.equal(await readPublishedText(client, [ESCROW, REGISTRY], hash, 5n), text);
  assert.equal(filters.length, 1);
  assert.deepEqual(filters[0].address, [ESCROW, REGISTRY]);
  assert.deepEqual(filters[0].topics, [toEventSelector(DOCUMENT_PUBLISHED), hash]);
  assert.equal(filters[0].fromBlock, "0x5");
});

test("a log whose text does not hash to the document is never returned", async () => {
  const hash = documentHash("the real text");
  const { client } = node([[hash, "a forged text"]]);
  assert.equal(await readPublishedText(client, [ESCROW], hash, 0n), undefined);
  // A forged log first, the real text after it: the real one is returned.
  const both = node([
    [hash, "a forged text"],
    [hash, "the real text"],
  ]);
  assert.equal(await readPublishedText(both.client, [ESCROW], hash, 0n), "the real text");
});
