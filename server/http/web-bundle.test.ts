import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, WEB_DIST, buildWeb, isWebBuildStale } from "../web-build";

// The web app on a slow link (issue 10, item 11): what the sign-in page loads and what any one chunk weighs,
// gzipped, read from the build's manifest. The build is redone first when web/dist is older than the sources
// (as the test run's global setup does), so a stale build is never what is measured.

/** Any one JavaScript chunk, gzipped. */
export const CHUNK_BUDGET_KB = 150;
/**
 * Everything the sign-in page loads, gzipped: its entry and what that imports. The sign-in page is its own small entry
 * (web/signin, plain DOM, built into web/dist/signin with a manifest of its own), so the staff app (React, Mantine,
 * i18next, TanStack Query: 145 kB gzipped when the form was a page of the app) is not on its path. Issue 10, item 11.
 */
export const LOGIN_BUDGET_KB = 120;
/**
 * MapLibre GL, the one library over the chunk budget: it ships prebuilt as one minified file that cannot be split
 * (docs/decisions/0012-map-library-chunk.md). It is a chunk of its own, loaded only when a map is drawn, and no
 * page's static imports may pull it in.
 */
export const MAP_LIBRARY_BUDGET_KB = 260;
const MAP_LIBRARY = /(^|\/)maplibre-[\w-]+\.js$/;

type ManifestChunk = {
  isDynamicEntry?: boolean;
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
};
type Manifest = Record<string, ManifestChunk>;

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** The files a chunk loads before it runs: itself and its static imports, transitively. */
export function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

/** What is over budget: the sign-in page's total and each chunk, by gzipped size. */
export function overBudget(
  manifest: Manifest,
  gzipped: (file: string) => number,
  budgets = { loginKb: LOGIN_BUDGET_KB, chunkKb: CHUNK_BUDGET_KB, mapKb: MAP_LIBRARY_BUDGET_KB },
  signIn: { manifest: Manifest; gzipped: (file: string) => number } = { manifest, gzipped },
): { login: { kb: number; files: string[] }; failures: string[] } {
  const entry = Object.keys(signIn.manifest).find((key) => signIn.manifest[key]!.isEntry);
  if (!entry) throw new Error("the sign-in manifest has no entry");
  const files = [...staticClosure(signIn.manifest, entry)]
    .map((key) => signIn.manifest[key]!.file)
    .filter((f) => f.endsWith(".js"));
  const login = { kb: kb(files.reduce((sum, file) => sum + signIn.gzipped(file), 0)), files };
  const failures: string[] = [];
  if (login.kb > budgets.loginKb)
    failures.push(`sign-in page: ${login.kb} kB gzipped > ${budgets.loginKb} kB (${files.join(", ")})`);
  const chunks = new Set(
    Object.values(manifest)
      .map((c) => c.file)
      .filter((f) => f.endsWith(".js")),
  );
  for (const file of chunks) {
    const size = kb(gzipped(file));
    const budget = MAP_LIBRARY.test(file) ? budgets.mapKb : budgets.chunkKb;
    if (size > budget) failures.push(`${file}: ${size} kB gzipped > ${budget} kB`);
  }
  return { login, failures };
}

const SIGN_IN_DIST = path.join(WEB_DIST, "signin");
const gzippedIn = (dir: string) => (file: string) =>
  gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
