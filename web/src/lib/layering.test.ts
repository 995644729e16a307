import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const VIEW_IMPORT = /from\s+["'](@\/(components|features|app)\/|(\.\.\/)+(components|features|app)\/)/;

test("data code (hooks/, lib/) never imports view code (components/, features/, app/)", () => {
  const offenders = ["hooks", "lib"]
    .flatMap((dir) => sourceFiles(path.join(src, dir)))
    .filter((file) => VIEW_IMPORT.test(readFileSync(file, "utf8")))
    .map((file) => path.relative(src, file));
  assert.deepEqual(offenders, []);
});
