/** Supplier states rebuilt from the disruption oracle's events (confirmations flip; reports are votes). */
import { arg, inOrder, type ChainEvent, type Hex } from "./events";

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
    const supplier = arg<Hex>(e, ["supplier"], 0);
    if (!supplier) continue;
    switch (e.eventName) {
      case "DisruptionReported":
        get(supplier).reports.push(e);
        break;
      case "DisruptionConfirmed":
      case "RecoveryConfirmed": {
        const s = get(supplier);
        s.disrupted = e.eventName === "DisruptionConfirmed";
        s.since = e.timestamp;
        s.confirmationId = arg<bigint>(e, ["confirmationId"], 1);
        s.evidenceHash = arg<Hex>(e, ["evidenceHash"], 2);
        break;
      }
    }
  }
  return out;
}
