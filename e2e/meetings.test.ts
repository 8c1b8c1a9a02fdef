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
    "director.tobruk pastes the Tobruk release and reviews the proposed host, attendees and two honours",
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
      await page.getByTestId("import-proposal").waitFor();
      expect(await page.getByTestId("import-host").innerText()).toBe("وزير الداخلية لواء عصام أبوزريبة");
      const attendees = await page.getByTestId("import-attendees").innerText();
      for (const name of [
        "ناصر شرح البال",
        "أسامة الدرسي",
        "الصالحين عبد النبي",
        "فرج الخطابية",
        "موسى البدين",
      ]) {
        expect(attendees).toContain(name);
      }
      expect(await page.getByTestId("import-honours").locator("li").count()).toBe(2);
      expect(await page.getByTestId("import-honours").innerText()).toContain(
        "درع التمييز كأفضل شخصية لعام 2023",
      );
      // the source is shown with its spans highlighted
      expect(await page.getByTestId("import-source").locator("mark[data-kind=honour]").count()).toBe(2);
      await screenshot(page, "meeting-import-ar");
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
