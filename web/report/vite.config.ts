import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

// The public report page (/report, /track): its own small entry, no React, no Mantine, nothing of the staff app.
// Built after the staff app into web/dist/report (server/http/web-app.ts serves it); gzip and brotli copies are
// written beside each file as the staff build does, so the server sends them as they are.

const root = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const outDir = fileURLToPath(new URL("../dist/report", import.meta.url));

function precompress(): Plugin {
  return {
    name: "tansiq:report-precompress",
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

export default defineConfig({
  root,
  base: "/report/",
  plugins: [precompress()],
  build: { outDir, emptyOutDir: true, assetsInlineLimit: 0, target: "es2020" },
  server: { fs: { allow: [repoRoot] } },
});
