import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { logIn, logOut, screenshot, useDemoBrowser } from "./browser";

const LATIN = /[A-Za-z]{3,}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe("incidents in Chromium (Arabic)", () => {
  const demo = useDemoBrowser();

  it(
    "officer.emsaed records fuel smuggling at Emsaed with 12,000 litres and a vehicle seized; director.tobruk finds it by «إمساعد» and opens it",
    { timeout: 180_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));

      await logIn(page, demo.server.url, "officer.emsaed");
      await page.getByTestId("nav-incidents").click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe("الوقائع");
      await page.getByTestId("incident-new").click();
      const fuel = await page
        .getByTestId("incident-type")
        .locator("option", { hasText: "تهريب وقود" })
        .getAttribute("value");
      await page.getByTestId("incident-type").selectOption(fuel!);
      await page.getByTestId("incident-occurredOn").fill("2026-11-20");
      await page.getByTestId("incident-occurredTime").fill("22:15");
      await page.getByTestId("incident-district").selectOption("LY0104");
      await page.getByTestId("incident-place").fill("منفذ امساعد البري");
      await page.getByTestId("incident-latitude").fill("31.5886");
      await page.getByTestId("incident-longitude").fill("25.0522");
      await page.getByTestId("incident-narrative").fill("ضبط شاحنة صهريج محملة بالوقود المهرب قرب البوابة");
      await page.getByTestId("incident-arrests").fill("2");
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await page.getByTestId("incident-status").waitFor();
      const reference = await page.getByTestId("page-title").innerText();
      expect(reference).toMatch(/^INC-\d{4}-\d{6}$/);

      await page.getByTestId("seizure-new").click();
      await page.getByTestId("seizure-item").selectOption("fuel");
      await page.getByTestId("seizure-quantity").fill("12000");
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect.poll(() => page.getByTestId("seizure-row").count()).toBe(1);
      await page.getByTestId("seizure-new").click();
      await page.getByTestId("seizure-item").selectOption("vehicles");
      await page.getByTestId("seizure-quantity").fill("1");
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect.poll(() => page.getByTestId("seizure-row").count()).toBe(2);
      expect(await page.getByTestId("seizures").innerText()).toMatch(/12[.,٬]000/);
      await screenshot(page, "incident-recorded");

      // director.tobruk (another agency) finds it by typing the crossing's name with a hamza.
      await logOut(page);
      await logIn(page, demo.server.url, "director.tobruk");
      await page.getByTestId("nav-incidents").click();
      await page.getByTestId("incidents-filter-hasSeizures").selectOption("true");
      await page.getByRole("searchbox").fill("إمساعد");
      await page.getByRole("searchbox").press("Enter");
      await page.getByRole("link", { name: reference }).click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe(reference);
      expect(await page.getByTestId("incident-place-name").innerText()).toBe("منفذ امساعد البري");
      expect(await page.getByTestId("seizure-row").count()).toBe(2);

      // The search across Tansiq, from the shell: the crossing's name with a hamza (and a word of the narrative) finds
      // the incident, the words marked as written.
      await page.getByTestId("global-search").fill("إمساعد صهريج");
      await page.getByTestId("global-search").press("Enter");
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe("البحث");
      const hit = page.getByTestId("search-hit").filter({ hasText: reference });
      await hit.waitFor();
      expect(await hit.locator("mark").first().innerText()).toBe("امساعد");
      // The shell's box holds the search shown, as the page's own box does; elsewhere it is empty again.
      expect(await page.getByTestId("global-search").inputValue()).toBe("إمساعد صهريج");
      await screenshot(page, "search-results");
      await hit.getByRole("link").click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe(reference);
      expect(await page.getByTestId("global-search").inputValue()).toBe("");
      // The crossing's agency is found by its name too: its hit opens the agencies page showing that agency alone,
      // its reference in the page's search box.
      await page.getByTestId("global-search").fill("إمساعد");
      await page.getByTestId("global-search").press("Enter");
      const agencyHit = page.locator('[data-testid="search-hit"][data-kind="agency"]').first();
      await agencyHit.waitFor();
      const agencyReference = (await agencyHit.innerText()).match(/AGY-\d{4}-\d{6}/)?.[0];
      expect(agencyReference).toBeDefined();
      const agencyName = await agencyHit.getByRole("link").innerText();
      await agencyHit.getByRole("link").click();
      await expect.poll(() => page.getByTestId("agency-search").inputValue()).toBe(agencyReference);
      const treeRows = page.getByTestId("agency-tree").locator("tbody tr");
      await expect.poll(() => treeRows.filter({ hasText: agencyName }).count()).toBe(1);
      const filtered = await treeRows.count(); // the agency and the agencies above it
      await page.getByTestId("agency-search").fill("");
      await expect.poll(() => treeRows.count()).toBeGreaterThan(filtered);

      // On the map: the fuel smuggling of that day is counted in Tobruk's cluster; the cluster lists it; the list
      // opens its page. Closer in, the clusters are the visible area's, and the crossing's holds it.
      await page.getByTestId("nav-incidentMap").click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe("خريطة الوقائع");
      await page.getByTestId("map-filters-toggle").click(); // the filters are folded under their button
      await page.getByTestId("map-filter-typeId").selectOption(fuel!);
      await page.getByLabel("من تاريخ").fill("2026-11-20");
      await page.getByLabel("إلى تاريخ").fill("2026-11-20");
      const tobruk = page.locator('[data-testid="map-cluster"][data-district="LY0104"]');
      await expect.poll(() => tobruk.getAttribute("data-count"), { timeout: 20_000 }).toMatch(/^[1-9]\d*$/);
      expect(await page.getByTestId("map-legend").innerText()).toContain("عدد الوقائع حسب المنطقة");
      expect(await page.locator(".maplibregl-ctrl-attrib").innerText()).toContain("OpenStreetMap");
      await screenshot(page, "incident-map-country");
      await tobruk.click();
      await page.getByTestId("map-selection").getByRole("link", { name: reference }).waitFor();
      // Closer in — the view is kept in the address, so a view can be shared — the clusters are the visible area's.
      await page.goto(
        `${demo.server.url}/incidents/map?typeId=${fuel}&from=2026-11-20&to=2026-11-20&at=25.05,31.59,9`,
      );
      await expect
        .poll(() => page.getByTestId("incident-map").getAttribute("data-mode"), { timeout: 20_000 })
        .toBe("points");
      await expect
        .poll(() => page.getByTestId("map-cluster").count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await screenshot(page, "incident-map-close");
      let found = false;
      for (const cluster of await page.getByTestId("map-cluster").all()) {
        await cluster.click();
        await page.getByTestId("map-selection-row").first().waitFor();
        if (await page.getByTestId("map-selection").getByRole("link", { name: reference }).count()) {
          found = true;
          break;
        }
      }
      expect(found).toBe(true);
      // The cluster's area opens in the list, which says it is filtered to an area of the map; then the page.
      await page.getByTestId("map-open-list").click();
      await page.getByTestId("incidents-filter-bbox").waitFor();
      await page.getByRole("link", { name: reference }).click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe(reference);

      // Exported as GeoJSON from the list as filtered: the incident is in the file, where it happened.
      await page.getByTestId("nav-incidents").click();
      await page.getByTestId("incidents-filter-hasSeizures").selectOption("true");
      await page.getByRole("searchbox").fill("إمساعد");
      await page.getByRole("searchbox").press("Enter");
      await page.getByRole("link", { name: reference }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("incidents-export-geojson").click(),
      ]);
      const geo = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
        features: { id: string; geometry: { coordinates: number[] } | null }[];
      };
      const feature = geo.features.find((f) => f.id === reference);
      expect(feature?.geometry?.coordinates).toEqual([25.0522, 31.5886]);
      await page.getByRole("link", { name: reference }).click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe(reference);

      // The pages at 390 px: no sideways scrolling, no English words, no ids shown.
      for (const url of [
        `/incidents`,
        `/incidents/map`,
        `/search?q=${encodeURIComponent("امساعد")}`,
        page.url(),
      ]) {
        const phone = await context.newPage();
        await phone.setViewportSize({ width: 390, height: 844 });
        await phone.goto(url.startsWith("/") ? `${demo.server.url}${url}` : url);
        await phone.getByTestId("page-title").waitFor();
        await phone.waitForLoadState("networkidle");
        const width = await phone.evaluate(() => document.documentElement.scrollWidth);
        expect(width, url).toBeLessThanOrEqual(390);
        const text = await phone.locator("main").innerText();
        // References and the usernames of the timeline are identifiers, not English words.
        // identifiers, file formats, and the map's attribution (names of organisations, marked lang="en")
        const data =
          /\b[A-Z]{2,4}-\d{4}-\d{6}\b|\b[a-z]+\.[a-z]+\b|\b(?:CSV|Excel|GeoJSON|OCHA|UNOSAT|MapLibre)\b|OpenStreetMap contributors/g;
        expect(text.replace(data, "")).not.toMatch(LATIN);
        expect(text).not.toMatch(UUID);
        await screenshot(
          phone,
          `incidents-390-${url === "/incidents" ? "list" : url === "/incidents/map" ? "map" : url.startsWith("/search") ? "search" : "page"}`,
        );
        await phone.close();
      }
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
