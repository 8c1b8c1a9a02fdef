import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

const PHONE = { width: 390, height: 844 };

/** The texts of the elements under `root` matching `selector` whose content is wider than their box (cut off). */
function clipped(root: Locator, selector: string): Promise<string[]> {
  return root.evaluate(
    (element, sel) =>
      [...element.querySelectorAll<HTMLElement>(sel)]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.innerText),
    selector,
  );
}

/**
 * Every tab of a tab list can be reached on a phone: inside the screen and the topmost element at its centre (not
 * scrolled out of a box or covered); choosing the last selects it and puts the highlight under it alone.
 */
async function checkTabs(page: Page, list: Locator) {
  const tabs = list.getByRole("tab");
  await tabs.first().waitFor();
  const count = await tabs.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    const box = (await tab.boundingBox())!;
    expect(box.x, await tab.innerText()).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, await tab.innerText()).toBeLessThanOrEqual(PHONE.width);
    const onTop = await tab.evaluate((el) => {
      const r = el.getBoundingClientRect();
      el.scrollIntoView({ block: "center" });
      const r2 = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r2.left + r2.width / 2, r2.top + r2.height / 2);
      return r.width > 0 && hit !== null && el.contains(hit);
    });
    expect(onTop, await tab.innerText()).toBe(true);
  }
  const last = tabs.nth(count - 1);
  await last.click();
  await expect.poll(() => last.getAttribute("aria-selected")).toBe("true");
  const highlighted = await tabs.evaluateAll((all) =>
    all.map((el) => {
      const colour = getComputedStyle(el).borderBottomColor;
      return colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent";
    }),
  );
  expect(highlighted).toEqual(highlighted.map((_, i) => i === count - 1));
  expect(await tabs.evaluateAll((all) => all.map((el) => el.getAttribute("aria-selected")))).toEqual(
    highlighted.map((on) => String(on)),
  );
}

