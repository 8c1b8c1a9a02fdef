import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../server/app";
import { loadConfig } from "../server/config";
import type { Database } from "../server/db/client";
import { seedDemo, type DemoHistory } from "../server/demo/seed-demo";
import { createTestDatabase } from "../server/test/database";
import { WEB_DIST, ROOT } from "../server/web-build";

export const DEMO_PASSWORD = "demo-password-e2e";
export const SCREENSHOTS = path.join(ROOT, "test-results");

/**
 * The real server with the demo region and the built web app, on a random loopback port. The demo's last eight
 * weeks of incidents by default; `year` seeds what `npm start` does (a year of incidents and IOM's rows).
 */
export async function startDemoServer(history: DemoHistory = "recent") {
  const database: Database = await createTestDatabase();
  await seedDemo(database.db, new Date(), DEMO_PASSWORD, history);
  const base = loadConfig(
    {},
    { logLevel: "silent", demoMode: true, webDist: WEB_DIST, database: { engine: "pglite", dataDir: null } },
  );
  const app = await buildApp({ config: base, database });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Debian's Chromium, headless, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The whole page by default; `fullPage: false` keeps what is in view (for pages with sticky panels). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Signs out through the header's button (on a phone, in the user menu) and waits for the sign-in page it goes to. */
export async function logOut(page: Page) {
  if (!(await page.getByTestId("logout").isVisible())) await page.getByTestId("current-user").click();
  await page.getByTestId("logout").click();
  await page.waitForURL((u) => u.pathname === "/login");
  await page.getByTestId("login-username").waitFor();
}

/** Signs in on the sign-in page (opened unless the page is already there, so no navigation is cut short). */
export async function logIn(page: Page, url: string, username: string) {
  const onSignIn = new URL(page.url(), url).pathname === "/login";
  if (!onSignIn || !(await page.getByTestId("login-username").isVisible())) {
    await page.goto(`${url}/login`);
  }
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("current-user").waitFor();
}

export type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

/** The demo server and Chromium for one test file: started before its tests, closed after them. */
export function useDemoBrowser(history: DemoHistory = "recent"): { server: DemoServer; browser: Browser } {
  const demo = {} as { server: DemoServer; browser: Browser };
  beforeAll(async () => {
    demo.server = await startDemoServer(history);
    demo.browser = await launchChromium();
  });
  afterAll(async () => {
    await demo.browser?.close();
    await demo.server?.close();
  });
  return demo;
}
