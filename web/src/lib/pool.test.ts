import { test } from "node:test";
import assert from "node:assert/strict";
import { poolExposure, type PoolAccounts } from "./pool";

const pool: PoolAccounts = { outstanding: 0n, totalShares: 0n, claimDebt: 0n, claimUnits: 0n, claimEra: 0n };

test("a shareholder's exposure is its pro-rata part of the shareholders' debt", () => {
  // ¥1,450,000.00 financed, ¥500,000.00 repaid; shares 2:1.
  const p = { ...pool, outstanding: 95_000_000n, totalShares: 300n };
  assert.equal(poolExposure(p, { shares: 200n, claimUnits: 0n, claimEra: 0n }), 63_333_333n);
  assert.equal(poolExposure(p, { shares: 100n, claimUnits: 0n, claimEra: 0n }), 31_666_666n);
  assert.equal(poolExposure(p, { shares: 0n, claimUnits: 0n, claimEra: 0n }), 0n);
});

test("after withdrawing, the financier's claim is its part of the claimants' debt in the current era", () => {
  const p = { ...pool, outstanding: 95_000_000n, totalShares: 200n, claimDebt: 31_666_666n, claimUnits: 1_000n };
  assert.equal(poolExposure(p, { shares: 0n, claimUnits: 1_000n, claimEra: 0n }), 31_666_666n);
  // The remaining shareholder carries the rest.
  assert.equal(poolExposure(p, { shares: 200n, claimUnits: 0n, claimEra: 0n }), 63_333_334n);
  // A claim of a closed era is fully repaid: no exposure left.
  assert.equal(poolExposure({ ...p, claimEra: 1n }, { shares: 0n, claimUnits: 1_000n, claimEra: 0n }), 0n);
});

test("an empty pool exposes nobody", () => {
  assert.equal(poolExposure(pool, { shares: 0n, claimUnits: 0n, claimEra: 0n }), 0n);
});
