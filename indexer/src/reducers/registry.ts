/** SupplyChainRegistry: suppliers, project payees, critical components, their listings' consent and switches. */
import { insert, update, upsert } from "../changes";
import { documentPublished, lc } from "./common";
import type { Reducers } from "./types";

export const registryReducers: Reducers["SupplyChainRegistry"] = {
  SupplierRegistered: (args, meta) => [
    upsert(
      "supplier",
      { address: lc(args.supplier) },
      {
        set: {
          registeredBy: lc(args.registeredBy),
          metadataHash: args.metadataHash,
          region: args.region,
          updatedAt: meta.timestamp,
        },
      },
    ),
  ],

  ProjectSupplierAdded: (args, meta) => [
    // Adding an existing payee again changes nothing (the first `addedAt` stays).
    upsert(
      "projectSupplier",
      { projectId: args.projectId, supplier: lc(args.supplier), addedAt: meta.timestamp },
      { set: { removedAt: null } },
    ),
  ],

  ProjectSupplierRemoved: (args, meta) => [
    update(
      "projectSupplier",
      { projectId: args.projectId, supplier: lc(args.supplier) },
      { set: { removedAt: meta.timestamp } },
    ),
  ],

  // Every listing of a new component is pending until its supplier accepts it.
  ComponentDefined: (args, meta) => [
    insert("component", {
      projectId: args.projectId,
      componentId: args.componentId,
      primary: lc(args.primary),
      current: lc(args.primary),
      substitutes: args.substitutes.map(lc),
      advances: [...args.advances],
      metadataHash: args.metadataHash,
      updatedAt: meta.timestamp,
    }),
    ...[args.primary, ...args.substitutes].map((supplier, position) =>
      insert("listing", {
        projectId: args.projectId,
        componentId: args.componentId,
        position,
        supplier: lc(supplier),
        status: "pending",
        updatedAt: meta.timestamp,
      }),
    ),
  ],

  ListingAccepted: (args, meta) => [
    update(
      "listing",
      { projectId: args.projectId, componentId: args.componentId, position: Number(args.position) },
      { set: { status: "accepted", eligibleFrom: args.eligibleFrom, updatedAt: meta.timestamp } },
    ),
  ],

  ListingLeft: (args, meta) => [
    update(
      "listing",
      { projectId: args.projectId, componentId: args.componentId, position: Number(args.position) },
      { set: { status: "closed", leftAccepted: args.wasAccepted, updatedAt: meta.timestamp } },
    ),
  ],

  // The registry's EIP-712 domain never changes after deployment (nothing to index).
  EIP712DomainChanged: () => [],

  DocumentPublished: documentPublished,

  ComponentSwitched: (args, meta) => [
    update(
      "component",
      { projectId: args.projectId, componentId: args.componentId },
      {
        add: { switches: 1 },
        set: {
          current: lc(args.to),
          lastConfirmationId: args.confirmationId === 0n ? null : args.confirmationId,
          updatedAt: meta.timestamp,
        },
      },
    ),
    insert("componentSwitch", {
      id: meta.id,
      projectId: args.projectId,
      componentId: args.componentId,
      from: lc(args.from),
      to: lc(args.to),
      confirmationId: args.confirmationId,
      blockNumber: meta.blockNumber,
      timestamp: meta.timestamp,
    }),
  ],
};
