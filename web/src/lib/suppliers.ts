/**
 * Suppliers as the views show them, from the indexer's `supplier` rows (registration from the registry, state
 * from the oracle's confirmations — equal to `DisruptionOracle.supplierStatus`), and the follow-up lines of the
 * oracle's `disruption` rows and the pool's `financing_skip` rows. Pure: the reads are in hooks/useSupplyChain.ts.
 */
import type { Hex } from "./events";
import type { Row } from "./indexer/rows";
import { regionCode } from "./components";

export interface SupplierState {
  supplier: Hex;
  disrupted: boolean;
  /** Unix seconds of the last confirmation (undefined if never confirmed). */
  since?: bigint;
  confirmationId?: bigint;
  /** The last confirmation's evidence. */
  evidenceHash?: Hex;
  /** Reporters' votes about the supplier, every round. */
  reports: number;
  /** ISO 3166 alpha-2, when registered with one. */
  region?: string;
  /** Whether the supplier registered itself (SupplierRegistered). */
  registered: boolean;
}

export function supplierFromRow(row: Row<"supplier">): SupplierState {
  return {
    supplier: row.address,
    disrupted: row.disrupted,
    since: row.since ?? undefined,
    confirmationId: row.lastConfirmationId ?? undefined,
    evidenceHash: row.evidenceHash ?? undefined,
    reports: row.reports,
    region: regionCode(row.region),
    registered: row.metadataHash !== null,
  };
}

/** The rows by lower-case address. */
export function supplierStatesFromRows(rows: readonly Row<"supplier">[]): Map<string, SupplierState> {
  return new Map(rows.map((r) => [r.address.toLowerCase(), supplierFromRow(r)]));
}

/** Whether the states hold `supplier` disrupted (a supplier without a row was never confirmed: healthy). */
export function isDisruptedIn(states: ReadonlyMap<string, SupplierState>, supplier: string): boolean {
  return states.get(supplier.toLowerCase())?.disrupted ?? false;
}

/** A confirmation whose notifications may still wait for someone to deliver them. */
export interface UndeliveredConfirmation {
  confirmationId: bigint;
  /** "paused": deferred while the guardian paused triggers; "failed": a subscriber reverted. */
  why: "paused" | "failed";
  /** Unix seconds of the confirmation. */
  timestamp: bigint;
}

/**
 * The confirmations among `rows` (the oracle's `disruption` rows) whose notifications were deferred or failed,
 * newest first. Whether they still wait is the chain's `pendingDelivery` (a later delivery empties it). A
 * deferral happens only at the confirmation, so a failure counted since means the last attempt failed.
 */
export function undeliveredFromRows(rows: readonly Row<"disruption">[]): UndeliveredConfirmation[] {
  return rows
    .filter((r) => r.deferred || r.notificationFailures > 0)
    .sort((a, b) => (a.confirmationId < b.confirmationId ? 1 : -1))
    .map((r) => ({
      confirmationId: r.confirmationId,
      why: r.notificationFailures > 0 ? "failed" : "paused",
      timestamp: r.timestamp,
    }));
}
