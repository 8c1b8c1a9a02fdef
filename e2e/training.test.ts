import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pdfToText } from "../server/documents/pdf-to-text";
import { logIn, logOut, screenshot, useDemoBrowser } from "./browser";

const TITLE = "دورة كشف الوثائق المزورة لعناصر المنافذ";

async function switchUser(page: Page, url: string, username: string, to: string) {
  await logOut(page);
  await logIn(page, url, username);
  await page.goto(to);
  await page.getByTestId("course-status").waitFor();
}

const rowOf = (page: Page, name: string) => page.getByTestId("nomination-row").filter({ hasText: name });

describe("training in Chromium (Arabic)", () => {
  const demo = useDemoBrowser();

  it(
    "the trainer opens a course, the director nominates two officers, one accepted and one wait-listed; attendance, results, a certificate verified signed out; forged and revoked codes refused",
    { timeout: 240_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const url = demo.server.url;

      // The trainer adds the course (one place) and opens it for nominations.
      await logIn(page, url, "trainer");
      await page.goto(`${url}/training`);
      await expect
        .poll(() => page.getByTestId("page-title").innerText())
        .toBe("الدورات التدريبية وورش العمل");
      await page.getByTestId("course-create").click();
      await page.getByTestId("course-title").fill(TITLE);
      await page.getByTestId("course-topic").selectOption("border_documents");
      await page.getByTestId("course-place").fill("منفذ أمساعد البري");
      await page.getByTestId("course-capacity").fill("1");
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await page.getByRole("link", { name: TITLE }).click();
      await page.getByTestId("course-open").click();
      await expect.poll(() => page.getByTestId("course-status").innerText()).toBe("مفتوحة للترشيح");
      const courseUrl = page.url();

      // director.tobruk puts two of his officers forward.
      await switchUser(page, url, "director.tobruk", courseUrl);
      for (const label of ["ملازم أحمد المسماري", "نقيب خالد العبيدي"]) {
        await page.getByTestId("nominate-person").selectOption({ label });
        await page.getByTestId("nominate-submit").click();
        await rowOf(page, label.split(" ").slice(1).join(" ")).waitFor();
      }
      await expect.poll(() => page.getByTestId("nomination-row").count()).toBe(2);

      // The trainer accepts the first and wait-lists the second.
      await switchUser(page, url, "trainer", courseUrl);
      await rowOf(page, "أحمد المسماري").getByTestId("nomination-accept").click();
      await expect
        .poll(() => rowOf(page, "أحمد المسماري").getByTestId("nomination-status").innerText())
        .toBe("مقبول");
      await rowOf(page, "خالد العبيدي").getByTestId("nomination-waitlist").click();
      await expect
        .poll(() => rowOf(page, "خالد العبيدي").getByTestId("nomination-status").innerText())
        .toBe("على قائمة الانتظار");

      // Attendance and results on the phone, then the course is completed.
      await page.getByTestId("course-start").click();
      await page.getByTestId("attendance-mark").first().selectOption("late");
      await page.getByTestId("attendance-save").click();
      await page.getByTestId("attendance-saved").waitFor();
      await page.getByTestId("result-outcome").first().selectOption("pass");
      await page.getByTestId("result-score").first().fill("90");
      await page.getByTestId("results-save").click();
      await page.getByTestId("results-saved").waitFor();
      await screenshot(page, "training-course-phone-ar");
      await page.getByTestId("course-complete").click();
      await expect.poll(() => page.getByTestId("course-status").innerText()).toBe("منتهية");

      // The certificate PDF: the holder's name and the course title, in logical order.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        rowOf(page, "أحمد المسماري").getByTestId("certificate-download").click(),
      ]);
      const pdf = await readFile((await download.path())!);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const text = (await pdfToText(pdf)).normalize("NFKC");
      expect(text).toContain("ملازم أحمد المسماري");
      expect(text).toContain(TITLE);
      const code = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(text)?.[0];
      expect(code).toBeDefined();

      // Signed out, in a fresh browser: the public page shows the five fields and nothing more, and no cookie.
      const visitor = await demo.browser.newContext({ viewport: { width: 390, height: 844 } });
      const outside = await visitor.newPage();
      await outside.goto(`${url}/verify/${code}`);
      await outside.getByTestId("verify-result").waitFor();
      expect(await outside.getByTestId("verify-name").innerText()).toBe("ملازم أحمد المسماري");
      expect(await outside.getByTestId("verify-course").innerText()).toBe(TITLE);
      expect(await outside.getByTestId("verify-validity").innerText()).toBe("شهادة صالحة");
      const shown = await outside.locator("body").innerText();
      for (const hidden of ["مديرية أمن طبرق", "90", "CRS-", "منفذ أمساعد البري", "حاضر", "متأخر"])
        expect(shown).not.toContain(hidden);
      expect(await visitor.cookies()).toEqual([]);
      await screenshot(outside, "training-verify-ar");

      // A forged code (last character changed) finds nothing.
      const forged = code!.slice(0, -1) + (code!.endsWith("0") ? "1" : "0");
      await outside.goto(`${url}/verify/${forged}`);
      await outside.getByTestId("verify-not-found").waitFor();

      // Revoked by the trainer, the same code is refused as not valid.
      await page.goto(`${url}/training/certificates`);
      await page
        .getByTestId("certificate-row")
        .filter({ hasText: code! })
        .getByTestId("certificate-revoke")
        .click();
      await page.getByTestId("revoke-reason").fill("صدرت بالخطأ");
      await page.getByTestId("revoke-confirm").click();
      await page.getByRole("dialog").waitFor({ state: "hidden" });
      await outside.goto(`${url}/verify/${code}`);
      await expect
        .poll(() => outside.getByTestId("verify-validity").innerText())
        .toBe("هذه الشهادة غير صالحة");
      expect(await outside.locator("body").innerText()).not.toContain("صدرت بالخطأ");

      expect(errors).toEqual([]);
      await visitor.close();
      await context.close();
    },
  );
});
