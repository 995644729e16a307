/** The R&D super-deduction ledger and the green-finance report (docs/RD-LEDGER.md). Pure: web and CLI. */
export * from "./rules";
export * from "./types";
export * from "./money";
export * from "./attribution";
export * from "./builder";
export * from "./columns";
