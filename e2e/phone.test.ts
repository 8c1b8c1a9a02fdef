import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

const PHONE = { width: 390, height: 844 };

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
});
