import { test } from "node:test";
import assert from "node:assert/strict";
import { chainEvents } from "@/testing/chainEvents";
import type { Hex } from "./events";
import { buildComponents, listingsOf, regionCode, switchTargets } from "./components";

const P = "0x0000000000000000000000000000000000000007" as Hex;
const S = "0x0000000000000000000000000000000000000008" as Hex;
const ev = chainEvents({ contract: "SupplyChainRegistry", address: P });

test("components: primary, substitutes with advances, switches", () => {
  const { components, suppliers } = buildComponents([
    ev("SupplierRegistered", { supplier: P, registeredBy: S, metadataHash: "0x01", region: "0x4a50" }),
    ev("ProjectSupplierAdded", { projectId: 1n, supplier: P }),
    ev("ComponentDefined", {
      projectId: 1n,
      componentId: 1n,
      primary: P,
      substitutes: [S],
      advances: [400n],
      metadataHash: "0x02",
    }),
    ev("ComponentSwitched", { projectId: 1n, componentId: 1n, to: S, from: P, confirmationId: 1n }),
  ]);
  assert.equal(components.length, 1);
  assert.equal(components[0].current, S);
  assert.deepEqual(components[0].substitutes, [{ supplier: S, advance: 400n }]);
  assert.equal(components[0].switches.length, 1);
  assert.equal(suppliers.get(P.toLowerCase())?.region, "JP");
  assert.ok(suppliers.get(P.toLowerCase())?.projects.has("1"));
  assert.equal(regionCode("0x434e"), "CN");
});

test("listings: pending until accepted, then accepted with the time they count from, closed once left", () => {
  const T = "0x000000000000000000000000000000000000000a" as Hex;
  const { components } = buildComponents([
    ev("ComponentDefined", {
      projectId: 2n,
      componentId: 1n,
      primary: P,
      substitutes: [S, T],
      advances: [400n, 500n],
      metadataHash: "0x02",
    }),
    ev("ListingAccepted", { projectId: 2n, componentId: 1n, supplier: S, position: 1n, eligibleFrom: 900n }),
    ev("ListingLeft", { projectId: 2n, componentId: 1n, supplier: T, position: 2n, wasAccepted: false }),
  ]);
  assert.deepEqual(components[0].listings, [
    { status: "pending" },
    { status: "accepted", eligibleFrom: 900n },
    { status: "closed" },
  ]);
  const mine = listingsOf(components, S.toUpperCase().replace("0X", "0x"));
  assert.deepEqual(
    mine.map((l) => [l.position, l.listing.status, l.advance]),
    [[1, "accepted", 400n]],
  );
  assert.deepEqual(listingsOf(components, P)[0].advance, 0n);
  // Only accepted listings are switch targets.
  assert.deepEqual(
    switchTargets(components[0], () => false).map((x) => x.supplier),
    [S],
  );
});

test("payees: a supplier removed from a project is no longer listed for it, and is again once re-added", () => {
  const added = ev("ProjectSupplierAdded", { projectId: 2n, supplier: S });
  const removed = ev("ProjectSupplierRemoved", { projectId: 2n, supplier: S });
  assert.equal(buildComponents([added, removed]).suppliers.get(S.toLowerCase())?.projects.has("2"), false);
  const again = ev("ProjectSupplierAdded", { projectId: 2n, supplier: S });
  assert.equal(buildComponents([added, removed, again]).suppliers.get(S.toLowerCase())?.projects.has("2"), true);
});

test("switch targets: every listed supplier but the current, primary first, disrupted ones marked", () => {
  const T = "0x0000000000000000000000000000000000000009" as Hex;
  const c = {
    projectId: 1n,
    componentId: 1n,
    primary: P,
    substitutes: [
      { supplier: S, advance: 1n },
      { supplier: T, advance: 2n },
    ],
    current: S,
    switches: [],
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