const gzippedInDist = gzippedIn(WEB_DIST);
const readManifest = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, ".vite", "manifest.json"), "utf8")) as Manifest;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe("web bundle budget", () => {
  let manifest: Manifest;
  let signIn: { manifest: Manifest; gzipped: (file: string) => number };
  beforeAll(async () => {
    if (isWebBuildStale()) await buildWeb();
    manifest = readManifest(WEB_DIST);
    signIn = { manifest: readManifest(SIGN_IN_DIST), gzipped: gzippedIn(SIGN_IN_DIST) };
  }, 180_000);

  it(`the sign-in page loads ≤ ${LOGIN_BUDGET_KB} kB of JavaScript gzipped, and no chunk is over ${CHUNK_BUDGET_KB} kB`, () => {
    const budgets = { loginKb: LOGIN_BUDGET_KB, chunkKb: CHUNK_BUDGET_KB, mapKb: MAP_LIBRARY_BUDGET_KB };
    const { login, failures } = overBudget(manifest, gzippedInDist, budgets, signIn);
    console.info(`sign-in page: ${login.kb} kB gzipped in ${login.files.length} file(s)`);
    expect(failures).toEqual([]);
    expect(login.files.length).toBeGreaterThan(0);
    // nothing of the staff app is on the sign-in page's path: no React, no Mantine, no app source
    const sources = Object.keys(signIn.manifest);
    expect(
      sources.filter((key) => /node_modules[\\/](react|react-dom|@mantine)[\\/]|src[\\/]app[\\/]/.test(key)),
    ).toEqual([]);
    // the page the server sends at /login is the one measured
    const html = readFileSync(path.join(SIGN_IN_DIST, "index.html"), "utf8");
    for (const file of login.files) expect(html).toContain(file);
    // its fonts are the app's own files (downloaded once for both), and what it prefetches exists
    const css = readdirSync(path.join(SIGN_IN_DIST, "assets")).filter((f) => f.endsWith(".css"));
    const fonts = css.flatMap((f) =>
      [...readFileSync(path.join(SIGN_IN_DIST, "assets", f), "utf8").matchAll(/url\(([^)]+)\)/g)].map(
        (m) => m[1]!,
      ),
    );
    expect(fonts.length).toBeGreaterThan(0);
    const prefetched = [...html.matchAll(/rel="prefetch" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(prefetched).toContain(`/${manifest["index.html"]!.file}`);
    for (const url of [...fonts, ...prefetched]) {
      expect(url).toMatch(/^\/assets\//);
      expect(statSync(path.join(WEB_DIST, url)).isFile()).toBe(true);
    }
  });

  it("fails a build over budget", () => {
    const { failures } = overBudget(manifest, gzippedInDist, { loginKb: 1, chunkKb: 10, mapKb: 10 }, signIn);
    expect(failures[0]).toMatch(/^sign-in page: [\d.]+ kB gzipped > 1 kB/);
    expect(failures.length).toBeGreaterThan(2);
  });

  it("loads the map library only when a map is drawn: not with the incidents list, nor any page's static imports", () => {
    const map = manifest["src/features/incidents/map/incident-map.tsx"];
    expect(map?.isDynamicEntry).toBe(true);
    const library = [...staticClosure(manifest, "src/features/incidents/map/incident-map.tsx")]
      .map((key) => manifest[key]!.file)
      .filter((file) => MAP_LIBRARY.test(file));
    expect(library).toHaveLength(1);
    for (const [key, chunk] of Object.entries(manifest)) {
      if (key === "src/features/incidents/map/incident-map.tsx" || !(chunk.isEntry || chunk.isDynamicEntry))
        continue;
      const files = [...staticClosure(manifest, key)].map((k) => manifest[k]!.file);
      expect(
        files.filter((file) => MAP_LIBRARY.test(file)),
        key,
      ).toEqual([]);
    }
  });

  it("draws charts one way: only the chart wrapper imports ECharts, and only echarts/core and its parts", () => {
    const importers = sourceFiles(path.join(ROOT, "web", "src"))
      .filter((file) => /from "echarts(\/[^"]*)?"|import\("echarts/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(ROOT, file));
    expect(importers).toEqual([path.join("web", "src", "app", "echart-view.tsx")]);
    const wrapper = readFileSync(path.join(ROOT, "web", "src", "app", "echart-view.tsx"), "utf8");
    expect(wrapper).not.toMatch(/from "echarts"/);
    expect(wrapper).toMatch(/from "echarts\/core"/);
    // ECharts in one chunk (the chart view) with its renderer library beside it, loaded when a chart is drawn
    const view = manifest["src/app/echart-view.tsx"];
    expect(view?.isDynamicEntry).toBe(true);
    const chartFiles = [...staticClosure(manifest, "src/app/echart-view.tsx")]
      .map((key) => manifest[key]!.file)
      .filter((file) => /(echart-view|zrender)-/.test(file));
    expect(chartFiles.map((f) => f.replace(/-[\w-]{8}\.js$/, "")).sort()).toEqual([
      "assets/echart-view",
      "assets/zrender",
    ]);
    // the task board (whose feature can show a plan's chart) loads no chart code until one is drawn
    const board = [...staticClosure(manifest, "src/features/tasks/index.ts")].map(
      (key) => manifest[key]!.file,
    );
    expect(board.length).toBeGreaterThan(1);
    expect(board.filter((file) => chartFiles.includes(file))).toEqual([]);
  });
});
