import { defineConfig } from "vitest/config";

// One run covers the server (HTTP-level tests on a fresh database), common and web unit tests, and the
// browser flows. DATABASE_URL set → the server tests run on PostgreSQL; unset → on PGlite.
export default defineConfig({
  test: {
    environment: "node",
    include: ["server/**/*.test.ts", "common/**/*.test.ts", "web/**/*.test.ts", "e2e/**/*.test.ts"],
    globalSetup: ["server/test/global-setup.ts"],
    setupFiles: ["server/test/fast-check-seed.ts", "server/test/audit-key.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
