/**
 * A contingency pool's terms (IContingencyPool: the same for every financier of a project, set by its firm) and a
 * financier's exit by request, in the words a financier decides by. Pure: the chain's reads in, what to show and
 * which terms a commitment must name out. Times are Unix seconds of the chain (its latest block), never the
 * browser's clock: a local chain's clock can run ahead of it.
 */

/** SupplyChainTypes.PoolTerms as viem decodes it. */
export interface PoolTerms {
  /** Max shareholders' outstanding financing, basis points of the pool's value. */
  exposureBps: number;
  /** Max financing one confirmation may draw, basis points of the pool's value. */
  disruptionBps: number;
  /** Seconds from a withdrawal request to its execution. */
  withdrawalNotice: number;
  /** Seconds from a financing to its due date. */
  repaymentTerm: number;
}

/** Terms in force and a pending loosening (effectiveAt 0 = none pending), as the pool answers them. */
export interface PoolTermsState {
  inForce: PoolTerms;
  pending?: { terms: PoolTerms; effectiveAt: number };
}

/** The firm has not set terms: every field is zero (the pool takes no commitment then). */
export const termsSet = (t: PoolTerms): boolean => t.repaymentTerm > 0;

/** From the reads `poolTerms(projectId)` and `pendingPoolTerms(projectId)`. */
export function poolTermsState(
  inForce: PoolTerms,
  pending: PoolTerms,
  pendingEffectiveAt: bigint | number,
): PoolTermsState {
  const at = Number(pendingEffectiveAt);
  return at === 0 ? { inForce } : { inForce, pending: { terms: pending, effectiveAt: at } };
}

/**
 * The terms a commitment made now must name (IContingencyPool.commit: the pending ones while a change is pending,
 * else those in force), or undefined when the firm has set none. A pending change whose date has passed binds too:
 * the pool applies it on the commitment's own call.
 */
export function termsToAccept(s: PoolTermsState): PoolTerms | undefined {
  if (s.pending) return s.pending.terms;
  return termsSet(s.inForce) ? s.inForce : undefined;
}

/** Basis points as a percentage with up to two decimals ("80%", "12.5%"). */
export function bpsPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const frac = bps % 100;
  if (frac === 0) return `${whole}%`;
  return `${whole}.${String(frac).padStart(2, "0").replace(/0$/, "")}%`;
}

/** A duration in days (and hours when not whole days): "7 d", "1 d 12 h", "6 h". */
export function durationText(seconds: number, lang: "zh" | "en"): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const parts: string[] = [];
  const unit = lang === "zh" ? { d: "天", h: "小时", m: "分钟" } : { d: " d", h: " h", m: " min" };
  if (days) parts.push(`${days}${unit.d}`);
  if (hours) parts.push(`${hours}${unit.h}`);
  if (minutes && !days) parts.push(`${minutes}${unit.m}`);
  if (parts.length === 0) parts.push(`${seconds}${lang === "zh" ? "秒" : " s"}`);
  return parts.join(lang === "zh" ? "" : " ");
}

/** Which fields a pending change loosens (larger than in force): what a financier who disagrees would leave over. */
export function loosened(s: PoolTermsState): (keyof PoolTerms)[] {
  if (!s.pending) return [];
  const keys: (keyof PoolTerms)[] = ["exposureBps", "disruptionBps", "withdrawalNotice", "repaymentTerm"];
  return keys.filter((k) => s.pending!.terms[k] > s.inForce[k]);
}

/** The reads `withdrawalRequest(projectId, financier)`. */
export interface WithdrawalRequestRead {
  executableAt: bigint | number;
  lapsesAt: bigint | number;
  exitsAtOnce: boolean;
}

export type WithdrawalState =
  | { kind: "atOnce" }
  | { kind: "none" }
  | { kind: "waiting"; executableAt: number; lapsesAt: number }
  | { kind: "executable"; executableAt: number; lapsesAt: number }
  | { kind: "lapsed"; executableAt: number; lapsesAt: number };

/** Where a financier's exit stands at chain time `now`. */
export function withdrawalState(r: WithdrawalRequestRead, now: number): WithdrawalState {
  if (r.exitsAtOnce) return { kind: "atOnce" };
  const executableAt = Number(r.executableAt);
  const lapsesAt = Number(r.lapsesAt);
  if (executableAt === 0) return { kind: "none" };
  if (now < executableAt) return { kind: "waiting", executableAt, lapsesAt };
  if (lapsesAt !== 0 && now > lapsesAt) return { kind: "lapsed", executableAt, lapsesAt };
  return { kind: "executable", executableAt, lapsesAt };
}

/** Whether `withdraw` may execute the position's exit now. */
export const mayWithdraw = (s: WithdrawalState): boolean => s.kind === "atOnce" || s.kind === "executable";

/**
 * The firm's form input (percentages and days as typed) as PoolTerms, or undefined when a field is not a number in
 * range: percentages 0–100 with up to two decimals (whole basis points), days > 0 with up to four decimals (whole
 * seconds). The pool checks the rest (order of the caps, the notice's bounds) and says what is wrong.
 */
export function parseTermsInput(input: {
  exposurePct: string;
  disruptionPct: string;
  noticeDays: string;
  repaymentDays: string;
}): PoolTerms | undefined {
  const bps = (text: string) => {
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(text.trim())) return undefined;
    const v = Math.round(Number(text) * 100);
    return v <= 10_000 ? v : undefined;
  };
  const seconds = (text: string) => {
    if (!/^\d+(\.\d{1,4})?$/.test(text.trim())) return undefined;
    const v = Math.round(Number(text) * 86_400);
    return v > 0 && v < 2 ** 32 ? v : undefined;
  };
  const terms = {
    exposureBps: bps(input.exposurePct),
    disruptionBps: bps(input.disruptionPct),
    withdrawalNotice: seconds(input.noticeDays),
    repaymentTerm: seconds(input.repaymentDays),
  };
  return Object.values(terms).every((v) => v !== undefined) ? (terms as PoolTerms) : undefined;
}
