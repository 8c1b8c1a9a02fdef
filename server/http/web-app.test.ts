import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/app";
import { WEB_DIST } from "../web-build";

// The web app on a slow link: its text assets are compressed once at build time (brotli and gzip) and sent as
// such; hashed assets are cached for good, index.html is revalidated. web/dist is built by the global setup.

describe("serving the built web app", () => {
  let t: TestApp;
  const assets = readdirSync(path.join(WEB_DIST, "assets"));
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(
    readFileSync(path.join(WEB_DIST, "index.html"), "utf8"),
  )![1]!;
  beforeAll(async () => {
    t = await createTestApp({ config: { webDist: WEB_DIST } });
  });
  afterAll(() => t.close());

  it("the build writes a brotli and a gzip copy of every script and style sheet", () => {
    // a file of a few bytes (a tiny shared chunk) compresses to no less: the build writes no copy of it
    const text = assets.filter(
      (f) => /\.(js|css)$/.test(f) && statSync(path.join(WEB_DIST, "assets", f)).size >= 1024,
    );
    expect(text.length).toBeGreaterThan(5);
    expect(text.filter((f) => !assets.includes(`${f}.br`) || !assets.includes(`${f}.gz`))).toEqual([]);
  });

  it("sends the brotli copy to a browser that accepts it, gzip to one that accepts only gzip, cached for good", async () => {
    const original = readFileSync(path.join(WEB_DIST, "assets", entry));
    const br = await t.app.inject({
      url: `/assets/${entry}`,
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(original.length / 3);

    const gz = await t.app.inject({ url: `/assets/${entry}`, headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);

    const plain = await t.app.inject({ url: `/assets/${entry}`, headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it("index.html (any client-side route) and unhashed files are revalidated, never cached blindly", async () => {
    const cookies = { tansiq_session: "a-session" }; // the app is sent to a browser that has a session
    for (const url of ["/", "/tasks"]) {
      const page = await t.app.inject({ url, cookies });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(entry);
      expect(page.headers["cache-control"]).toBe("no-cache");
    }
    const signIn = await t.app.inject({ url: "/login" });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.headers["cache-control"]).toBe("no-cache");
    const icon = await t.app.inject({ url: "/favicon.svg" });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers["cache-control"]).toBe("no-cache");
  });

  it("the sign-in page is its own small page; a visitor with no session is sent there before the app downloads", async () => {
    const signInHtml = readFileSync(path.join(WEB_DIST, "signin", "index.html"), "utf8");
    const signInEntry = /src="(\/signin\/assets\/[^"]+\.js)"/.exec(signInHtml)![1]!;
    const page = await t.app.inject({ url: "/login?from=%2Ftasks" });
    expect(page.body).toContain(signInEntry);
    // it runs none of the app (it only prefetches it for later)
    expect(page.body).not.toContain(`src="/assets/${entry}"`);
    expect(page.body).toContain(`rel="prefetch" href="/assets/${entry}"`);
    const script = await t.app.inject({ url: signInEntry, headers: { "accept-encoding": "br" } });
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-encoding"]).toBe("br");
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");

    // signed out: straight to the sign-in page, which sends the visitor back where they were going
    const board = await t.app.inject({ url: "/tasks?status=open" });
    expect(board.statusCode).toBe(302);
    expect(board.headers.location).toBe("/login?from=%2Ftasks%3Fstatus%3Dopen");
    expect(board.headers["cache-control"]).toBe("no-store");
    const home = await t.app.inject({ url: "/" });
    expect(home.headers.location).toBe("/login");
    // a certificate's verification is open to anyone (the QR code on a certificate)
    const verify = await t.app.inject({ url: "/verify/ABC-123" });
    expect(verify.statusCode).toBe(200);
    expect(verify.body).toContain(entry);
    // the API still answers in JSON, never with a redirect
    const api = await t.app.inject({ url: "/api/v1/tasks" });
    expect(api.statusCode).toBe(401);
  });
});
