import { readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const WEB_DIST = path.join(ROOT, "web", "dist");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when web/dist is missing or older than the web or common sources or the locked dependencies. */
export function isWebBuildStale(): boolean {
  const index = path.join(WEB_DIST, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const lock = path.join(ROOT, "package-lock.json"); // an upgraded dependency changes the bundle too
  return (
    newestMtime(path.join(ROOT, "web")) > built ||
    newestMtime(path.join(ROOT, "common")) > built ||
    (existsSync(lock) && statSync(lock).mtimeMs > built)
  );
}

/** Builds the web app with Vite (a development dependency: `npm install` brings it). */
export async function buildWeb(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: path.join(ROOT, "web", "vite.config.ts"), logLevel: "warn" });
  // The sign-in page (/login) and the public report page (/report, /track) after it: the staff build empties
  // web/dist first.
  await build({ configFile: path.join(ROOT, "web", "signin", "vite.config.ts"), logLevel: "warn" });
  await build({ configFile: path.join(ROOT, "web", "report", "vite.config.ts"), logLevel: "warn" });
}
