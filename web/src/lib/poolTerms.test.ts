import { test, describe } from "node:test";
import assert from "node:assert/strict";
import {
  bpsPercent,
  durationText,
  loosened,
  mayWithdraw,
  parseTermsInput,
  poolTermsState,
  termsToAccept,
  withdrawalState,
  type PoolTerms,
} from "./poolTerms";

const DAY = 86_400;
const TERMS: PoolTerms = {
  exposureBps: 8_000,
  disruptionBps: 5_000,
  withdrawalNotice: 2 * DAY,
  repaymentTerm: 90 * DAY,
};
const NONE: PoolTerms = { exposureBps: 0, disruptionBps: 0, withdrawalNotice: 0, repaymentTerm: 0 };

describe("the terms a commitment names", () => {
  test("those in force, or none before the firm set any", () => {
    assert.deepEqual(termsToAccept(poolTermsState(TERMS, NONE, 0n)), TERMS);
    assert.equal(termsToAccept(poolTermsState(NONE, NONE, 0n)), undefined);
  });

  test("the pending ones while a loosening is pending, which names the fields it loosens", () => {
    const looser = { ...TERMS, exposureBps: 9_000, repaymentTerm: 120 * DAY };
    const s = poolTermsState(TERMS, looser, 1_700_000_000n);
    assert.deepEqual(s.pending, { terms: looser, effectiveAt: 1_700_000_000 });
    assert.deepEqual(termsToAccept(s), looser);
    assert.deepEqual(loosened(s), ["exposureBps", "repaymentTerm"]);
    assert.deepEqual(loosened(poolTermsState(TERMS, NONE, 0n)), []);
  });
});

describe("the terms in words", () => {
  test("basis points as percentages, durations in days and hours", () => {
    assert.deepEqual(
      [bpsPercent(8_000), bpsPercent(1_250), bpsPercent(5), bpsPercent(0)],
      ["80%", "12.5%", "0.05%", "0%"],
    );
    assert.equal(durationText(7 * DAY, "en"), "7 d");
    assert.equal(durationText(DAY + 12 * 3_600, "en"), "1 d 12 h");
    assert.equal(durationText(DAY + 12 * 3_600, "zh"), "1天12小时");
    assert.equal(durationText(90 * 60, "en"), "1 h 30 min");
    assert.equal(durationText(30, "en"), "30 s");
  });
});

describe("a financier's exit by request, at chain time", () => {
  const req = { executableAt: 1_000n, lapsesAt: 1_000n + BigInt(7 * DAY), exitsAtOnce: false };
  test("none requested → waiting for the notice → executable in the window → lapsed after it", () => {
    assert.deepEqual(withdrawalState({ executableAt: 0n, lapsesAt: 0n, exitsAtOnce: false }, 500), { kind: "none" });
    assert.equal(withdrawalState(req, 999).kind, "waiting");
    assert.equal(withdrawalState(req, 1_000).kind, "executable", "executable from the second it is due");
    assert.equal(withdrawalState(req, 1_000 + 7 * DAY).kind, "executable", "up to the last second of the window");
    assert.equal(withdrawalState(req, 1_001 + 7 * DAY).kind, "lapsed");
    assert.deepEqual(
      [999, 1_000, 1_001 + 7 * DAY].map((now) => mayWithdraw(withdrawalState(req, now))),
      [false, true, false],
    );
  });

  test("a closed project or terms that lend nothing let the position leave at once", () => {
    const s = withdrawalState({ ...req, exitsAtOnce: true }, 0);
    assert.deepEqual(s, { kind: "atOnce" });
    assert.equal(mayWithdraw(s), true);
  });
});

describe("the firm's terms form", () => {
  test("percentages become basis points, days become seconds", () => {
    assert.deepEqual(
      parseTermsInput({ exposurePct: "80", disruptionPct: "12.5", noticeDays: "3", repaymentDays: "0.5" }),
      { exposureBps: 8_000, disruptionBps: 1_250, withdrawalNotice: 3 * DAY, repaymentTerm: DAY / 2 },
    );
  });

  test("a field out of range or not a number gives no terms (the button stays disabled)", () => {
    const ok = { exposurePct: "80", disruptionPct: "50", noticeDays: "3", repaymentDays: "90" };
    for (const bad of [
      { exposurePct: "100.01" },
      { disruptionPct: "-1" },
      { noticeDays: "0" },
      { repaymentDays: "ninety" },
      { exposurePct: "" },
    ])
      assert.equal(parseTermsInput({ ...ok, ...bad }), undefined, JSON.stringify(bad));
  });
});
