import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_USERS } from "../server/demo/demo-region";
import { logIn, SCREENSHOTS, useDemoBrowser } from "./browser";
import { pageProblems, type Run } from "./crawl-checks";

// Every page the navigation offers, and the record pages of the first row of each list, as every demo user:
// each in Arabic at desk width, and a manager and an officer also on a phone in Arabic and at desk width in
// English. A page fails on an error screen, a console error, a failed request (other than 403/404), horizontal
// overflow, untranslated text, a visible UUID or a cut badge. Screenshots go to test-results/crawl/.
const CRAWL_DIR = path.join(SCREENSHOTS, "crawl");
const DESK = 1366;
const PHONE = 390;

const ALSO_PHONE_AND_ENGLISH = ["director.tobruk", "officer.emsaed"];

// One job per user, its runs in order: switching to English is saved in the user's preferences, so a user's
// runs never overlap.
const JOBS: Run[][] = DEMO_USERS.map((u) => [
  { username: u.username, language: "ar", width: DESK },
  ...(ALSO_PHONE_AND_ENGLISH.includes(u.username)
    ? [
        { username: u.username, language: "ar", width: PHONE } as const,
        { username: u.username, language: "en", width: DESK } as const,
      ]
    : []),
]);

/** Waits until the page asked for everything it needs (the live stream excepted) and shows no loader. */
async function settle(page: Page, inflight: Set<string>) {
  const deadline = Date.now() + 30_000;
  let quietSince = 0;
  while (Date.now() < deadline) {
    const loading = await page.locator('[role="status"] .mantine-Loader-root, [data-loading="true"]').count();
    if (inflight.size === 0 && loading === 0) {
      if (quietSince === 0) quietSince = Date.now();
      if (Date.now() - quietSince >= 250) return;
    } else quietSince = 0;
    await page.waitForTimeout(100);
  }
  throw new Error(`page did not settle: ${[...inflight].join(", ")}`);
}

function isRecordPath(href: string) {
  return /^\/[a-z-]+\/[0-9a-f]{8}-[0-9a-f-]{27}$/.test(href);
}

async function crawlRun(browser: Browser, url: string, run: Run): Promise<string[]> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: run.width, height: 900 },
    locale: run.language === "ar" ? "ar-LY" : "en-GB",
    timezoneId: "Africa/Tripoli",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const events: string[] = [];
  const inflight = new Set<string>();
  const live = (u: string) => u.includes("/api/v1/live");
  page.on("pageerror", (e) => events.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    // Chromium logs every 4xx as "Failed to load resource"; the response check below judges those.
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource"))
      events.push(`console: ${m.text()}`);
  });
  page.on("request", (r) => !live(r.url()) && inflight.add(r.url()));
  page.on("requestfinished", (r) => inflight.delete(r.url()));
  page.on("requestfailed", (r) => {
    inflight.delete(r.url());
    const failure = r.failure()?.errorText ?? "";
    if (!failure.includes("ERR_ABORTED") && !live(r.url()))
      events.push(`request failed: ${r.url()} ${failure}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && r.status() !== 403 && r.status() !== 404)
      events.push(`HTTP ${r.status()}: ${r.request().method()} ${new URL(r.url()).pathname}`);
  });

  await logIn(page, url, run.username);
  if (run.language === "en") {
    await page.getByTestId("lang-switch").click();
    await expect.poll(() => page.getAttribute("html", "lang")).toBe("en");
  }
  const navPaths = await page
    .locator("nav a[href]")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const queue = [...new Set(navPaths)];
  const seen = new Set<string>();
  const problems: string[] = [];
  const tag = `${run.username}-${run.language}-${run.width}`;
  while (queue.length > 0) {
    const target = queue.shift()!;
    if (seen.has(target)) continue;
    seen.add(target);
    events.length = 0;
    // In-app navigation (as a click on a link does): no reload of the app for each page.
    await page.evaluate((to) => {
      window.history.pushState({}, "", to);
      window.dispatchEvent(new PopStateEvent("popstate"));
    }, target);
    await expect.poll(() => new URL(page.url()).pathname).toBe(target);
    await settle(page, inflight);
    if (!isRecordPath(target)) {
      // The record pages the first row of the list (or the first record link of the page) leads to.
      const firstRow = page.locator("main tbody tr").first();
      const scope = (await firstRow.count()) > 0 ? firstRow : page.locator("main");
      const hrefs = await scope
        .locator("a[href]")
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      const records = hrefs.filter(isRecordPath);
      queue.push(...((await firstRow.count()) > 0 ? records : records.slice(0, 1)));
    }
    const found = [...events, ...(await pageProblems(page, run))];
    // Screenshots are for a person to look at (test-results/crawl); CI keeps none, so it takes none.
    if (!process.env.CI) {
      const name = `${tag}${target.replaceAll("/", "_")}`;
      await page.screenshot({ path: path.join(CRAWL_DIR, `${name}.png`), fullPage: true });
    }
    problems.push(...found.map((p) => `${tag} ${target}: ${p}`));
  }
  await context.close();
  console.log(`${tag}: ${seen.size} pages, ${problems.length} problems`);
  if (seen.size < 3) problems.push(`${tag}: only ${seen.size} pages reached`);
  return problems;
}

// On both engines: the PostgreSQL pass and the embedded one of `npm test`. About 3 minutes on two idle cores.
describe("every page for every role, on a desk and on a phone", () => {
  const demo = useDemoBrowser("year");

  it(
    "crawls the whole app without an error, overflow, untranslated text, UUID or cut badge",
    { timeout: 480_000 },
    async () => {
      rmSync(CRAWL_DIR, { recursive: true, force: true });
      mkdirSync(CRAWL_DIR, { recursive: true });
      const problems: string[] = [];
      // Two users at a time: the machine has two cores, and each run has its own browser context.
      // The longest jobs first, so the two workers end together.
      const pending = [...JOBS].sort((a, b) => b.length - a.length);
      const worker = async () => {
        for (let job = pending.shift(); job; job = pending.shift())
          for (const run of job) problems.push(...(await crawlRun(demo.browser, demo.server.url, run)));
      };
      await Promise.all([worker(), worker()]);
      if (problems.length > 0) console.log(problems.join("\n"));
      expect(problems).toEqual([]);
    },
  );
});
