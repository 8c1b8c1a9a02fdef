import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

// A list's filters, search and page are in its address: Back from a record opens the list as it was left, and the
// address can be shared. A new user's walk found every list back at its defaults after Back.

const firstRow = (page: Page, testId: string) => page.getByTestId(testId).first().innerText();
const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const latin = (text: string) => text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
/**
 * The total of the next answer of a list route whose query passes `match`. A list keeps drawing its previous rows
 * until the new ones come, so a test waits for the answer, then for the page to show its total.
 */
const nextTotal = (page: Page, route: string, match: (q: URLSearchParams) => boolean) =>
  page
    .waitForResponse((r) => {
      const u = new URL(r.url());
      return u.pathname === route && r.request().method() === "GET" && match(u.searchParams);
    })
    .then(async (r) => ((await r.json()) as { page: { total: number } }).page.total);

describe("lists keep their filters and page through Back (Chromium, Arabic)", () => {
  const demo = useDemoBrowser("year");

  it(
    "incidents and tasks: filtered, searched and paged, a record opened, Back",
    { timeout: 150_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, demo.server.url, "director.tobruk");

      // Incidents: the open ones in or about Tobruk, second page.
      await page.goto(`${demo.server.url}/incidents`);
      await page.getByTestId("incident-row").first().waitFor();
      await page.getByTestId("incidents-filter-status").selectOption("open");
      await expect.poll(() => query(page).status).toBe("open");
      const searched = nextTotal(
        page,
        "/api/v1/incidents",
        (q) => q.get("status") === "open" && q.get("q") === "طبرق",
      );
      await page.locator("main input[type=search]").fill("طبرق");
      await expect.poll(() => query(page).q).toBe("طبرق");
      const total = async () => (await page.getByTestId("list-total").innerText()).trim();
      /** The total the list shows, as a number, whatever the reader's digits and grouping. */
      const shown = async () => Number(latin(await total()).replace(/[^0-9]/g, ""));
      await expect.poll(shown).toBe(await searched);
      const next = page.locator(".mantine-Pagination-control").last();
      expect(await next.isVisible(), "the year of demo incidents fills more than one page").toBe(true);
      const before = await firstRow(page, "incident-row");
      await next.click();
      await expect.poll(() => query(page).page).toBe("2");
      await expect.poll(() => firstRow(page, "incident-row")).not.toBe(before);
      const onPageTwo = await firstRow(page, "incident-row");
      const shownTotal = await total();
      await page.getByTestId("incident-row").first().locator("a").first().click();
      await page.waitForURL((u) => /^\/incidents\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.goBack();
      await page.waitForURL((u) => u.pathname === "/incidents");
      expect(query(page)).toMatchObject({ status: "open", q: "طبرق", page: "2" });
      await expect.poll(() => page.getByTestId("incidents-filter-status").inputValue()).toBe("open");
      expect(await page.locator("main input[type=search]").inputValue()).toBe("طبرق");
      await expect.poll(() => firstRow(page, "incident-row")).toBe(onPageTwo);
      await expect.poll(total).toBe(shownTotal);
      await screenshot(page, "lists-back-incidents", { fullPage: false });
      // Two filters chosen in one go (before the list is drawn again) both stay.
      await page.evaluate(() => {
        const choose = (testId: string, value: string) => {
          const select = document.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)!;
          Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value")!.set!.call(select, value);
          select.dispatchEvent(new Event("change", { bubbles: true }));
        };
        choose("incidents-filter-sensitivity", "internal");
        choose("incidents-filter-hasSeizures", "true");
      });
      await expect
        .poll(() => query(page))
        .toMatchObject({ status: "open", sensitivity: "internal", hasSeizures: "true" });

      // Tasks: every task of the region, open ones, searched; a task opened; Back.
      await page.goto(`${demo.server.url}/tasks`);
      await page.getByTestId("task-scope").waitFor();
      const regionWide = (q: URLSearchParams) => q.get("role") === "any" && !q.get("agencyId");
      const everyTask = nextTotal(page, "/api/v1/tasks", (q) => regionWide(q) && !q.get("q"));
      await page.getByTestId("task-scope").getByRole("tab", { name: "كل مهام الإقليم" }).click();
      await expect.poll(() => query(page).scope).toBe("all");
      await expect.poll(shown).toBe(await everyTask);
      const portTasks = nextTotal(page, "/api/v1/tasks", (q) => regionWide(q) && q.get("q") === "المنفذ");
      await page.locator("main input[type=search]").fill("المنفذ");
      await expect.poll(() => query(page).q).toBe("المنفذ");
      expect(await portTasks, "the search narrows the region's tasks").toBeLessThan(await everyTask);
      await expect.poll(shown).toBe(await portTasks);
      const taskTotal = await total();
      const firstTask = await firstRow(page, "task-row");
      await page.getByTestId("task-row").first().locator("a").first().click();
      await page.waitForURL((u) => /^\/tasks\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.goBack();
      await page.waitForURL((u) => u.pathname === "/tasks");
      expect(query(page)).toMatchObject({ scope: "all", q: "المنفذ" });
      await expect
        .poll(() => page.getByTestId("task-scope").getByRole("tab", { selected: true }).innerText())
        .toBe("كل مهام الإقليم");
      expect(await page.locator("main input[type=search]").inputValue()).toBe("المنفذ");
      await expect.poll(() => firstRow(page, "task-row")).toBe(firstTask);
      await expect.poll(total).toBe(taskTotal);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "the search's incidents open in their list, with the total the search's 50 cannot show; a misspelling says how it was read",
    { timeout: 120_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, demo.server.url, "director.tobruk");
      await page.goto(`${demo.server.url}/search?q=${encodeURIComponent("طبرق")}&kind=incident`);
      await expect.poll(() => page.getByTestId("search-hit").count()).toBe(50);
      // Each incident says its district, marked where the search named it (a hit's texts may not say «طبرق»).
      const districts = await page.getByTestId("search-hit-district").locator("mark").allInnerTexts();
      expect(districts.length).toBe(50);
      expect(new Set(districts)).toEqual(new Set(["طبرق"]));
      // A snippet with nothing marked that the title already says (an incident's place) is not said twice.
      const repeated = await page.getByTestId("search-hit").evaluateAll(
        (hits) =>
          hits.filter((hit) => {
            const snippet = hit.querySelector('[data-testid="search-hit-snippet"]');
            const title = hit.querySelector("a")?.textContent ?? "";
            return snippet && !snippet.querySelector("mark") && title.includes(snippet.textContent!.trim());
          }).length,
      );
      expect(repeated).toBe(0);
      const link = page.getByTestId("search-open-list");
      expect(await link.innerText()).toMatch(/50|٥٠/);
      await link.click();
      await page.waitForURL((u) => u.pathname === "/incidents");
      expect(new URL(page.url()).searchParams.get("q")).toBe("طبرق");
      expect(await page.locator("main input[type=search]").inputValue()).toBe("طبرق");
      const api = await page.evaluate(async () => {
        const res = await fetch(`/api/v1/incidents?q=${encodeURIComponent("طبرق")}`);
        return ((await res.json()) as { page: { total: number } }).page.total;
      });
      expect(api).toBeGreaterThan(50);
      await page.getByTestId("incident-row").first().waitFor();

      // «امسعد» is read as «امساعد»: the page says so, and the list opens on what was found.
      await page.goto(`${demo.server.url}/search?q=${encodeURIComponent("امسعد")}&kind=incident`);
      await expect.poll(() => page.getByTestId("search-read-as").innerText()).toContain("امساعد");
      await page.getByTestId("search-open-list").click();
      await page.waitForURL((u) => u.pathname === "/incidents");
      expect(new URL(page.url()).searchParams.get("q")).toBe("امساعد");
      await page.getByTestId("incident-row").first().waitFor();
      await screenshot(page, "search-open-list", { fullPage: false });
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "on a phone the incidents are a card each, nothing cut, and Back keeps the list",
    { timeout: 90_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await logIn(page, demo.server.url, "director.tobruk");
      await page.goto(`${demo.server.url}/incidents?status=open`);
      await expect.poll(() => page.getByTestId("incident-card").count()).toBeGreaterThan(0);
      expect(await page.getByTestId("incidents-table").count()).toBe(0);
      // The filters fold under their button, which counts the chosen one; the first incident is on the first screen.
      expect(await page.getByTestId("incidents-filters-toggle").innerText()).toMatch(/[1١]/);
      expect(await page.getByTestId("incidents-filter-status").isVisible()).toBe(false);
      const top = await page
        .getByTestId("incident-card")
        .first()
        .evaluate((e) => e.getBoundingClientRect().top);
      expect(top).toBeLessThan(844);
      await page.getByTestId("incidents-filters-toggle").click();
      await expect.poll(() => page.getByTestId("incidents-filter-status").isVisible()).toBe(true);
      expect(await page.getByTestId("incidents-filter-status").inputValue()).toBe("open");
      const cut = await page
        .getByTestId("incident-cards")
        .evaluate((cards) =>
          [...cards.querySelectorAll<HTMLElement>("a, p, span")]
            .filter((e) => e.scrollWidth > e.clientWidth + 1)
            .map((e) => e.innerText),
        );
      expect(cut).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.getByTestId("incident-card").first().locator("a").first().click();
      await page.waitForURL((u) => /^\/incidents\/[0-9a-f-]{36}$/.test(u.pathname));
      await page.goBack();
      await page.getByTestId("incident-card").first().waitFor();
      expect(query(page)).toMatchObject({ status: "open" });
      await screenshot(page, "incidents-cards-390", { fullPage: false });
      await context.close();
    },
  );
});
