"use client";
import Link from "next/link";
import { shortenAddress } from "@/lib/address";

/**
 * A transaction hash, shortened, linking to its rows in the audit trail (local chains have no explorer). Not
 * prefetched: tables show dozens of these, all of the one audit route.
 */
export function TxLink({ hash }: { hash: `0x${string}` }) {
  return (
    <Link href={`/audit?tx=${hash}`} prefetch={false} className="mono" title={hash} data-testid="tx-link">
      {shortenAddress(hash, 10, 6)}
    </Link>
  );
}

export function BlockLink({ block }: { block: bigint }) {
  return (
    <Link href={`/audit?block=${block}`} prefetch={false} className="num">
      {block.toString()}
    </Link>
  );
}
