import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

const TOBRUK = readFileSync(
  new URL("../common/extraction/fixtures/00-tobruk-security-meeting.ar.txt", import.meta.url),
  "utf8",
);

describe("importing a meeting from an Arabic press release in Chromium", () => {
  const demo = useDemoBrowser();

  it(
    "director.tobruk pastes the Tobruk release and reviews the proposed host, attendees and two honours beside the highlighted source",
    { timeout: 90_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, demo.server.url, "director.tobruk");
      await page.getByTestId("nav-meetingsImport").click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toContain("استيراد اجتماع");
      await page.getByTestId("import-text").fill(TOBRUK);
      await page.getByTestId("import-date").fill("2024-01-14");
      await page.getByTestId("import-extract").click();
      // the demo already records this meeting: the page says so and offers it before any review
      const duplicate = page.getByTestId("import-duplicate");
      await duplicate.waitFor();
      expect(await duplicate.innerText()).toContain("اجتماع وزير الداخلية في طبرق");
      expect(await page.getByTestId("import-open-existing").getAttribute("href")).toMatch(
        /^\/meetings\/[0-9a-f-]{36}$/,
      );
      expect(await page.getByTestId("import-proposal").count()).toBe(0);
      await page.getByTestId("import-anyway").click();
      await page.getByTestId("import-proposal").waitFor();

      const host = page.getByTestId("meeting-host");
      expect(await host.locator("option:checked").innerText()).toBe("وزير الداخلية لواء عصام أبوزريبة");
      const names = await page.getByTestId("attendee-card").allInnerTexts();
      for (const name of [
        "ناصر شرح البال",
        "أسامة الدرسي",
        "الصالحين عبد النبي",
        "فرج الخطابية",
        "موسى البدين",
      ]) {
        expect(names.some((text) => text.includes(name))).toBe(true);
      }
      // each attendee with a 100 % match in the directory starts linked; the reviewer can undo one
      expect(await page.getByTestId("attendee-link-state").allInnerTexts()).toEqual(
        Array(6).fill("مرتبط بسجل"),
      );
      await page.getByTestId("attendee-guest").nth(1).click();
      await expect
        .poll(() => page.getByTestId("attendee-link-state").allInnerTexts())
        .toEqual(["مرتبط بسجل", "ضيف", "مرتبط بسجل", "مرتبط بسجل", "مرتبط بسجل", "مرتبط بسجل"]);
      expect(await page.getByTestId("honour-card").count()).toBe(2);
      expect(await page.getByTestId("honour-title").first().inputValue()).toBe(
        "درع التمييز كأفضل شخصية لعام 2023",
      );
      // the source is shown with its spans highlighted; the honour being edited stands out
      expect(await page.getByTestId("import-source").locator("mark[data-kind=honour]").count()).toBe(2);
      await page.getByTestId("honour-title").first().focus();
      await expect
        .poll(() => page.getByTestId("import-source").locator("mark[data-kind=active]").innerText())
        .toContain("درع التمييز");
      expect(await page.getByTestId("import-source").locator("mark[data-kind=honour]").count()).toBe(1);
      await screenshot(page, "meeting-import-ar", { fullPage: false });
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