/** The accessible names shared by two or more controls in view (from Chromium's accessibility tree). */
async function sharedControlNames(page: Page): Promise<string[]> {
  const tree = await page.locator("body").ariaSnapshot();
  const controls =
    /^\s*-\s+'?(button|link|tab|radio|checkbox|combobox|textbox|searchbox|switch|menuitem|slider|spinbutton)\s+"([^"]*)"/;
  const seen = new Map<string, number>();
  for (const line of tree.split("\n")) {
    const match = controls.exec(line);
    if (match) seen.set(match[2]!, (seen.get(match[2]!) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}

/** A phone's page signed in as `username`, page errors gathered. */
async function phonePage(demo: ReturnType<typeof useDemoBrowser>, username: string) {
  const context = await demo.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await logIn(page, demo.server.url, username);
  return { context, page, errors };
}

describe("a new user's walk on a phone (Arabic, 390 px)", () => {
  const demo = useDemoBrowser();

  it(
    "the header's user is a round button (it was 1 px wide) whose menu names them and signs out",
    { timeout: 90_000 },
    async () => {
      const { context, page, errors } = await phonePage(demo, "director.tobruk");
      const user = page.getByTestId("current-user");
      const userBox = (await user.boundingBox())!;
      expect(userBox.width).toBeGreaterThanOrEqual(24);
      expect(await user.getAttribute("aria-label")).toContain("مدير أمن طبرق");
      await user.click();
      await expect.poll(() => page.getByTestId("user-menu-name").innerText()).toBe("مدير أمن طبرق");
      expect(await page.getByRole("menu").innerText()).toContain("مديرية أمن طبرق");
      expect(await page.getByRole("menuitem", { name: "حسابي" }).isVisible()).toBe(true);
      await screenshot(page, "phone-user-menu", { fullPage: false });
      await page.getByRole("menuitem", { name: "تسجيل الخروج" }).click();
      await page.waitForURL((u) => u.pathname === "/login");
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "the tasks are a card per task on a phone (the table was cut mid-word): title, status, due date, lead agency, progress, nothing cut",
    { timeout: 90_000 },
    async () => {
      const { context, page, errors } = await phonePage(demo, "director.tobruk");
      await page.goto(`${demo.server.url}/tasks`);
      await expect.poll(() => page.getByTestId("task-card").count()).toBeGreaterThan(0);
      expect(await page.getByTestId("task-table").count()).toBe(0);
      const card = page.getByTestId("task-card").first();
      expect(await card.getByRole("link").count()).toBe(1);
      expect(await card.innerText()).toMatch(/تاريخ الاستحقاق/);
      expect(await card.innerText()).toMatch(/الجهة القائدة/);
      expect(await card.innerText()).toMatch(/\d+%/);
      expect(await clipped(page.getByTestId("task-cards"), "a, p, span")).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "the tasks' scopes are tabs that all fit and select the one chosen, and no two controls share a name (two were «كل الإقليم»)",
    { timeout: 90_000 },
    async () => {
      const { context, page, errors } = await phonePage(demo, "director.tobruk");
      await page.goto(`${demo.server.url}/tasks`);
      await checkTabs(page, page.getByTestId("task-scope"));
      await expect.poll(() => page.getByTestId("task-card").count()).toBeGreaterThan(0);
      // With the overdue list, both its controls show, each named for what it is.
      await page.getByRole("tab", { name: "المهام المتأخرة" }).click();
      await page.getByRole("radiogroup", { name: "مهام أي جهة" }).waitFor();
      expect(await page.getByRole("tab", { name: "كل مهام الإقليم" }).count()).toBe(1);
      expect(await page.getByRole("radio", { name: "كل جهات الإقليم" }).count()).toBe(1);
      expect(await sharedControlNames(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "phone-tasks");
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "the search's kinds are tabs that all fit and select, and a hit whose matched text is its title shows it once, marked",
    { timeout: 90_000 },
    async () => {
      const { context, page, errors } = await phonePage(demo, "director.tobruk");
      const hits = () =>
        page.getByTestId("search-hit").evaluateAll((all) =>
          all.map((hit) => ({
            kind: hit.getAttribute("data-kind"),
            title: hit.querySelector("a")!.textContent!.trim(),
            marked: hit.querySelector("a mark") !== null,
            snippet: hit.querySelector("[data-testid=search-hit-snippet]")?.textContent?.trim() ?? null,
            // How many times the card says its title (the snippet repeated it).
            titleTimes: hit.textContent!.split(hit.querySelector("a")!.textContent!.trim()).length - 1,
          })),
        );
      // Tasks whose title holds the words: the title once, the words marked in it.
      await page.goto(`${demo.server.url}/search?q=${encodeURIComponent("خطة شاملة")}&kind=task`);
      await page.locator('[data-testid="search-hit"][data-kind="task"]').first().waitFor();
      const tasks = await hits();
      expect(tasks.filter((hit) => hit.titleTimes !== 1)).toEqual([]);
      expect(tasks.filter((hit) => hit.snippet === null && hit.marked).length).toBeGreaterThan(0);

      await page.goto(`${demo.server.url}/search?q=${encodeURIComponent("طبرق")}`);
      await page.getByTestId("search-hit").first().waitFor();
      expect((await hits()).filter((hit) => hit.titleTimes !== 1)).toEqual([]);
      // Incidents of one title are told apart by their day, written as the app writes dates («5 ديسمبر 2026»).
      const incidents = page.locator('[data-testid="search-hit"][data-kind="incident"]');
      expect(await incidents.count()).toBeGreaterThan(0);
      for (const day of await incidents.evaluateAll((all) =>
        all.map((hit) => hit.querySelector("[data-testid=search-hit-day]")?.textContent ?? ""),
      ))
        expect(day).toMatch(/^\d{1,2} \p{L}+ \d{4}$/u);
      await screenshot(page, "phone-search", { fullPage: false });
      await checkTabs(page, page.getByTestId("search-kind"));
      await expect.poll(() => new URL(page.url()).searchParams.get("kind")).toBe("agency");
      await page.locator('[data-testid="search-hit"][data-kind="agency"]').first().waitFor();
      expect(await page.locator('[data-testid="search-hit"]:not([data-kind="agency"])').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "a seizure says its custody once (it said it twice), after a hand-over the new status once and the earlier under it; the incident's timeline and the custody log are not cut",
    { timeout: 90_000 },
    async () => {
      const { context, page, errors } = await phonePage(demo, "officer.emsaed");
      // An incident of the demo with a seizure whose custody the officer may change.
      const id = await page.evaluate(async () => {
        const list = (await (await fetch("/api/v1/incidents?pageSize=50")).json()) as {
          data: { id: string }[];
        };
        for (const incident of list.data) {
          const detail = (await (await fetch(`/api/v1/incidents/${incident.id}`)).json()) as {
            data: { seizures: { custodyStatus: string; abilities: { custody: boolean } }[] };
          };
          if (detail.data.seizures.some((s) => s.custodyStatus === "held" && s.abilities.custody))
            return incident.id;
        }
        return null;
      });
      expect(id).not.toBeNull();
      await page.goto(`${demo.server.url}/incidents/${id}`);
      const seizure = page
        .getByTestId("seizure-row")
        .filter({ has: page.getByRole("button", { name: "تغيير حالة العهدة" }) })
        .first();
      await seizure.waitFor();
      const times = async (text: string) => (await seizure.innerText()).split(text).length - 1;
      expect(await times("محفوظة لدى الجهة")).toBe(1);

      await seizure.getByRole("button", { name: "تغيير حالة العهدة" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("حالة العهدة").selectOption("handed_over");
      await dialog.getByLabel("إلى من").fill("نيابة طبرق الابتدائية");
      await dialog.getByRole("button", { name: "حفظ" }).click();
      await expect.poll(() => times("سُلِّمت")).toBe(1);
      expect(await times("محفوظة لدى الجهة")).toBe(1);
      expect(await seizure.getByTestId("custody-current").innerText()).toMatch(/سُلِّمت[\s\S]*نيابة طبرق/);

      const timeline = page.getByTestId("incident-timeline");
      expect(await timeline.getByTestId("history-entry").count()).toBeGreaterThan(0);
      expect(await clipped(timeline, "li, li p, li span")).toEqual([]);
      expect(await clipped(seizure, "p, span, li")).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await seizure.scrollIntoViewIfNeeded();
      await screenshot(page, "phone-incident", { fullPage: false });
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
