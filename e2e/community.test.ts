import { describe, expect, it } from "vitest";
import { solveWork } from "../common/community/proof-of-work";
import { logIn, screenshot, useDemoBrowser } from "./browser";

// Issue 15's flow in Chromium: signed out, a resident reports in Arabic on a phone and keeps the code;
// director.tobruk assigns, replies and converts it to an incident; the resident sees the reply on /track; the
// incident shows where it came from. Markup typed by the resident or by staff shows as text and runs nothing.

const XSS_TEXT = `شاحنات وقود تعبر ليلاً من طريق امساعد دون أوراق <img src=x onerror=alert(1)><script>alert(2)</script>`;
const REPLY = "شكراً لك، أحلنا بلاغك إلى الجهة المختصة <b>ونتابعه</b>";
/** Markup a resident or a staff member might type: each is stored and shown as the characters typed. */
const PAYLOADS = [
  `<script>alert("s")</script>`,
  `<img src=x onerror=alert(1)>`,
  `"><svg onload=alert(2)>`,
  `<iframe srcdoc="<script>alert(3)</script>"></iframe>`,
  `<a href="javascript:alert(4)">اضغط</a>`,
  `</textarea><body onload=alert(5)>`,
  `{{constructor.constructor('alert(6)')()}}`,
];

