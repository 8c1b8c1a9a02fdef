import { generateSync } from "otplib";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, screenshot, useDemoBrowser } from "./browser";

// The sign-in page is its own small page (web/signin, issue 10 item 11). What the app's sign-in form did, it does:
// errors in the user's language, a language picked here kept for the account, the second factor (with digits as
// typed on an Arabic keyboard), and the way back to the page the visitor was going to.

const toArabicDigits = (text: string) => text.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);

describe("the sign-in page in Chromium", () => {
  const demo = useDemoBrowser();

  it(
    "on a phone in Arabic: a wrong password is said in Arabic; English picked here becomes the account's language",
    { timeout: 90_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));

      await page.goto(`${demo.server.url}/needs`);
      await page.getByTestId("login-username").waitFor();
      expect(new URL(page.url()).pathname).toBe("/login");
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      expect(await page.getByTestId("page-title").innerText()).toBe("تسجيل الدخول");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);

      await page.getByTestId("login-username").fill("officer.emsaed");
      await page.getByTestId("login-password").fill("not-the-password");
      await page.getByTestId("login-submit").click();
      const alert = page.getByTestId("login-error");
      await alert.waitFor();
      expect(await alert.getAttribute("role")).toBe("alert");
      expect(await alert.innerText()).toMatch(/[\u0600-\u06FF]/);
      expect(await alert.innerText()).not.toMatch(/[A-Za-z]/);
      expect(await page.getByTestId("login-username").inputValue()).toBe("officer.emsaed");
      await screenshot(page, "sign-in-ar-390-error", { fullPage: false });

      await page.getByTestId("lang-switch").click();
      expect(await page.getAttribute("html", "dir")).toBe("ltr");
      expect(await page.getByTestId("page-title").innerText()).toBe("Sign in");
      await page.getByTestId("login-password").fill(DEMO_PASSWORD);
      await page.getByTestId("login-submit").click();
      await page.waitForURL(/\/needs$/);
      await page.getByTestId("current-user").waitFor();
      expect(await page.getAttribute("html", "lang")).toBe("en");
      const me = await page.evaluate(
        async () => (await (await fetch("/api/auth/me")).json()) as { data: { language: string } },
      );
      expect(me.data.language).toBe("en");
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    "a user with a second factor is asked for the code; a wrong code is refused at the field; Arabic digits sign in",
    { timeout: 90_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));

      // director.tobruk turns on two-step verification (through the API, from a page of the app's origin)
      await page.goto(`${demo.server.url}/login`);
      const secret = await page.evaluate(async (password) => {
        const json = { "content-type": "application/json" };
        await fetch("/api/auth/login", {
          method: "POST",
          headers: json,
          body: JSON.stringify({ username: "director.tobruk", password }),
        });
        const setup = (await (await fetch("/api/auth/totp/setup", { method: "POST" })).json()) as {
          data: { secret: string };
        };
        return setup.data.secret;
      }, DEMO_PASSWORD);
      const now = Math.floor(Date.now() / 1000);
      // enabled with the previous step's code, so that the current one is still unused for signing in
      const enabled = await page.evaluate(
        async (code) => {
          const response = await fetch("/api/auth/totp/enable", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ code }),
          });
          await fetch("/api/auth/logout", { method: "POST" });
          return response.status;
        },
        generateSync({ secret, epoch: now - 30 }),
      );
      expect(enabled).toBe(200);

      await page.goto(`${demo.server.url}/tasks`);
      await page.getByTestId("login-username").fill("director.tobruk");
      await page.getByTestId("login-password").fill(DEMO_PASSWORD);
      expect(await page.getByTestId("login-totp").count()).toBe(0);
      await page.getByTestId("login-submit").click();
      const code = page.getByTestId("login-totp");
      await code.waitFor();
      expect(await page.getByTestId("login-submit").innerText()).toBe("تحقق ودخول");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
        "login-totp",
      );

      await code.fill("000000");
      await page.getByTestId("login-submit").click();
      await page.locator(".field-error").waitFor();
      expect(await page.getByTestId("login-error").count()).toBe(0);
      await screenshot(page, "sign-in-totp-wrong", { fullPage: false });

      await code.fill(toArabicDigits(generateSync({ secret, epoch: Math.floor(Date.now() / 1000) })));
      expect(await code.inputValue()).toMatch(/^\d{6}$/);
      await page.getByTestId("login-submit").click();
      await page.waitForURL(/\/tasks$/);
      await page.getByTestId("current-user").waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
