import { test } from "node:test";
import assert from "node:assert/strict";
import type { Hex } from "./events";
import type { Row } from "./indexer/rows";
import {
  componentsFromRows,
  inboxFromRows,
  payeesFromRows,
  regionCode,
  suppliersOf,
  switchTargets,
} from "./components";

// The indexer stores addresses lower-case.
const P = "0x0000000000000000000000000000000000000007" as Hex;
const S = "0x0000000000000000000000000000000000000008" as Hex;
const T = "0x000000000000000000000000000000000000000a" as Hex;
const SPEC = `0x${"02".repeat(32)}` as Hex;

const component = (projectId: bigint, componentId: bigint, over: Partial<Row<"component">> = {}): Row<"component"> => ({
  projectId,
  componentId,
  primary: P,
  current: P,
  substitutes: [S, T],
  advances: [400n, 500n],
  metadataHash: SPEC,
  switches: 0,
  lastConfirmationId: null,
  updatedAt: 1n,
  ...over,
});
const listing = (
  projectId: bigint,
  componentId: bigint,
  position: number,
  supplier: Hex,
  status: Row<"listing">["status"],
  eligibleFrom: bigint | null = null,
): Row<"listing"> => ({
  projectId,
  componentId,
  position,
  supplier,
  status,
  eligibleFrom,
  leftAccepted: status === "closed" ? false : null,
  updatedAt: 1n,
});

test("components: primary, substitutes with their advances, the current supplier and each listing's consent", () => {
  const [c] = componentsFromRows(
    [component(2n, 1n, { current: S, switches: 1 })],
    [
      listing(2n, 1n, 0, P, "pending"),
      listing(2n, 1n, 1, S, "accepted", 900n),
      listing(2n, 1n, 2, T, "closed"),
      // another component's listing changes nothing here
      listing(2n, 9n, 0, P, "accepted", 1n),
    ],
  );
  assert.deepEqual(c.substitutes, [
    { supplier: S, advance: 400n },
    { supplier: T, advance: 500n },
  ]);
  assert.equal(c.current, S);
  assert.equal(c.metadataHash, SPEC);
  assert.deepEqual(c.listings, [
    { status: "pending" },
    { status: "accepted", eligibleFrom: 900n },
    { status: "closed" },
  ]);
  // Only accepted listings are switch targets (the current one excluded).
  assert.deepEqual(
    switchTargets(componentsFromRows([component(2n, 1n)], [listing(2n, 1n, 1, S, "accepted", 900n)])[0], () => false),
    [{ supplier: S, primary: false, disrupted: false }],
  );
});

test("components: a position without a listing row is pending (every listing is, once defined)", () => {
  const [c] = componentsFromRows([component(1n, 1n)], []);
  assert.deepEqual(c.listings, [{ status: "pending" }, { status: "pending" }, { status: "pending" }]);
});

test("suppliersOf: every supplier the components name, once, lower-case", () => {
  const upper = "0x00000000000000000000000000000000000000AB" as Hex;
  const components = componentsFromRows(
    [component(1n, 1n), component(1n, 2n, { current: upper, substitutes: [upper] })],
    [],
  );
  assert.deepEqual(suppliersOf(components), [P, S, T, upper.toLowerCase()]);
});

test("payees: a supplier removed from a project is not its payee; one added to two projects is both's", () => {
  const row = (projectId: bigint, supplier: Hex, removedAt: bigint | null): Row<"projectSupplier"> => ({
    projectId,
    supplier,
    addedAt: 1n,
    removedAt,
  });
  const payees = payeesFromRows([row(1n, S, null), row(2n, S, null), row(2n, T, 5n)]);
  assert.deepEqual([...(payees.get(S)?.projects ?? [])], ["1", "2"]);
  assert.equal(payees.has(T), false);
});

test("inbox: the supplier's listings with their components, role and agreed advance, by project and component", () => {
  const components = [component(1n, 2n), component(1n, 1n, { substitutes: [T, S], advances: [10n, 20n] })];
  const mine = inboxFromRows(
    [listing(1n, 2n, 1, S, "accepted", 900n), listing(1n, 1n, 2, S, "pending"), listing(3n, 1n, 0, S, "pending")],
    components,
  );
  // The listing of a component the read did not return (3:1) is left out rather than shown half-known.
  assert.deepEqual(
    mine.map((l) => [`${l.component.projectId}:${l.component.componentId}`, l.position, l.listing.status, l.advance]),
    [
      ["1:1", 2, "pending", 20n],
      ["1:2", 1, "accepted", 400n],
    ],
  );
  assert.equal(inboxFromRows([listing(1n, 2n, 0, P, "pending")], components)[0].advance, 0n);
});

test("switch targets: every listed supplier but the current, primary first, disrupted ones marked", () => {
  const c = {
    projectId: 1n,
    componentId: 1n,
    primary: P,
    substitutes: [
      { supplier: S, advance: 1n },
      { supplier: T, advance: 2n },
    ],
    current: S,
    listings: [{ status: "accepted" as const }, { status: "accepted" as const }, { status: "accepted" as const }],
  };
  // After a failover to S: back to the primary P (still disrupted) or on to T.
  assert.deepEqual(
    switchTargets(c, (a) => a === P),
    [
      { supplier: P, primary: true, disrupted: true },
      { supplier: T, primary: false, disrupted: false },
    ],
  );
  // The current supplier is matched whatever the address's case.
  assert.deepEqual(
    switchTargets({ ...c, current: P.toUpperCase().replace("0X", "0x") as Hex }, () => false).map((s) => s.supplier),
    [S, T],
  );
});

test("regionCode: ISO 3166 alpha-2 from bytes2, anything else as given or nothing", () => {
  assert.equal(regionCode("0x434e"), "CN");
  assert.equal(regionCode("0x0001"), "0x0001");
  assert.equal(regionCode(null), undefined);
});
