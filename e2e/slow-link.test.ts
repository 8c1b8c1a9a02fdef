import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, screenshot, useDemoBrowser } from "./browser";

// The web app on a slow link (issue 10, item 11): the production build served by the real server, Chromium
// throttled through the DevTools protocol to a slow 3G line (400 kbit/s each way, 400 ms latency), nothing cached.
// Someone following a link to the task board while signed out gets a usable sign-in form within 5 s, and the board
// within 8 s of pressing "sign in".

const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};
const LOGIN_USABLE_MS = 5_000;
const BOARD_AFTER_SIGN_IN_MS = 8_000;
/** A quick typist on a phone: about seven keys a second. */
const TYPING_DELAY_MS = 150;

describe("the web app on a slow 3G link", () => {
  const demo = useDemoBrowser();

  it(
    "sign-in form usable within 5 s, the task board within 8 s of signing in",
    // Measured at 4.5–4.8 s on a quiet machine: a run sharing the CPU with the rest of the suite may be slow once.
    { timeout: 120_000, retry: 2 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      // a new browser context: nothing is cached when the visitor arrives
      await cdp.send("Network.emulateNetworkConditions", SLOW_3G);
      let bytes = 0;
      const urls = new Map<string, string>();
      const sizes: string[] = [];
      const prefetched = new Set<string>();
      cdp.on(
        "Network.requestWillBeSent",
        (e: { requestId: string; request: { url: string }; type?: string }) => {
          urls.set(e.requestId, new URL(e.request.url).pathname);
          // Chromium reports a <link rel=prefetch> as "Other"; what a page runs is a "Script"
          if (e.type === "Other") prefetched.add(new URL(e.request.url).pathname);
        },
      );
      cdp.on("Network.loadingFinished", (e: { requestId: string; encodedDataLength: number }) =>
        sizes.push(`${urls.get(e.requestId)} ${Math.round(e.encodedDataLength / 1024)}`),
      );
      const scripts: string[] = [];
      cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
      let meRequests = 0;
      cdp.on("Network.responseReceived", (e: { response: { url: string; mimeType: string } }) => {
        if (e.response.mimeType.includes("javascript")) scripts.push(new URL(e.response.url).pathname);
        if (new URL(e.response.url).pathname === "/api/auth/me") meRequests++;
      });

      const started = Date.now();
      await page.goto(`${demo.server.url}/tasks`, { waitUntil: "commit" });
      // usable: the form is rendered by the app (so its script runs) and takes typing
      const username = page.getByTestId("login-username");
      await username.waitFor({ state: "visible", timeout: 15_000 });
      await username.click();
      const loginMs = Date.now() - started;
      const loginBytes = bytes;
      const loginScripts = scripts.filter((script) => !prefetched.has(script));
      // signed out, the server sends the visitor to the sign-in page, which loads its own small script and
      // nothing of the app (issue 10, item 11)
      expect(page.url()).toContain("/login?from=%2Ftasks");
      expect(loginScripts.length).toBeGreaterThan(0);
      expect(loginScripts.filter((script) => !script.startsWith("/signin/assets/"))).toEqual([]);
      await screenshot(page, "slow-link-login", { fullPage: false });

      // typed as a person types (the sign-in page fetches the app meanwhile, at low priority)
      await username.pressSequentially("director.tobruk", { delay: TYPING_DELAY_MS });
      await page.getByTestId("login-password").pressSequentially(DEMO_PASSWORD, { delay: TYPING_DELAY_MS });
      const meBefore = meRequests;
      const signingIn = Date.now();
      await page.getByTestId("login-submit").click();
      await page.getByTestId("board-lead").waitFor({ state: "visible", timeout: 20_000 });
      const boardMs = Date.now() - signingIn;
      await screenshot(page, "slow-link-board", { fullPage: false });
      if (process.env.SLOW_LINK_LIST) console.info(sizes.join("\n"));

      console.info(
        `slow 3G: sign-in usable after ${loginMs} ms (${Math.round(loginBytes / 1024)} kB over the wire, ` +
          `scripts ${loginScripts.join(" ")}); task board ${boardMs} ms after signing in ` +
          `(${Math.round((bytes - loginBytes) / 1024)} kB more)`,
      );
      expect(page.url()).toMatch(/\/tasks$/);
      // the app's page preloads /api/auth/me and uses that answer: asked once
      expect(meRequests - meBefore).toBe(1);
      expect(loginMs).toBeLessThanOrEqual(LOGIN_USABLE_MS);
      expect(boardMs).toBeLessThanOrEqual(BOARD_AFTER_SIGN_IN_MS);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
