"use client";
/**
 * The supply chain's reads from the indexer's registry and oracle tables (component, listing, project_supplier,
 * supplier, disruption, financing_skip), each scoped to what a view shows — some projects' components and payees,
 * one page of suppliers or components, one supplier's inbox — never the whole history. Rows become view models in
 * lib/components.ts and lib/suppliers.ts.
 */
import type { IndexerClient } from "@/lib/indexer";
import {
  componentsFromRows,
  inboxFromRows,
  payeesFromRows,
  suppliersOf,
  type ComponentState,
  type InboxListing,
  type SupplierInfo,
} from "@/lib/components";
import type { Hex } from "@/lib/events";
import {
  supplierFromRow,
  supplierStatesFromRows,
  undeliveredFromRows,
  type SupplierState,
  type UndeliveredConfirmation,
} from "@/lib/suppliers";
import { newestFirstPage, useIndexed, type IndexedRead } from "./useIndexer";

export interface ProjectSupplyChain {
  /** The projects' components, by project and component. */
  components: ComponentState[];
  /** The projects' payees (suppliers they may pay), with the projects that may pay each. */
  payees: Map<string, SupplierInfo>;
  /** The state of every supplier the components or payees name (lower-case address → state). */
  states: Map<string, SupplierState>;
}

/** The states of `suppliers` (their `supplier` rows; none without a row: they were never reported on). */
async function statesOf(c: IndexerClient, suppliers: readonly string[]): Promise<Map<string, SupplierState>> {
  if (suppliers.length === 0) return new Map();
  return supplierStatesFromRows(await c.all("supplier", { where: { address_in: suppliers } }));
}

/** The components, listings and payees of the projects `projectIds`, and the states of the suppliers they name. */
export function useProjectSupplyChain(
  key: readonly unknown[],
  projectIds: readonly (bigint | string)[],
  enabled = true,
): IndexedRead<ProjectSupplyChain> {
  const ids = projectIds.map(String);
  return useIndexed(
    ["projectSupplyChain", ...key, ids.join(",")],
    async (c) => {
      const where = { projectId_in: ids };
      const [componentRows, listings, payeeRows] = await Promise.all([
        c.all("component", { where, orderBy: "projectId" }),
        c.all("listing", { where }),
        c.all("projectSupplier", { where: { ...where, removedAt: null } }),
      ]);
      const components = componentsFromRows(componentRows, listings);
      const payees = payeesFromRows(payeeRows);
      const states = await statesOf(c, [...new Set([...suppliersOf(components), ...payees.keys()])]);
      return { components, payees, states };
    },
    enabled && ids.length > 0,
  );
}

/** One page of suppliers, disrupted ones first, with the number of all. */
export function useSupplierPage(
  page: number,
  pageSize: number,
): IndexedRead<{ suppliers: SupplierState[]; totalCount: number }> {
  return useIndexed(["supplierPage", page, pageSize], async (c) => {
    const p = await c.page("supplier", {
      orderBy: "disrupted",
      orderDirection: "desc",
      limit: pageSize,
      offset: page * pageSize,
    });
    return { suppliers: p.items.map(supplierFromRow), totalCount: p.totalCount };
  });
}

/** One page of every project's components (by project), their listings and their suppliers' states. */
export function useComponentPage(
  page: number,
  pageSize: number,
): IndexedRead<{ components: ComponentState[]; states: Map<string, SupplierState>; totalCount: number }> {
  return useIndexed(["componentPage", page, pageSize], async (c) => {
    const p = await c.page("component", { orderBy: "projectId", limit: pageSize, offset: page * pageSize });
    const listings =
      p.items.length === 0
        ? []
        : await c.all("listing", {
            where: { OR: p.items.map((x) => ({ projectId: x.projectId, componentId: x.componentId })) },
          });
    const components = componentsFromRows(p.items, listings);
    return { components, states: await statesOf(c, suppliersOf(components)), totalCount: p.totalCount };
  });
}

/** The listings that name `account` with their components, and whether it registered itself as a supplier. */
export function useSupplierInbox(
  account: Hex | undefined,
): IndexedRead<{ listings: InboxListing[]; registered: boolean }> {
  const me = account?.toLowerCase();
  return useIndexed(
    ["supplierInbox", me],
    async (c) => {
      const [listings, mine] = await Promise.all([
        c.all("listing", { where: { supplier: me } }),
        c.all("supplier", { where: { address: me } }),
      ]);
      const components =
        listings.length === 0
          ? []
          : await c.all("component", {
              where: { OR: listings.map((l) => ({ projectId: l.projectId, componentId: l.componentId })) },
            });
      return {
        listings: inboxFromRows(listings, components),
        registered: mine.some((s) => s.metadataHash !== null),
      };
    },
    !!me,
  );
}

/** Confirmations looked at for undelivered notifications: the newest this many with a deferral or a failure. */
const UNDELIVERED_LIMIT = 50;

/** Confirmations whose notifications were deferred or failed (newest first); the chain says which still wait. */
export function useUndeliveredConfirmations(): IndexedRead<UndeliveredConfirmation[]> {
  return useIndexed(["undelivered"], async (c) => {
    const p = await c.page("disruption", {
      where: { OR: [{ deferred: true }, { notificationFailures_gt: 0 }] },
      orderBy: "confirmationId",
      orderDirection: "desc",
      limit: UNDELIVERED_LIMIT,
    });
    return undeliveredFromRows(p.items);
  });
}

/** One page of the affected pairs the pool did not finance (FinancingSkipped), newest first. */
export function useSkipPage(page: number, pageSize: number) {
  return useIndexed(["skipPage", page, pageSize], async (c) => {
    const p = await c.page("financingSkip", newestFirstPage({}, page, pageSize));
    return { skips: p.items, totalCount: p.totalCount };
  });
}
