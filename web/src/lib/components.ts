/**
 * Critical components as the views show them, from the indexer's `component` and `listing` rows (the registry's
 * state, indexer/src/reducers/registry.ts): primary, ordered substitutes with their agreed advances, each listing's
 * consent (pending until its supplier accepts, then accepted, or closed once declined or left) and the current
 * supplier. Plus a project's payees (its `project_supplier` rows not removed) and a supplier's inbox (its
 * `listing` rows with their components). Pure: the reads are in hooks/useSupplyChain.ts.
 */
import { sameAddress } from "./address";
import type { Hex } from "./events";
import type { Row } from "./indexer/rows";

/** Where a listing stands (the registry's ListingStatus). */
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
  /** Per position (0 = the primary, i = the i-th substitute). */
  listings: Listing[];
}

/** A supplier with the projects that may pay it (added as a payee, and not removed since). */
export interface SupplierInfo {
  supplier: Hex;
  projects: Set<string>;
}

/** One listing that names the connected supplier, with its component. */
export interface InboxListing {
  component: ComponentState;
  position: number;
  listing: Listing;
  /** The advance agreed for a substitute (0 for the primary). */
  advance: bigint;
}

/** "0x434e" → "CN" (ISO 3166 alpha-2 packed in bytes2). */
export function regionCode(hex: string | undefined | null): string | undefined {
  if (!hex || !/^0x[0-9a-fA-F]{4}$/.test(hex)) return undefined;
  const s = String.fromCharCode(parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16));
  return /^[A-Z]{2}$/.test(s) ? s : hex;
}

const componentKey = (projectId: bigint, componentId: bigint) => `${projectId}:${componentId}`;

const listingOf = (row: Row<"listing"> | undefined): Listing =>
  row?.status === "accepted"
    ? { status: "accepted", eligibleFrom: row.eligibleFrom ?? undefined }
    : { status: row?.status ?? "pending" };

/**
 * The components of `components` with their listings from `listings` (rows of other components are ignored; a
 * position without a row is pending, as every listing is when its component is defined), in the rows' order.
 */
export function componentsFromRows(
  components: readonly Row<"component">[],
  listings: readonly Row<"listing">[],
): ComponentState[] {
  const byPosition = new Map(listings.map((l) => [`${componentKey(l.projectId, l.componentId)}:${l.position}`, l]));
  return components.map((c) => ({
    projectId: c.projectId,
    componentId: c.componentId,
    primary: c.primary,
    substitutes: c.substitutes.map((supplier, i) => ({ supplier, advance: c.advances[i] ?? 0n })),
    current: c.current,
    metadataHash: c.metadataHash,
    listings: [c.primary, ...c.substitutes].map((_, position) =>
      listingOf(byPosition.get(`${componentKey(c.projectId, c.componentId)}:${position}`)),
    ),
  }));
}

/** Every supplier the components name (primary, substitutes, current), lower-case, once. */
export function suppliersOf(components: readonly ComponentState[]): Hex[] {
  const all = components.flatMap((c) => [c.primary, c.current, ...c.substitutes.map((s) => s.supplier)]);
  return [...new Set(all.map((a) => a.toLowerCase() as Hex))];
}

/** The payees of the projects from their `project_supplier` rows: removed ones are left out. */
export function payeesFromRows(rows: readonly Row<"projectSupplier">[]): Map<string, SupplierInfo> {
  const out = new Map<string, SupplierInfo>();
  for (const row of rows) {
    if (row.removedAt !== null) continue;
    const key = row.supplier.toLowerCase();
    const info = out.get(key) ?? { supplier: row.supplier, projects: new Set<string>() };
    info.projects.add(row.projectId.toString());
    out.set(key, info);
  }
  return out;
}

/** The supplier's listings (its `listing` rows) with their components, by project and component. */
export function inboxFromRows(
  listings: readonly Row<"listing">[],
  components: readonly Row<"component">[],
): InboxListing[] {
  const byKey = new Map(
    componentsFromRows(components, listings).map((c) => [componentKey(c.projectId, c.componentId), c]),
  );
  return [...listings]
    .sort((a, b) =>
      a.projectId !== b.projectId
        ? Number(a.projectId - b.projectId)
        : a.componentId !== b.componentId
          ? Number(a.componentId - b.componentId)
          : a.position - b.position,
    )
    .flatMap((l) => {
      const component = byKey.get(componentKey(l.projectId, l.componentId));
      if (!component) return [];
      const advance = l.position === 0 ? 0n : (component.substitutes[l.position - 1]?.advance ?? 0n);
      return [{ component, position: l.position, listing: listingOf(l), advance }];
    });
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
