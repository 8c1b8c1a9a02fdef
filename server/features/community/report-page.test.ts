import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/app";
import { WEB_DIST } from "../../web-build";

// The public report page is its own small entry (web/report), built into web/dist/report by the global setup and
// served at /report and /track: not the staff app, and light enough for a slow phone connection.

describe("the public report page (/report, /track)", () => {
  let t: TestApp;
  const dist = path.join(WEB_DIST, "report");
  beforeAll(async () => {
    t = await createTestApp({ config: { webDist: WEB_DIST } });
  });
  afterAll(() => t.close());

  it("is served at /report and /track, signed out, without a cookie, and is not the staff app", async () => {
    const staff = readFileSync(path.join(WEB_DIST, "index.html"), "utf8");
    for (const url of ["/report", "/track", "/track?lang=en"]) {
      const r = await t.app.inject({ url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers["content-type"]).toMatch(/^text\/html/);
      expect(r.headers["set-cookie"]).toBeUndefined();
      expect(r.body).toContain('<html lang="ar" dir="rtl">');
      expect(r.body).toContain("/report/assets/");
      expect(r.body).not.toBe(staff);
    }
    const script = /src="(\/report\/assets\/[^"]+\.js)"/.exec(
      readFileSync(path.join(dist, "index.html"), "utf8"),
    )![1]!;
    const asset = await t.app.inject({ url: script, headers: { "accept-encoding": "gzip" } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-encoding"]).toBe("gzip");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("weighs at most 60 kB of gzipped JavaScript, with no React or Mantine in it", () => {
    const scripts = readdirSync(path.join(dist, "assets")).filter((f) => f.endsWith(".js"));
    const sources = scripts.map((f) => readFileSync(path.join(dist, "assets", f)));
    const gzipped = sources.reduce((sum, s) => sum + gzipSync(s, { level: 9 }).length, 0);
    console.log(`public report page: ${scripts.length} script(s), ${(gzipped / 1024).toFixed(1)} kB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
    const all = Buffer.concat(sources).toString("utf8");
    expect(all).not.toContain("react.element");
    expect(all).not.toContain("mantine");
    expect(all).not.toMatch(/innerHTML/);
  });
});