/** Sends a report as the public page does (challenge, proof of work, submit), from Node. */
async function sendReport(url: string, text: string) {
  const c = (await (await fetch(`${url}/api/public/community/challenge`)).json()) as {
    data: { challenge: string; bits: number };
  };
  const r = await fetch(`${url}/api/public/community/reports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      category: "threat",
      text,
      districtPcode: "LY0104",
      when: "today",
      challenge: c.data.challenge,
      nonce: solveWork(c.data.challenge, c.data.bits),
    }),
  });
  expect(r.status).toBe(201);
}

describe("community reports in Chromium", () => {
  const demo = useDemoBrowser();

  it(
    "a resident reports signed out and keeps the code; director.tobruk assigns, replies, converts; the resident sees the reply; the incident shows its origin",
    { timeout: 240_000 },
    async () => {
      const dialogs: string[] = [];
      const errors: string[] = [];
      const resident = await demo.browser.newContext({ viewport: { width: 390, height: 844 } });
      const phone = await resident.newPage();
      phone.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      phone.on("pageerror", (e) => errors.push(e.message));

      await phone.goto(`${demo.server.url}/report`);
      expect(
        await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual(["ar", "rtl"]);
      await phone.locator("#category").selectOption("smuggling");
      await phone.locator("#text").fill(XSS_TEXT);
      await phone.locator("#district").selectOption("LY0104");
      await phone.locator("#town").selectOption({ label: "امساعد" });
      await phone.locator("#when").selectOption("yesterday");
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(phone, "community-390-report");
      const started = Date.now();
      await phone.getByRole("button", { name: "إرسال البلاغ" }).click();
      await phone.locator("#tracking-code").waitFor();
      const elapsed = Date.now() - started;
      const code = (await phone.locator("#tracking-code").innerText()).trim();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect(await phone.getByText("احفظ هذا الرمز الآن").count()).toBe(1);
      expect(await resident.cookies()).toEqual([]);
      await screenshot(phone, "community-390-code");
      console.log(`report sent (challenge, proof of work, submit) in ${elapsed} ms`);

      const staff = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const desk = await staff.newPage();
      desk.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await logIn(desk, demo.server.url, "director.tobruk");
      // The directorate was notified of the new report in its district; the notification opens it.
      await desk.getByTestId("bell").click();
      await desk.getByTestId("notification").filter({ hasText: "بلاغ جديد من مواطن" }).first().click();
      await expect.poll(() => new URL(desk.url()).pathname).toMatch(/^\/community\/[0-9a-f-]{36}$/);
      await desk.goto(`${demo.server.url}/community`);
      await desk.getByTestId("community-row").first().waitFor();
      await desk.getByTestId("community-row").first().getByRole("link").click();
      await expect.poll(() => desk.getByTestId("community-text").innerText()).toBe(XSS_TEXT);
      const reference = (await desk.getByTestId("page-title").innerText()).trim();
      expect(reference).toMatch(/^CR-\d{4}-\d{6}$/);
      await desk.getByTestId("community-assign").click();
      await expect.poll(() => desk.getByTestId("community-assigned").innerText()).toBe("مديرية أمن طبرق");
      await desk.getByTestId("community-reply-text").fill(REPLY);
      await desk.getByTestId("community-reply").click();
      await expect.poll(() => desk.getByTestId("community-message-reply").innerText()).toContain(REPLY);
      await desk.getByTestId("community-convert-type").selectOption({ index: 1 });
      await desk.getByTestId("community-convert").click();
      await desk.getByTestId("community-incident").waitFor();
      await expect.poll(() => desk.getByTestId("community-status").innerText()).toMatch(/واقعة/);
      await screenshot(desk, "community-inbox-report");
      await desk.getByTestId("community-incident").click();
      await desk.getByTestId("incident-origin").waitFor();
      expect(await desk.getByTestId("incident-origin").innerText()).toContain(reference);
      expect(await desk.getByText(XSS_TEXT).count()).toBe(1);
      await screenshot(desk, "community-incident-origin");

      await phone.goto(`${demo.server.url}/track`);
      await phone.locator("#code").fill(code.toLowerCase());
      await phone.getByRole("button", { name: "عرض الحالة" }).click();
      await phone.locator("#track-status").waitFor();
      expect(await phone.locator("#track-status").innerText()).toBe("تحوّل إلى واقعة قيد المتابعة");
      expect(await phone.locator(".reply").innerText()).toContain(REPLY);
      expect(
        await phone.evaluate(() => document.querySelectorAll("main b, main img, main script").length),
      ).toBe(0);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(phone, "community-390-track");

      await phone.goto(`${demo.server.url}/track?lang=en`);
      expect(await phone.evaluate(() => document.documentElement.dir)).toBe("ltr");
      expect(await phone.getByRole("heading", { level: 1 }).innerText()).toBe("Follow a report");

      // Each payload as a report's text in the inbox, and as a public reply on /track: text, never markup.
      for (const payload of PAYLOADS) await sendReport(demo.server.url, `بلاغ: ${payload}`);
      const listed = (await desk.evaluate(() =>
        fetch("/api/v1/community-reports?pageSize=50").then((r) => r.json()),
      )) as { data: { id: string; text: string }[] };
      const residentReport = listed.data.find((r) => r.text === XSS_TEXT)!;
      for (const payload of PAYLOADS) {
        const report = listed.data.find((r) => r.text === `بلاغ: ${payload}`)!;
        await desk.goto(`${demo.server.url}/community/${report.id}`);
        await expect.poll(() => desk.getByTestId("community-text").innerText()).toBe(`بلاغ: ${payload}`);
        await desk.goto(`${demo.server.url}/community/${residentReport.id}`);
        await desk.getByTestId("community-reply-text").fill(payload);
        await desk.getByTestId("community-reply").click();
        await expect
          .poll(() => desk.getByTestId("community-message-reply").last().innerText())
          .toContain(payload);
      }
      await phone.goto(`${demo.server.url}/track`);
      await phone.locator("#code").fill(code);
      await phone.getByRole("button", { name: "عرض الحالة" }).click();
      await expect.poll(() => phone.locator(".reply").count()).toBe(PAYLOADS.length + 1);
      const shown = await phone.locator(".reply").allInnerTexts();
      for (const payload of PAYLOADS)
        expect(
          shown.some((text) => text.includes(payload)),
          payload,
        ).toBe(true);
      expect(
        await phone.evaluate(
          () =>
            document.querySelectorAll(
              "main img, main svg, main iframe, main script, main a[href^=javascript]",
            ).length,
        ),
      ).toBe(0);
      await screenshot(phone, "community-390-track-payloads");

      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await resident.close();
      await staff.close();
    },
  );
});
