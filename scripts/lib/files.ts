/** Lists the files under `dir` (recursively) that `accept` keeps, in sorted order. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function walkFiles(dir: string, accept: (path: string) => boolean): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walkFiles(path, accept) : accept(path) ? [path] : [];
    })
    .sort();
}
