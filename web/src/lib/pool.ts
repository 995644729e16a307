/**
 * A financier's position in a contingency pool, read the way ContingencyPool accounts it: shareholders own the
 * pool's cash and the shareholders' part of the outstanding financing (outstanding − claimDebt) pro rata to their
 * shares; a financier who withdrew keeps a claim on its part of the debt, repaid pro rata to claim units of the
 * current claim era (an era closes when the claimants' debt is fully repaid).
 */
export interface PoolAccounts {
  outstanding: bigint;
  totalShares: bigint;
  claimDebt: bigint;
  claimUnits: bigint;
  claimEra: bigint;
}

export interface PoolPosition {
  shares: bigint;
  claimUnits: bigint;
  claimEra: bigint;
}

/**
 * The financier's exposure: its part of the financing the firm still owes the pool (rounded down, as the pool
 * rounds): as a shareholder, `shares / totalShares` of the shareholders' part of the debt; as a claimant of the
 * current era, `claimUnits / pool.claimUnits` of the claimants' debt.
 */
export function poolExposure(pool: PoolAccounts, position: PoolPosition): bigint {
  let exposure = 0n;
  if (position.shares > 0n && pool.totalShares > 0n) {
    exposure += (position.shares * (pool.outstanding - pool.claimDebt)) / pool.totalShares;
  }
  if (position.claimUnits > 0n && position.claimEra === pool.claimEra && pool.claimUnits > 0n) {
    exposure += (position.claimUnits * pool.claimDebt) / pool.claimUnits;
  }
  return exposure;
}
