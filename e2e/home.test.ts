import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

// Issue 8, item 14: a role that is not leadership lands on today's home, which shows what needs its attention —
// each record opens its page, each group the filtered list it counts — and moves live when a record changes.

const STEP_MS = 60_000;

async function overflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe("today's home in Chromium", () => {
  const demo = useDemoBrowser();
  const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: STEP_MS, interval: 200 });

  it(
    "officer.tobruk lands on the home, sees an overdue task of his agency and opens it; the home follows a change live",
    { timeout: 300_000 },
    async () => {
      const errors: string[] = [];
      const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_MS);
      page.on("pageerror", (e) => errors.push(e.message));

      await logIn(page, demo.server.url, "officer.tobruk");
      await poll(() => new URL(page.url()).pathname).toBe("/today");
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      await poll(() => page.getByTestId("page-title").innerText()).toBe("ما ينتظرك اليوم");
      // The menu opens with the home, for a role that is not leadership.
      expect(await page.locator("nav a[href]").first().getAttribute("href")).toBe("/today");

      const group = page.getByTestId("home-group-overdueTasks");
      await group.waitFor();
      const count = Number(await group.getByTestId("home-group-count").innerText());
      expect(count).toBeGreaterThan(0);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, "home-officer-ar-1366");

      // Live: another session completes one of the overdue tasks; the count drops without a reload.
      const first = group.getByTestId("home-item-link").first();
      const title = await first.innerText();
      const href = (await first.getAttribute("href"))!;
      const other = await (await demo.browser.newContext()).newPage();
      await logIn(other, demo.server.url, "officer.tobruk");
      const lastId = (await group.getByTestId("home-item-link").last().getAttribute("href"))!
        .split("/")
        .pop()!;
      const status = await other.evaluate(async (id) => {
        const r = await fetch(`/api/v1/tasks/${id}/status`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ status: "done" }),
        });
        return r.status;
      }, lastId);
      expect(status).toBe(200);
      await poll(async () => Number(await group.getByTestId("home-group-count").innerText())).toBe(count - 1);

      // The group's link opens the list it counts; a record opens its page.
      await group.getByTestId("home-group-link").click();
      await poll(() => new URL(page.url()).pathname).toBe("/tasks");
      expect(new URL(page.url()).searchParams.get("due")).toBe("overdue");
      await page.goBack();
      await page.getByTestId("home-group-overdueTasks").waitFor();
      await page.getByTestId("home-group-overdueTasks").getByTestId("home-item-link").first().click();
      await poll(() => new URL(page.url()).pathname).toBe(href);
      await poll(() => page.getByTestId("page-title").innerText()).toBe(title);
      await screenshot(page, "home-officer-task-opened", { fullPage: false });

      // On a phone: nothing wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${demo.server.url}/today`);
      await page.getByTestId("home-group-overdueTasks").waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, "home-officer-ar-390");
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "a manager's home adds what waits for his decision; leadership still lands on the region dashboard",
    { timeout: 200_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_MS);
      await logIn(page, demo.server.url, "director.tobruk");
      await poll(() => new URL(page.url()).pathname).toBe("/today");
      await page.getByTestId("home-groups").waitFor();
      await screenshot(page, "home-manager-ar-1366");
      await page.getByTestId("lang-switch").click();
      await poll(() => page.getByTestId("page-title").innerText()).toBe("What needs your attention today");
      await screenshot(page, "home-manager-en-1366");
      await page.getByTestId("lang-switch").click();
      await context.close();

      const leader = await (await demo.browser.newContext()).newPage();
      await logIn(leader, demo.server.url, "minister");
      await poll(() => new URL(leader.url()).pathname).toBe("/dashboard");
      expect(await leader.getByTestId("nav-home").count()).toBe(0);
    },
  );
});
