import { test, describe } from "node:test";
import assert from "node:assert/strict";

import { cstYears, periodBounds, periodDays, periodLabel, periodSlug } from "./period.ts";

/** Unix seconds of a wall-clock time in China Standard Time, written out by hand. */
const cst = (iso: string) => Date.parse(`${iso}+08:00`) / 1000;

describe("reporting periods in China Standard Time", () => {
  test("a year runs from 00:00 CST on 1 January to 00:00 CST on the next 1 January", () => {
    assert.deepEqual(periodBounds({ year: 2026 }), {
      from: cst("2026-01-01T00:00:00"),
      to: cst("2027-01-01T00:00:00"),
    });
    // 00:00 CST is 16:00 UTC of the day before.
    assert.equal(periodBounds({ year: 2026 }).from, Date.parse("2025-12-31T16:00:00Z") / 1000);
  });

  test("quarters split the year at 1 April, 1 July and 1 October CST; Q4 ends at the next year", () => {
    assert.deepEqual(periodBounds({ year: 2026, quarter: 1 }), {
      from: cst("2026-01-01T00:00:00"),
      to: cst("2026-04-01T00:00:00"),
    });
    assert.deepEqual(periodBounds({ year: 2026, quarter: 3 }), {
      from: cst("2026-07-01T00:00:00"),
      to: cst("2026-10-01T00:00:00"),
    });
    assert.deepEqual(periodBounds({ year: 2026, quarter: 4 }), {
      from: cst("2026-10-01T00:00:00"),
      to: cst("2027-01-01T00:00:00"),
    });
  });

  test("the last day printed is the day of the period's last second", () => {
    const q1 = periodBounds({ year: 2024, quarter: 1 });
    assert.deepEqual(periodDays(q1.from, q1.to), { first: "2024-01-01", last: "2024-03-31" });
    const y = periodBounds({ year: 2024 });
    assert.deepEqual(periodDays(y.from, y.to), { first: "2024-01-01", last: "2024-12-31" });
  });

  test("labels and file-name slugs in both languages", () => {
    assert.equal(periodLabel({ year: 2026 }, "zh"), "2026年");
    assert.equal(periodLabel({ year: 2026, quarter: 2 }, "zh"), "2026年第2季度");
    assert.equal(periodLabel({ year: 2026, quarter: 2 }, "en"), "2026 Q2");
    assert.equal(periodSlug({ year: 2026 }), "2026");
    assert.equal(periodSlug({ year: 2026, quarter: 4 }), "2026-Q4");
  });

  test("the years of timestamps are CST years: 23:59:59 CST on 31 December is still the old year", () => {
    assert.deepEqual(
      cstYears([cst("2026-01-01T00:00:00"), cst("2025-12-31T23:59:59"), cst("2026-06-01T12:00:00")]),
      [2025, 2026],
    );
  });
});
