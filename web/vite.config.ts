import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
// Where `vite` (dev) and `vite preview` send /api; the API listens on 8080 unless told otherwise.
const apiTarget = process.env.TANSIQ_API_URL ?? "http://127.0.0.1:8080";
const proxy = { "/api": { target: apiTarget, changeOrigin: false } };

/**
 * A build is always for serving. Vite bundles React's development code when NODE_ENV is already something
 * else (vitest sets "test" before its global setup builds web/dist), so the build runs as production — Vite
 * reads NODE_ENV after loading this file — and the caller's value comes back when the build ends.
 */
function productionBuild(): Plugin {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  const restore = () => {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  };
  return {
    name: "tansiq:production-build",
    apply: "build",
    buildEnd: (error) => {
      if (error) restore();
    },
    closeBundle: restore,
  };
}

/** Text files worth compressing (fonts and images are compressed already). */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

/**
 * Brotli (quality 11) and gzip (level 9) copies of every text file, written once at build time beside the file
 * (`x.js.br`, `x.js.gz`): the server sends them as they are (server/http/web-app.ts), spending no CPU per request
 * on a compression it could not afford at this level. A copy not smaller than the file is not written.
 */
function precompress(outDir: string): Plugin {
  return {
    name: "tansiq:precompress",
    apply: "build",
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
          entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
        );
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const content = readFileSync(file);
        const brotli = brotliCompressSync(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        });
        const gzip = gzipSync(content, { level: 9 });
        if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
        if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
      }
    },
  };
}

const outDir = fileURLToPath(new URL("./dist", import.meta.url));

/**
 * The sign-in page is its own entry (web/signin), served at /login by the server. Under the dev server the same
 * address opens it from its source, as the server does from web/dist/signin.
 */
function signInPageInDev(): Plugin {
  return {
    name: "tansiq:signin-dev",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const [pathname, query] = (request.url ?? "").split("?");
        if (pathname === "/login" || pathname === "/login/")
          request.url = `/signin/index.html${query ? `?${query}` : ""}`;
        next();
      });
    },
  };
}

export default defineConfig(({ command }) => ({
  root: webRoot,
  base: "/",
  plugins: [
    react(),
    ...(command === "build" ? [productionBuild(), precompress(outDir)] : [signInPageInDev()]),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    // Offline-first: every asset (fonts included) is served from our own origin.
    assetsInlineLimit: 0,
    // react-dom alone is ~200 kB minified; feature pages are split off (see src/app/router.tsx).
    chunkSizeWarningLimit: 600,
    // which file each source became, and what it imports: read by server/http/web-bundle.test.ts
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Each chunk stays under the 150 kB gzipped it may weigh (server/http/web-bundle.test.ts). React and its
          // router, which every page needs and which change only with an upgrade, are one file a browser keeps
          // across releases; ECharts' renderer library is a chunk of its own beside ECharts (both load only
          // with a chart). Mantine's components stay with the pages that use them.
          groups: [
            {
              name: "react",
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|use-sync-external-store)[\\/]/,
            },
            { name: "zrender", test: /[\\/]node_modules[\\/]zrender[\\/]/ },
            // MapLibre GL comes prebuilt as one file (≈250 kB gzipped, over the chunk budget: docs/decisions/0012):
            // a chunk of its own, loaded only when a map is drawn.
            { name: "maplibre", test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // The web imports ../common (schemas, enums, i18n catalogues).
    fs: { allow: [repoRoot] },
    proxy,
  },
  preview: { proxy },
}));
