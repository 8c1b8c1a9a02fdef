import { describe, expect, it } from "vitest";
import { logIn, logOut, screenshot, useDemoBrowser } from "./browser";

describe("the bilingual shell in Chromium", () => {
  const demo = useDemoBrowser();

  it(
    "director.tobruk signs in to the Arabic RTL shell, switches to English LTR, and signs out",
    { timeout: 90_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));

      await page.goto(demo.server.url);
      await page.getByTestId("login-username").waitFor();
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      expect(await page.getAttribute("html", "lang")).toBe("ar");
      await screenshot(page, "login-ar");

      await logIn(page, demo.server.url, "director.tobruk");
      await expect.poll(() => page.getByTestId("current-user").innerText()).toContain("مدير أمن طبرق");
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      // A manager sees the directory, not the audit log.
      expect(await page.getByTestId("nav-agencies").isVisible()).toBe(true);
      expect(await page.getByTestId("nav-audit").count()).toBe(0);
      await page.getByTestId("nav-agencies").click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toMatch(/الجهات/);
      await page.getByText("مديرية أمن طبرق").first().waitFor();
      const direction = await page.evaluate(() => getComputedStyle(document.body).direction);
      expect(direction).toBe("rtl");
      await screenshot(page, "shell-ar");

      await page.getByTestId("lang-switch").click();
      await expect.poll(() => page.getAttribute("html", "dir")).toBe("ltr");
      expect(await page.getAttribute("html", "lang")).toBe("en");
      await expect
        .poll(() => page.getByTestId("current-user").innerText())
        .toContain("Tobruk Security Director");
      await expect.poll(() => page.getByTestId("page-title").innerText()).toMatch(/Agencies/);
      await page.getByText("Tobruk Security Directorate").first().waitFor();
      await screenshot(page, "shell-en");

      // The choice is remembered for the user: a new sign-in comes back in English.
      await logOut(page);
      const me = await page.evaluate(async () => (await fetch("/api/auth/me")).status);
      expect(me).toBe(401);
      await logIn(page, demo.server.url, "director.tobruk");
      await expect.poll(() => page.getAttribute("html", "dir")).toBe("ltr");
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
