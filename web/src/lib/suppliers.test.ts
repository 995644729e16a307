import { test } from "node:test";
import assert from "node:assert/strict";
import type { Hex } from "./events";
import type { Row } from "./indexer/rows";
import { isDisruptedIn, supplierFromRow, supplierStatesFromRows, undeliveredFromRows } from "./suppliers";

const S = "0x0000000000000000000000000000000000000051" as Hex;
const EVIDENCE = `0x${"ee".repeat(32)}` as Hex;

const supplier = (over: Partial<Row<"supplier">> = {}): Row<"supplier"> => ({
  address: S,
  registeredBy: S,
  metadataHash: `0x${"01".repeat(32)}` as Hex,
  region: "0x4a50",
  disrupted: false,
  lastConfirmationId: null,
  since: null,
  evidenceHash: null,
  reports: 0,
  updatedAt: 1n,
  ...over,
});

test("a supplier row reads as its state: disrupted, since its last confirmation, that confirmation's evidence", () => {
  assert.deepEqual(
    supplierFromRow(
      supplier({ disrupted: true, since: 11n, lastConfirmationId: 3n, evidenceHash: EVIDENCE, reports: 2 }),
    ),
    {
      supplier: S,
      disrupted: true,
      since: 11n,
      confirmationId: 3n,
      evidenceHash: EVIDENCE,
      reports: 2,
      region: "JP",
      registered: true,
    },
  );
});

test("a supplier never confirmed has no time or evidence; one only reported on is not registered", () => {
  const s = supplierFromRow(supplier({ registeredBy: null, metadataHash: null, region: null, reports: 1 }));
  assert.deepEqual(
    [s.disrupted, s.since, s.confirmationId, s.evidenceHash, s.region, s.registered, s.reports],
    [false, undefined, undefined, undefined, undefined, false, 1],
  );
});

test("isDisruptedIn: a checksummed address finds its lower-case state; suppliers without a row are healthy", () => {
  const A = "0x00000000000000000000000000000000000000ab" as Hex;
  const states = supplierStatesFromRows([supplier({ address: A, disrupted: true })]);
  assert.equal(isDisruptedIn(states, "0x00000000000000000000000000000000000000AB"), true);
  assert.equal(isDisruptedIn(states, "0x0000000000000000000000000000000000000052"), false);
});

test("undelivered: deferred confirmations wait for the guardian, failed ones for a retry, newest first", () => {
  const disruption = (confirmationId: bigint, deferred: boolean, notificationFailures: number): Row<"disruption"> => ({
    confirmationId,
    supplier: S,
    kind: "disruption",
    evidenceHash: EVIDENCE,
    financed: 0n,
    financings: 0,
    owedAdvances: 0,
    skipped: 0,
    notified: 0,
    notificationFailures,
    deferred,
    blockNumber: 1n,
    timestamp: 100n + confirmationId,
    transactionHash: `0x${"00".repeat(32)}` as Hex,
  });
  assert.deepEqual(
    undeliveredFromRows([
      disruption(1n, true, 0),
      disruption(2n, false, 0),
      disruption(3n, false, 1),
      disruption(4n, true, 2),
    ]),
    [
      { confirmationId: 4n, why: "failed", timestamp: 104n },
      { confirmationId: 3n, why: "failed", timestamp: 103n },
      { confirmationId: 1n, why: "paused", timestamp: 101n },
    ],
  );
});
