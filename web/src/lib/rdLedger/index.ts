/** The R&D super-deduction ledger and the green-finance report (docs/RD-LEDGER.md). Pure: web and CLI. */
export * from "./rules.ts";
export * from "./types.ts";
export * from "./money.ts";
export * from "./attribution.ts";
export * from "./builder.ts";
export * from "./columns.ts";
export * from "./decode.ts";
export * from "./period.ts";
