/** The words the tables use for kinds and states (kept out of ponder.schema.ts, which holds only tables). */

/** The seven movement kinds of docs/EVENTS.md. */
export const FLOW_KINDS = ["funded", "disbursed", "refunded", "committed", "financed", "repaid", "withdrawn"] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

export const PROJECT_STATUSES = ["active", "completed", "failed", "cancelled"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const MILESTONE_STATUSES = ["pending", "submitted", "approved", "rejected"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Where a supplier stands in one listing of a component (the registry's ListingStatus, without None). */
export const LISTING_STATUSES = ["pending", "accepted", "closed"] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const SKIP_REASONS = [
  "NoHealthySubstitute",
  "InsufficientLiquidity",
  "ExposureCapReached",
  "DisruptionCapReached",
  "TransferFailed",
] as const;
