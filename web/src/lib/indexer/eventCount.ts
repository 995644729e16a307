/**
 * The scopes of the `event_count` table: the audit-trail filters whose number of matching events is kept as the
 * events are indexed, so that a page asks for one counter row instead of counting the history. The indexer writes
 * them (indexer/src/audit.ts, through apply.ts) and the dashboard reads them (hooks/useIndexedEvents.ts): both name a
 * scope through these functions only. Pure, no imports: the indexer imports it from here.
 */

/** Every indexed event. */
export const ALL_EVENTS_SCOPE = "all";

/** The events of one project (the `projectId` column). */
export const projectScope = (projectId: bigint | string): string => `project:${projectId.toString()}`;

/** The events of one name (the `name` column: the audit trail's "type" filter). */
export const nameScope = (name: string): string => `name:${name}`;

/** The scopes one event counts in. */
export function scopesOf(name: string, projectId: bigint | null): string[] {
  return [ALL_EVENTS_SCOPE, nameScope(name), ...(projectId === null ? [] : [projectScope(projectId)])];
}

/**
 * The scope that holds exactly the events matching `where`, or undefined when no counter matches it (a combined
 * or ranged filter: its total is counted by the query). `where` is the event table's GraphQL filter.
 */
export function scopeOfFilter(where: Readonly<Record<string, unknown>>): string | undefined {
  const keys = Object.keys(where).filter((k) => where[k] !== undefined);
  if (keys.length === 0) return ALL_EVENTS_SCOPE;
  if (keys.length !== 1) return undefined;
  const value = where[keys[0]];
  if (keys[0] === "projectId" && (typeof value === "string" || typeof value === "bigint")) return projectScope(value);
  if (keys[0] === "name" && typeof value === "string") return nameScope(value);
  return undefined;
}
