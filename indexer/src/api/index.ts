/**
 * The indexer's HTTP API (Hono, served by `ponder start` on 127.0.0.1:42069):
 *   /sql/*     Ponder's SQL over HTTP (@ponder/client: typed Drizzle queries from the dashboard, read-only)
 *   /graphql   Ponder's GraphQL API (pages with filters and totalCount)
 * Ponder itself serves /health, /ready (backfill done), /status (indexed block per chain) and /metrics.
 */
import { Hono } from "hono";
import { client, graphql } from "ponder";
import { db } from "ponder:api";
import schema from "ponder:schema";

const app = new Hono();

app.use("/sql/*", client({ db, schema }));
app.use("/graphql", graphql({ db, schema }));

export default app;
