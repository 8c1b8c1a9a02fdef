import { fileURLToPath } from "node:url";
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

export default defineConfig(({ command }) => ({
  root: webRoot,
  base: "/",
  plugins: [react(), ...(command === "build" ? [productionBuild()] : [])],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    // Offline-first: every asset (fonts included) is served from our own origin.
    assetsInlineLimit: 0,
    // react-dom alone is ~200 kB minified; feature pages are split off (see src/app/router.tsx).
    chunkSizeWarningLimit: 600,
  },
  server: {
    // The web imports ../common (schemas, enums, i18n catalogues).
    fs: { allow: [repoRoot] },
    proxy,
  },
  preview: { proxy },
}));
