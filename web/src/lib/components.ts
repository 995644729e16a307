/** Critical components per project, rebuilt from SupplyChainRegistry events: primary, ordered substitutes
 * with their agreed advances, each listing's consent (pending until its supplier accepts, then accepted, or
 * closed once declined or left), the current supplier and every switch. Plus registered suppliers, each with the
 * projects that may pay it (added, and not removed since). */
import { sameAddress } from "./address";
import { inOrder, type ChainEvent, type Hex } from "./events";

/** Where a listing stands (the registry's ListingStatus, from its events). */
export type ListingStatus = "pending" | "accepted" | "closed";

export interface Listing {
  status: ListingStatus;
  /** Unix seconds from which an accepted listing counts for pool financing. */
  eligibleFrom?: bigint;
}

export interface ComponentState {
  projectId: bigint;
  componentId: bigint;
  primary: Hex;
  substitutes: { supplier: Hex; advance: bigint }[];
  current: Hex;
  metadataHash?: Hex;
  switches: ChainEvent[];
  /** Per position (0 = the primary, i = the i-th substitute). */
  listings: Listing[];
}

export interface SupplierInfo {
  supplier: Hex;
  region?: string;
  metadataHash?: Hex;
  registeredBy?: Hex;
  projects: Set<string>;
}

/** "0x434e" → "CN" (ISO 3166 alpha-2 packed in bytes2). */
export function regionCode(hex: string | undefined): string | undefined {
  if (!hex || !/^0x[0-9a-fA-F]{4}$/.test(hex)) return undefined;
  const s = String.fromCharCode(parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16));
  return /^[A-Z]{2}$/.test(s) ? s : hex;
}

export function buildComponents(events: readonly ChainEvent[]): {
  components: ComponentState[];
  suppliers: Map<string, SupplierInfo>;
} {
  const components = new Map<string, ComponentState>();
  const suppliers = new Map<string, SupplierInfo>();
  const supplier = (a: Hex) => {
    const k = a.toLowerCase();
    let s = suppliers.get(k);
    if (!s) {
      s = { supplier: a, projects: new Set() };
      suppliers.set(k, s);
    }
    return s;
  };
  for (const e of inOrder(events)) {
    if (e.contract !== "SupplyChainRegistry") continue;
    switch (e.eventName) {
      case "SupplierRegistered": {
        const s = supplier(e.args.supplier);
        s.registeredBy = e.args.registeredBy;
        s.metadataHash = e.args.metadataHash;
        s.region = regionCode(e.args.region);
        break;
      }
      case "ProjectSupplierAdded":
        supplier(e.args.supplier).projects.add(String(e.args.projectId));
        break;
      case "ProjectSupplierRemoved":
        supplier(e.args.supplier).projects.delete(String(e.args.projectId));
        break;
      case "ComponentDefined": {
        const { projectId, componentId, primary, substitutes: subs, advances } = e.args;
        components.set(`${projectId}:${componentId}`, {
          projectId,
          componentId,
          primary,
          substitutes: subs.map((s, i) => ({ supplier: s, advance: advances[i] ?? 0n })),
          current: primary,
          metadataHash: e.args.metadataHash,
          switches: [],
          listings: [primary, ...subs].map(() => ({ status: "pending" as const })),
        });
        break;
      }
      case "ListingAccepted":
      case "ListingLeft": {
        const c = components.get(`${e.args.projectId}:${e.args.componentId}`);
        const position = Number(e.args.position);
        if (c && c.listings[position]) {
          c.listings[position] =
            e.eventName === "ListingAccepted"
              ? { status: "accepted", eligibleFrom: e.args.eligibleFrom }
              : { status: "closed" };
        }
        break;
      }
      case "ComponentSwitched": {
        const c = components.get(`${e.args.projectId}:${e.args.componentId}`);
        if (c) {
          c.current = e.args.to;
          c.switches.push(e);
        }
        break;
      }
    }
  }
  return { components: [...components.values()], suppliers };
}

/** The listings that name `account` (as primary or substitute), with their component and position. */
export function listingsOf(
  components: readonly ComponentState[],
  account: string,
): { component: ComponentState; position: number; listing: Listing; advance: bigint }[] {
  const out: { component: ComponentState; position: number; listing: Listing; advance: bigint }[] = [];
  for (const c of components) {
    const position = [c.primary, ...c.substitutes.map((s) => s.supplier)].findIndex((a) => sameAddress(a, account));
    if (position >= 0) {
      out.push({
        component: c,
        position,
        listing: c.listings[position],
        advance: position === 0 ? 0n : c.substitutes[position - 1].advance,
      });
    }
  }
  return out;
}

/**
 * The suppliers a firm may switch a component to: every listed one that accepted its listing, but the current,
 * primary first, each marked disrupted when `isDisrupted` says so (the registry refuses those: a component never
 * goes back to a disrupted supplier).
 */
export function switchTargets(
  c: ComponentState,
  isDisrupted: (supplier: Hex) => boolean,
): { supplier: Hex; primary: boolean; disrupted: boolean }[] {
  return [
    { supplier: c.primary, primary: true },
    ...c.substitutes.map((s) => ({ supplier: s.supplier, primary: false })),
  ]
    .filter((s, position) => c.listings[position]?.status === "accepted" && !sameAddress(s.supplier, c.current))
    .map((s) => ({ ...s, disrupted: isDisrupted(s.supplier) }));
}
