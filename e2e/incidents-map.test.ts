import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

/** Libya's extent (west, south, east, north) and the sea just off its coast, where boats are counted. */
const LIBYA = [9.39, 19.5, 25.15, 33.17] as const;
const OFF_THE_COAST = 34;

type Box = [west: number, south: number, east: number, north: number];

/** What the map shows now (west,south,east,north), as it says on its element. */
async function shown(page: Page): Promise<Box> {
  const bounds = await page.getByTestId("incident-map").getAttribute("data-bounds");
  return (bounds ?? "").split(",").map(Number) as Box;
}

const holds = (outer: Box, [west, south, east, north]: readonly number[]) =>
  outer[0] <= west! && outer[1] <= south! && outer[2] >= east! && outer[3] >= north!;

/** The map has drawn its bubbles for the view it settled on (the view in the address is the one on the map). */
async function settled(page: Page, mode: "districts" | "points") {
  await expect
    .poll(() => page.getByTestId("incident-map").getAttribute("data-mode"), { timeout: 20_000 })
    .toBe(mode);
  await expect.poll(() => bubbles(page).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.waitForLoadState("networkidle");
}

const bubbles = (page: Page) => page.locator(".tansiq-map-cluster");

/**
 * The bubbles no one can click: their centre outside the map (unless `inView`: those in the map's view only), or
 * under something else (another bubble, a control, the attribution). Each is named by its count and districts.
 */
function unclickable(page: Page, inView = false) {
  return page.evaluate((inView) => {
    const map = document.querySelector('[data-testid="incident-map"]')!.getBoundingClientRect();
    return [...document.querySelectorAll<HTMLElement>(".tansiq-map-cluster")].flatMap((bubble) => {
      const r = bubble.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      const inside = x > map.left && x < map.right && y > map.top && y < map.bottom;
      if (inView && !inside) return [];
      const top = document.elementFromPoint(x, y)?.closest(".tansiq-map-cluster");
      return inside && top === bubble
        ? []
        : [`${bubble.dataset.count} ${bubble.dataset.district ?? bubble.dataset.districts ?? ""}`];
    });
  }, inView);
}

describe("the incident map in Chromium", () => {
  const demo = useDemoBrowser("year");

  it(
    "desktop (1366×768, Arabic): all of Libya and its coast in view, every bubble clickable, Tripoli's among them; controls in Arabic; a selection's count once; an area of the list shown on the map",
    { timeout: 240_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, demo.server.url, "director.tobruk");
      await page.goto(`${demo.server.url}/incidents/map`);
      await settled(page, "districts");
      await screenshot(page, "incident-map-1366", { fullPage: false });

      // The starting view: Libya and the sea off its coast, the whole map on the first screen.
      const start = await shown(page);
      expect(holds(start, [LIBYA[0], LIBYA[1], LIBYA[2], OFF_THE_COAST]), start.join(",")).toBe(true);
      const map = (await page.getByTestId("incident-map").boundingBox())!;
      expect(map.y + map.height).toBeLessThanOrEqual(768);
      // No bubble clipped, covered by another or by a control.
      expect(await unclickable(page)).toEqual([]);

      // MapLibre's controls speak Arabic; the attribution is as written.
      expect(await page.locator(".maplibregl-ctrl-zoom-in").getAttribute("title")).toBe("تكبير");
      expect(await page.locator(".maplibregl-ctrl-zoom-out").getAttribute("title")).toBe("تصغير");
      expect(await page.locator(".maplibregl-canvas").getAttribute("aria-label")).toBe("الخريطة");
      const attribution = await page.locator(".maplibregl-ctrl-attrib").innerText();
      expect(attribution).toContain("OCHA, UNOSAT");
      expect(attribution).toContain("© OpenStreetMap contributors");

      // Tripoli: its bubble; or the bubble that gathers it with its neighbours, which zooms in to part them, and
      // lists them to choose from where zooming further would leave the districts' view.
      const tripoli = page.locator('[data-testid="map-cluster"][data-district="LY0211"]');
      const choice = page.locator('[data-testid="map-cluster-choice"][data-district="LY0211"]');
      for (let step = 0; (await tripoli.count()) === 0 && step < 3; step++) {
        const before = (await shown(page)).join();
        await page.locator('[data-testid="map-cluster-group"][data-districts~="LY0211"]').click();
        await expect
          .poll(async () => (await choice.count()) > 0 || (await shown(page)).join() !== before)
          .toBe(true);
        if ((await choice.count()) > 0) break;
        await settled(page, "districts");
        expect(await unclickable(page, true)).toEqual([]);
      }
      const count =
        (await tripoli.count()) > 0
          ? await tripoli.getAttribute("data-count")
          : (await choice.innerText()).match(/\d+$/)?.[0];
      await ((await tripoli.count()) > 0 ? tripoli : choice).click();
      const panel = page.getByTestId("map-selection");
      await expect.poll(() => panel.innerText()).toContain("الوقائع في منطقة طرابلس");
      await panel.getByTestId("map-selection-row").first().waitFor();
      // The count of the selection once (the list's footer says it), the bubble's.
      const said = (await panel.innerText()).match(/العدد: [\d٠-٩٬,]+/g) ?? [];
      expect(said).toEqual([`العدد: ${count}`]);
      await screenshot(page, "incident-map-1366-tripoli", { fullPage: false });

      // An area off the map (at sea) from the country view: its list, then «show on the map» opens the map
      // fitted to the area, every incident of it in view.
      await page.goto(`${demo.server.url}/incidents/map`);
      await settled(page, "districts");
      // The largest of the country view's bubbles at sea (the bubbles come largest first).
      await page.locator('[data-testid="map-cluster"]:not([data-district])').first().click();
      await page.getByTestId("map-selection-row").first().waitFor();
      await page.getByTestId("map-open-list").click();
      await page.getByTestId("incidents-filter-bbox").waitFor();
      const area = new URL(page.url()).searchParams.get("bbox")!.split(",").map(Number);
      // An area wider than the old view at zoom 9 on its centre (about 1.5° across at 1104 pixels).
      expect(Math.max(area[2]! - area[0]!, area[3]! - area[1]!)).toBeGreaterThan(1.5);
      await page.getByTestId("incidents-filter-bbox").getByRole("link").click();
      await page.waitForURL((u) => u.pathname === "/incidents/map");
      await expect.poll(async () => (await shown(page)).length, { timeout: 20_000 }).toBe(4);
      await page.waitForLoadState("networkidle");
      const fitted = await shown(page);
      expect(holds(fitted, area), `${fitted.join(",")} holds ${area.join(",")}`).toBe(true);
      // Fitted to the area, not the whole country.
      expect(fitted[2] - fitted[0]).toBeLessThan((start[2] - start[0]) / 2);
      // The address now holds the view, so a reload keeps it.
      await expect.poll(() => new URL(page.url()).searchParams.get("at")).toMatch(/^[\d.]+,[\d.]+,[\d.]+$/);
      expect(new URL(page.url()).searchParams.get("fit")).toBeNull();
      // The list of the sea area was of no district: the map says so among its filters, where it can be undone.
      expect(new URL(page.url()).searchParams.get("district")).toBe("none");
      await expect.poll(() => page.getByTestId("map-filters-count").innerText()).toMatch(/^[1١]$/);
      await page.getByTestId("map-filters-toggle").click();
      expect(await page.getByTestId("map-filter-district").inputValue()).toBe("none");
      await page.getByTestId("map-filters-toggle").click();
      await screenshot(page, "incident-map-1366-area", { fullPage: false });

      // In English the controls speak English; back in Arabic, Arabic again (the map is made in each language).
      await page.getByTestId("lang-switch").click();
      await expect.poll(() => page.locator(".maplibregl-ctrl-zoom-in").getAttribute("title")).toBe("Zoom in");
      await page.getByTestId("lang-switch").click();
      await expect.poll(() => page.locator(".maplibregl-ctrl-zoom-in").getAttribute("title")).toBe("تكبير");
      expect(holds(await shown(page), area)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "phone (390×844, Arabic): the map on the first screen with Libya whole, filters folded, no bubble over another, a tapped bubble's incidents brought into view",
    { timeout: 180_000 },
    async () => {
      const context = await demo.browser.newContext({
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, demo.server.url, "director.tobruk");
      await page.goto(`${demo.server.url}/incidents/map`);
      await settled(page, "districts");
      await screenshot(page, "incident-map-390", { fullPage: false });

      const map = (await page.getByTestId("incident-map").boundingBox())!;
      expect(map.y).toBeLessThan(844 / 2);
      expect(map.y + map.height).toBeLessThanOrEqual(844);
      const start = await shown(page);
      expect(holds(start, [LIBYA[0], LIBYA[1], LIBYA[2], OFF_THE_COAST]), start.join(",")).toBe(true);
      expect(await unclickable(page)).toEqual([]);

      // The filters are folded under their button.
      expect(await page.getByTestId("map-filter-typeId").isVisible()).toBe(false);
      await page.getByTestId("map-filters-toggle").click();
      await expect.poll(() => page.getByTestId("map-filter-typeId").isVisible()).toBe(true);
      await page.getByTestId("map-filters-toggle").click();
      await expect.poll(() => page.getByTestId("map-filter-typeId").isVisible()).toBe(false);

      // IOM's rows are on the map: their source credited on a line of its own, unbroken (inside the Arabic sentence a
      // phone broke it with its bracket on the wrong side).
      const credit = page.getByTestId("map-credit-iom");
      expect(await credit.innerText()).toBe("IOM Missing Migrants Project, CC BY 4.0");
      expect(await credit.evaluate((e) => e.getClientRects().length)).toBe(1);

      // Tobruk's bubble tapped: its incidents scrolled into view, below the page's header.
      await page.locator('[data-testid="map-cluster"][data-district="LY0104"]').tap();
      const panel = page.getByTestId("map-selection");
      await panel.getByTestId("map-selection-row").first().waitFor();
      await expect
        .poll(async () => {
          const r = (await panel.boundingBox())!;
          const header = (await page.locator("header").boundingBox())!;
          return r.y >= header.y + header.height && r.y < 844 / 2;
        })
        .toBe(true);
      expect(await panel.getByTestId("map-selection-row").first().isVisible()).toBe(true);
      await screenshot(page, "incident-map-390-selection", { fullPage: false });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
