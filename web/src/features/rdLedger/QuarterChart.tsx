"use client";
/**
 * Spending by category per quarter (China Standard Time) as a stacked bar chart in plain SVG: one bar per quarter,
 * one segment per statutory category, a round value axis. Accessible: the SVG is an image with a title and a
 * description that states every quarter's total, each segment names its category and amount (hover / screen
 * reader), and the legend and the figures are also in the table beside it (QuarterTable).
 */
import { useId } from "react";
import { formatAmount, type Locale } from "@/lib/format";
import { quarterChart, type QuarterAmount } from "@/lib/charts/quarterBars";
import { CATEGORY_RULES, type CategoryKey } from "@/lib/rdLedger";
import styles from "./QuarterChart.module.css";

/** One colour per statutory category (Okabe–Ito first, distinguishable with the common colour-vision deficiencies). */
export const CATEGORY_COLOURS: Record<CategoryKey, string> = {
  Personnel: "#0072B2",
  DirectInputs: "#E69F00",
  Depreciation: "#009E73",
  Amortisation: "#CC79A7",
  NewProductDesign: "#56B4E9",
  OtherRelated: "#D55E00",
  EntrustedDomestic: "#7a5195",
  EntrustedAbroad: "#b8860b",
  NonQualifying: "#9aa0a6",
};

const W = 640;
const H = 260;
const PAD = { left: 88, right: 16, top: 12, bottom: 32 };
const PLOT_H = H - PAD.top - PAD.bottom;
const SLOT = (W - PAD.left - PAD.right) / 4;
const BAR = SLOT * 0.5;

const labels = {
  zh: { title: "按季度、按类别的研发支出（北京时间）", quarter: (q: number) => `第${q}季度`, none: "无支出" },
  en: {
    title: "R&D spending by category per quarter (China Standard Time)",
    quarter: (q: number) => `Q${q}`,
    none: "nothing paid",
  },
} as const;

export function QuarterChart({
  amounts,
  year,
  lang,
}: {
  amounts: readonly QuarterAmount[];
  year: number;
  lang: Locale;
}) {
  const id = useId();
  const chart = quarterChart(amounts);
  const L = labels[lang];
  const money = (fen: bigint, compact = false) => formatAmount(fen, 2, { locale: lang, compact });
  const y = (f: number) => PAD.top + PLOT_H * (1 - f);
  const description = chart.bars
    .map((b) => `${L.quarter(b.quarter)}: ${b.totalFen === 0n ? L.none : money(b.totalFen)}`)
    .join(lang === "zh" ? "；" : "; ");
  return (
    <figure className={styles.figure} data-testid="rd-quarter-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className={styles.svg}>
        <title id={`${id}-title`}>{`${L.title} · ${year}`}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {chart.ticksFen.map((t) => {
          const ty = y(chart.axisMaxFen === 0n ? 0 : Number((t * 10_000n) / chart.axisMaxFen) / 10_000);
          return (
            <g key={String(t)} aria-hidden="true">
              <line x1={PAD.left} x2={W - PAD.right} y1={ty} y2={ty} className={styles.grid} />
              <text x={PAD.left - 8} y={ty} className={styles.tick} textAnchor="end" dominantBaseline="middle">
                {money(t, true)}
              </text>
            </g>
          );
        })}
        {chart.bars.map((b, i) => {
          const x = PAD.left + SLOT * i + (SLOT - BAR) / 2;
          return (
            <g key={b.quarter} data-testid="rd-quarter-bar" data-quarter={b.quarter} data-total={String(b.totalFen)}>
              {b.segments.map((s) => (
                <rect
                  key={s.category}
                  x={x}
                  width={BAR}
                  y={y(s.to)}
                  height={Math.max(0, y(s.from) - y(s.to))}
                  fill={CATEGORY_COLOURS[s.category]}
                  data-category={s.category}
                >
                  <title>{`${L.quarter(b.quarter)} · ${CATEGORY_RULES[s.category][lang]}: ${money(s.amountFen)}`}</title>
                </rect>
              ))}
              <text x={x + BAR / 2} y={H - PAD.bottom + 18} className={styles.axisLabel} textAnchor="middle">
                {L.quarter(b.quarter)}
              </text>
            </g>
          );
        })}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className={styles.axis} aria-hidden="true" />
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          {chart.categories.map((c) => (
            <li key={c}>
              <span className={styles.swatch} style={{ background: CATEGORY_COLOURS[c] }} aria-hidden="true" />
              {CATEGORY_RULES[c][lang]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
