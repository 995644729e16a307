export type Params = Record<string, string | number | bigint>;

/** Replaces `{name}` placeholders; unknown ones stay as they are. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
