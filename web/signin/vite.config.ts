import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

// The sign-in page (/login): its own small entry, no React, no Mantine, nothing of the staff app, so that a slow
// line gives a usable form first (issue 10, item 11). Built after the staff app into web/dist/signin
// (server/http/web-app.ts serves it); gzip and brotli copies are written beside each file as the staff build does.
// The manifest lets the budget test (server/http/web-bundle.test.ts) weigh what the page loads.

const root = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const outDir = fileURLToPath(new URL("../dist/signin", import.meta.url));

function precompress(): Plugin {
  return {
    name: "tansiq:signin-precompress",
    apply: "build",
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
        );
      for (const file of walk(outDir).filter((f) => /\.(js|css|html)$/.test(f))) {
        const content = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(content));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

type ManifestChunk = { file: string; css?: string[]; imports?: string[] };

/**
 * While the visitor types, the browser fetches the app they are about to open: the sign-in page's HTML names, as
 * low-priority prefetches, the staff app's entry with what it imports, its style sheet, the signed-in layout and the
 * Arabic catalogue, read from the staff build's manifest (built first). On a slow line the app is then mostly
 * there when "sign in" is pressed (e2e/slow-link.test.ts).
 */
function prefetchApp(): Plugin {
  const manifestFile = fileURLToPath(new URL("../dist/.vite/manifest.json", import.meta.url));
  return {
    name: "tansiq:signin-prefetch-app",
    apply: "build",
    transformIndexHtml() {
      if (!existsSync(manifestFile))
        throw new Error(
          "build the staff app (web/vite.config.ts) before the sign-in page: its manifest is missing",
        );
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, ManifestChunk>;
      const files = new Set<string>();
      const visit = (key: string) => {
        const chunk = manifest[key];
        if (!chunk || files.has(chunk.file)) return;
        files.add(chunk.file);
        for (const css of chunk.css ?? []) files.add(css);
        for (const imported of chunk.imports ?? []) visit(imported);
      };
      for (const key of ["index.html", "src/app/app-layout.tsx", "../common/i18n/ar.json"]) {
        if (!manifest[key]) throw new Error(`the staff app's manifest has no ${key}`);
        visit(key);
      }
      return [...files].map((file) => ({
        tag: "link",
        attrs: {
          rel: "prefetch",
          href: `/${file}`,
          // the app loads its scripts and style sheet in CORS mode (crossorigin): fetched the same way, they are
          // taken from the cache
          ...(/\.(js|css)$/.test(file) ? { crossorigin: "" } : {}),
        },
        injectTo: "head" as const,
      }));
    },
  };
}

export default defineConfig({
  root,
  base: "/signin/",
  plugins: [prefetchApp(), precompress()],
  // The fonts are the app's own files (same content, same hashed name in web/dist/assets): one download serves the
  // sign-in page and then the app.
  experimental: {
    renderBuiltUrl: (filename) =>
      /\.woff2?$/.test(filename) ? `/assets/${path.basename(filename)}` : undefined,
  },
  build: { outDir, emptyOutDir: true, assetsInlineLimit: 0, target: "es2020", manifest: true },
  server: { fs: { allow: [repoRoot] } },
});
