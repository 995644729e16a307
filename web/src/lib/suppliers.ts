/** Supplier states rebuilt from the disruption oracle's events (confirmations flip; reports are votes). */
import { inOrder, type ChainEvent, type Hex } from "./events";

export interface SupplierState {
  supplier: Hex;
  disrupted: boolean;
  /** Unix seconds of the last confirmation. */
  since?: number;
  confirmationId?: bigint;
  evidenceHash?: Hex;
  /** Votes of the current/last round, newest last. */
  reports: ChainEvent[];
}

/** Whether the states hold `supplier` disrupted (unknown suppliers are healthy). */
export function isDisruptedIn(states: ReadonlyMap<string, SupplierState>, supplier: string): boolean {
  return states.get(supplier.toLowerCase())?.disrupted ?? false;
}

export function buildSupplierStates(events: readonly ChainEvent[]): Map<string, SupplierState> {
  const out = new Map<string, SupplierState>();
  const get = (supplier: Hex) => {
    const k = supplier.toLowerCase();
    let s = out.get(k);
    if (!s) {
      s = { supplier, disrupted: false, reports: [] };
      out.set(k, s);
    }
    return s;
  };
  for (const e of inOrder(events)) {
    if (e.contract !== "DisruptionOracle") continue;
    switch (e.eventName) {
      case "DisruptionReported":
        get(e.args.supplier).reports.push(e);
        break;
      case "DisruptionConfirmed":
      case "RecoveryConfirmed": {
        const s = get(e.args.supplier);
        s.disrupted = e.eventName === "DisruptionConfirmed";
        s.since = e.timestamp;
        s.confirmationId = e.args.confirmationId;
        s.evidenceHash = e.args.evidenceHash;
        break;
      }
    }
  }
  return out;
}
