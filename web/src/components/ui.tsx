/** Small presentational pieces shared by every view. */
import type { ReactNode } from "react";
import styles from "./ui.module.css";

export function PageHeader({
  title,
  hint,
  actions,
  testId,
  ready,
}: {
  title: string;
  hint?: string;
  actions?: ReactNode;
  testId?: string;
  /** The page's data is loaded and rendered (`data-ready`, what the browser tests and the benchmark wait for). */
  ready?: boolean;
}) {
  return (
    <header
      className={styles.pageHeader}
      data-testid={testId}
      data-ready={ready === undefined ? undefined : String(ready)}
    >
      <div>
        <h1>{title}</h1>
        {hint && <p className={styles.hint}>{hint}</p>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </header>
  );
}

export function Section({
  title,
  children,
  testId,
  aside,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  aside?: ReactNode;
}) {
  return (
    <section className={styles.section} data-testid={testId}>
      <div className={styles.sectionHead}>
        <h2>{title}</h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

export function StatGrid({ children }: { children: ReactNode }) {
  return <div className={styles.statGrid}>{children}</div>;
}

export function Stat({
  label,
  children,
  testId,
  tone,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
  tone?: "accent" | "warn";
}) {
  return (
    <div className={`${styles.stat} ${tone ? styles[tone] : ""}`} data-testid={testId}>
      <div className={styles.statLabel}>{label}</div>
      <div className={styles.statValue}>{children}</div>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className={styles.empty}>{children}</div>;
}

export function Badge({
  children,
  tone = "neutral",
}: {
  children: ReactNode;
  tone?: "neutral" | "positive" | "negative" | "warn" | "accent";
}) {
  return <span className={`${styles.badge} ${styles[`badge_${tone}`]}`}>{children}</span>;
}

export function Notice({
  tone = "info",
  children,
  testId,
}: {
  tone?: "info" | "warn" | "error";
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className={`${styles.notice} ${styles[`notice_${tone}`]}`}
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
