"use client";
/** The one address renderer: known name (or shortened address), full address on hover, copy button. */
import { useState } from "react";
import { useDeployment } from "@/hooks/useDeployment";
import { useT } from "@/i18n";
import { lookupName, shortenAddress } from "@/lib/address";
import styles from "./Address.module.css";

export function Address({ address, copy = true }: { address: string | undefined; copy?: boolean }) {
  const { names } = useDeployment();
  const t = useT();
  const [copied, setCopied] = useState(false);
  if (!address) return <span className={styles.muted}>—</span>;
  const known = lookupName(address, names);
  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    } catch {
      // clipboard unavailable (insecure context); the full address stays in the tooltip
    }
  };
  return (
    <span className={styles.address} title={address} data-address={address.toLowerCase()}>
      {known ? (
        <>
          <span className={styles.name}>{known.name}</span>{" "}
          <span className={`${styles.short} mono`}>{shortenAddress(address)}</span>
        </>
      ) : (
        <span className="mono">{shortenAddress(address)}</span>
      )}
      {copy && (
        <button
          type="button"
          className={styles.copy}
          onClick={onCopy}
          aria-label={t("wallet.copy")}
          title={t("wallet.copy")}
        >
          {copied ? "✓" : <CopyIcon />}
        </button>
      )}
    </span>
  );
}

/** Two overlapping sheets, drawn inline: the "⧉" glyph is missing from common CJK font stacks. */
function CopyIcon() {
  return (
    <svg width="11" height="11" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path
        d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
    </svg>
  );
}
