/**
 * Install-time guard for Hardhat's native simulator (EDR).
 *
 * EDR ships its native binding as optional, platform-specific packages that
 * require Node >= 22. When `npm ci` itself runs on Node 20 (the default Node
 * of our CI machines; Hardhat then runs on the `node@22` devDependency), npm
 * skips that optional package and Hardhat fails with
 * "Missing platform package: @nomicfoundation/edr-<platform>".
 *
 * This script runs as the root `postinstall`. If the binding for this
 * platform is present it does nothing. Otherwise it fetches exactly the
 * version EDR pins (through `npm pack`, so the npm registry, cache and
 * integrity checks apply) and unpacks it next to EDR. On machines where npm
 * already installed the binding (Node >= 22, any OS) it is a no-op.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = process.cwd();
const edrDir = join(root, "node_modules", "@nomicfoundation", "edr");

function platformPackageName(): string | undefined {
  const { platform, arch } = process;
  if (platform === "linux") {
    const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
    const libc = report?.header?.glibcVersionRuntime ? "gnu" : "musl";
    return `@nomicfoundation/edr-linux-${arch}-${libc}`;
  }
  if (platform === "darwin") return `@nomicfoundation/edr-darwin-${arch}`;
  if (platform === "win32") return `@nomicfoundation/edr-win32-${arch}-msvc`;
  return undefined;
}

function main(): void {
  if (!existsSync(edrDir)) return; // Hardhat not installed (e.g. a web-only install).
  const name = platformPackageName();
  if (name === undefined) return;
  const edrPackage = JSON.parse(readFileSync(join(edrDir, "package.json"), "utf8")) as {
    optionalDependencies?: Record<string, string>;
  };
  const version = edrPackage.optionalDependencies?.[name];
  if (version === undefined) return; // EDR has no prebuilt binding for this platform.
  const target = join(root, "node_modules", ...name.split("/"));
  if (existsSync(join(target, "package.json"))) return;

  const scratch = mkdtempSync(join(tmpdir(), "edr-binding-"));
  try {
    const tarball = execFileSync("npm", ["pack", `${name}@${version}`, "--silent", "--pack-destination", scratch], {
      cwd: scratch,
      encoding: "utf8",
    }).trim();
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", join(scratch, tarball), "-C", target, "--strip-components=1"]);
    console.log(
      `ensure-edr-binding: installed ${name}@${version} (npm had skipped this optional package, as npm on Node < 22 does)`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
