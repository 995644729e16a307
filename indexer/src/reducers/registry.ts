/** SupplyChainRegistry: suppliers, project payees, critical components and their switches. */
import { insert, update, upsert } from "../changes";
import { lc } from "./common";
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
  ],

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
