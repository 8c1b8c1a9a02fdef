import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./db/client";
import { DataDirLockedError, acquireDataDirLock } from "./db/lock";

const tempDir = (name: string) => mkdtempSync(path.join(tmpdir(), `tansiq-${name}-`));

describe("the PGlite data folder lock", () => {
  it("refuses a second holder, and is free again once released", () => {
    const dir = tempDir("lock");
    const release = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    release();
    acquireDataDirLock(dir)();
    rmSync(dir, { recursive: true });
  });

  it("takes over a lock left by a process that is gone", () => {
    const dir = tempDir("stale");
    writeFileSync(path.join(dir, "tansiq.lock"), "999999999");
    const release = acquireDataDirLock(dir);
    release();
    rmSync(dir, { recursive: true });
  });

  it(
    "creates missing parent folders, and a second open of the same folder fails with a clear message",
    { timeout: 120_000 },
    async () => {
      const root = tempDir("nested");
      const dir = path.join(root, "a", "b", "data");
      const first = await openDatabase({ engine: "pglite", dataDir: dir });
      await expect(openDatabase({ engine: "pglite", dataDir: dir })).rejects.toThrow(
        /in use by another Tansiq process/,
      );
      await first.db.execute("select 1"); // the first holder is unharmed
      await first.close();
      expect(existsSync(path.join(dir, "tansiq.lock"))).toBe(false);
      rmSync(root, { recursive: true });
    },
  );
});

type Started = { child: ChildProcess; url: string; output: () => string; ms: number };

function startProcess(args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const began = Date.now();
  const child = spawn(process.execPath, ["bin/tansiq.js", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not started in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tansiq is running: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output, ms: Date.now() - began });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

describe("npm start on an empty data folder", () => {
  const dir = path.join(tempDir("start"), "data");
  const { DATABASE_URL: _ignored, ...baseEnv } = process.env;
  const env = { ...baseEnv, TANSIQ_DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn" };
  let started: Started | undefined;
  afterAll(() => {
    started?.child.kill("SIGKILL");
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it(
    "serves the Arabic login page and /api/health within 60 s, prints the demo logins, stops cleanly on SIGTERM",
    { timeout: 120_000 },
    async () => {
      started = await startProcess(["start"], env);
      expect(started.ms).toBeLessThan(60_000);
      const out = started.output();
      for (const login of [
        "admin",
        "minister",
        "director.tobruk",
        "officer.emsaed",
        "liaison.isa",
        "observer.mp",
        "trainer",
      ]) {
        expect(out).toContain(login);
      }
      expect(out).toContain("Tobruk-Demo-2026");
      const health = await fetch(`${started.url}/api/health`);
      expect(await health.json()).toMatchObject({ status: "ok", engine: "pglite" });
      const page = await (await fetch(`${started.url}/login`)).text();
      expect(page).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
      // A missing asset is a 404, not the app's page (a browser would refuse HTML as a script).
      expect((await fetch(`${started.url}/assets/gone-1234.js`)).status).toBe(404);

      // A second process on the same folder refuses to start, with a clear message.
      const second = spawn(process.execPath, ["bin/tansiq.js", "serve"], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let secondOutput = "";
      second.stderr?.on("data", (c: Buffer) => (secondOutput += c.toString()));
      expect(await exitOf(second)).toBe(1);
      expect(secondOutput).toContain("in use by another Tansiq process");

      // Graceful stop: the process exits 0 and releases the folder.
      const exited = exitOf(started.child);
      started.child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(existsSync(path.join(dir, "tansiq.lock"))).toBe(false);
    },
  );
});
