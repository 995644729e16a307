/** The indexer client (client.ts), its row types (rows.ts) and the typed events (events.ts). */
export * from "./client";
export * from "./events";
export * from "./rows";
