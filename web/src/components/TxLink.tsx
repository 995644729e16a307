"use client";
import Link from "next/link";
import { shortenAddress } from "@/lib/address";

/** A transaction hash, shortened, linking to its rows in the audit trail (local chains have no explorer). */
export function TxLink({ hash }: { hash: `0x${string}` }) {
  return (
    <Link href={`/audit?tx=${hash}`} className="mono" title={hash} data-testid="tx-link">
      {shortenAddress(hash, 10, 6)}
    </Link>
  );
}

export function BlockLink({ block }: { block: bigint }) {
  return (
    <Link href={`/audit?block=${block}`} className="num">
      {block.toString()}
    </Link>
  );
}
