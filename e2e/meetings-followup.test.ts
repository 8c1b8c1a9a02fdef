import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

const TOBRUK = readFileSync(
  new URL("../common/extraction/fixtures/00-tobruk-security-meeting.ar.txt", import.meta.url),
  "utf8",
);
const ATTENDEES = [
  "عصام أبوزريبة",
  "ناصر شرح البال",
  "أسامة الدرسي",
  "الصالحين عبد النبي",
  "فرج الخطابية",
  "موسى البدين",
];
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

describe("meetings from import to follow-up in Chromium (Arabic)", () => {
  const demo = useDemoBrowser();

  it(
    "director.tobruk imports the Tobruk release, links an attendee, saves, converts the minister's pledge to a task, and follows up overdue commitments",
    { timeout: 180_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, demo.server.url, "director.tobruk");

      // Import: paste the release and read it.
      await page.getByTestId("nav-meetings").click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe("الاجتماعات");
      await page.getByTestId("meetings-view-import").click();
      await page.getByTestId("import-text").fill(TOBRUK);
      await page.getByTestId("import-date").fill("2024-01-14");
      await page.getByTestId("import-extract").click();
      // The demo records this meeting already: the page warns; here the director records it again on purpose.
      await page.getByTestId("import-duplicate").waitFor();
      await page.getByTestId("import-anyway").click();
      await page.getByTestId("import-proposal").waitFor();
      expect(await page.getByTestId("attendee-card").count()).toBe(6);

      // Review: every attendee matching one personnel record exactly starts linked to it; the reviewer keeps
      // the head of internal security linked and makes the mayor a guest.
      const isa = page.getByTestId("attendee-card").filter({ hasText: "أسامة الدرسي" });
      expect(await isa.getByTestId("attendee-link-state").innerText()).toBe("مرتبط بسجل");
      const mayor = page.getByTestId("attendee-card").filter({ hasText: "فرج الخطابية" });
      await mayor.getByTestId("attendee-guest").check();
      expect(
        (await page.getByTestId("attendee-link-state").allInnerTexts()).filter((s) => s === "ضيف"),
      ).toHaveLength(1);
      // The minister's pledge gets a due date a month from now.
      const pledge = page.getByTestId("commitment-card").filter({ hasText: "استعداده الشخصي" });
      const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await pledge.getByTestId("commitment-due").fill(due);
      // The MP's offer to legislate is given a date already past: it will be overdue.
      const law = page.getByTestId("commitment-card").filter({ hasText: "مجلس النواب لوضع وتشريع" });
      await law.getByTestId("commitment-due").fill("2024-06-30");
      // The text names parliament, whose agency is proposed as owner; the directorate follows it up itself.
      const owner = law.getByTestId("commitment-owner-agency");
      expect(await owner.inputValue()).toContain("مجلس النواب - دائرة طبرق");
      await owner.click();
      await page.getByRole("option", { name: /^مديرية أمن طبرق/ }).click();
      expect(await owner.inputValue()).toContain("مديرية أمن طبرق");
      await pledge.getByTestId("commitment-text").focus();
      await expect
        .poll(() => page.getByTestId("import-source").locator("mark[data-kind=active]").innerText())
        .toContain("استعداده الشخصي");
      await screenshot(page, "meeting-review-ar", { fullPage: false });

      // Save: one request; the saved meeting opens.
      await page.getByTestId("meeting-save").click();
      await page.waitForURL(new RegExp(`/meetings/${UUID}$`));
      const meetingUrl = page.url();
      await page.getByTestId("meeting-attendees").waitFor();
      expect(await page.getByTestId("meeting-reference").innerText()).toMatch(/^MTG-\d{4}-\d{6}$/);
      const attendees = await page.getByTestId("meeting-attendees").innerText();
      for (const name of ATTENDEES) expect(attendees).toContain(name);
      const linked = page.getByTestId("meeting-attendee").filter({ hasText: "أسامة الدرسي" });
      expect(await linked.getByTestId("attendee-kind").innerText()).toBe("مرتبط بسجل");
      expect(await page.getByTestId("meeting-honour").count()).toBe(2);
      expect(await page.getByTestId("meeting-honours").innerText()).toContain(
        "درع التمييز كأفضل شخصية لعام 2023",
      );
      expect(await page.getByTestId("statement-group").count()).toBe(4);
      expect(await page.getByTestId("meeting-date").innerText()).toContain("2024");
      await screenshot(page, "meeting-saved-ar");
      // Downloads: the minutes as Excel and the meeting as an iCalendar event.
      await page.getByTestId("meeting-downloads").click();
      for (const [testId, type] of [
        ["meeting-minutes-xlsx", "spreadsheetml"],
        ["meeting-minutes-pdf", "application/pdf"],
        ["meeting-ics", "text/calendar"],
      ] as const) {
        const href = await page.getByTestId(testId).getAttribute("href");
        const response = await page.request.get(new URL(href!, demo.server.url).toString());
        expect(response.status()).toBe(200);
        expect(response.headers()["content-type"]).toContain(type);
      }
      // The press release drafted from the record, ready to edit.
      await page.getByTestId("meeting-press-release").click();
      await expect
        .poll(() => page.getByTestId("press-release-text").inputValue(), { timeout: 60_000 })
        .toContain("عصام أبوزريبة");
      await screenshot(page, "meeting-press-release-ar");
      await page.keyboard.press("Escape");
      await page.getByTestId("press-release-text").waitFor({ state: "detached" });

      // Convert the minister's pledge to a task: the task opens and says where it came from.
      const commitment = page.getByTestId("commitment-item").filter({ hasText: "استعداده الشخصي" });
      await commitment.getByTestId("commitment-convert-task").click();
      await page.getByRole("dialog").getByRole("button", { name: "تحويل إلى مهمة" }).click();
      await page.waitForURL(new RegExp(`/tasks/${UUID}$`));
      const taskUrl = page.url();
      await expect.poll(() => page.getByTestId("record-origin").innerText()).toMatch(/MTG-\d{4}-\d{6}/);
      await screenshot(page, "task-from-commitment-ar");

      // Back on the meeting, the commitment links to its task and no longer offers the conversion.
      await page.goto(meetingUrl);
      const converted = page.getByTestId("commitment-item").filter({ hasText: "استعداده الشخصي" });
      await converted.getByTestId("commitment-task-link").waitFor();
      expect(new URL(taskUrl).pathname).toBe(
        await converted.getByTestId("commitment-task-link").getAttribute("href"),
      );
      expect(await converted.getByTestId("commitment-convert-task").count()).toBe(0);
      await screenshot(page, "meeting-commitment-linked-ar");

      // Follow-up: the overdue list, region-wide, holds the demo region's overdue commitments and ours.
      await page.getByTestId("nav-commitments").click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe("متابعة الالتزامات");
      await page.getByTestId("followup-row").first().waitFor();
      const rows = page.getByTestId("followup-row");
      expect(await page.locator("[data-testid=followup-row][data-overdue=no]").count()).toBe(0);
      const demoRow = rows.filter({ hasText: "رفع تقرير أسبوعي بحركة العبور والمضبوطات إلى مديرية الأمن" });
      expect(await demoRow.getByTestId("commitment-overdue").innerText()).toBe("متأخر");
      // the crossing keeps that one: the directorate's manager sees it but takes no step on it
      expect(await demoRow.getByTestId("commitment-step-start").count()).toBe(0);
      expect(await page.getByTestId("followup-counts").innerText()).toContain("على مستوى الإقليم");
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      await screenshot(page, "commitments-followup-ar");

      // Inline steps on our own overdue commitment: start it, then drop it (a reason is required).
      const ours = rows.filter({ hasText: "مجلس النواب لوضع وتشريع" });
      await ours.getByTestId("commitment-step-start").click();
      await page.getByRole("dialog").getByRole("button", { name: "تأكيد" }).click();
      await expect
        .poll(() => ours.getByTestId("commitment-status").getAttribute("data-status"))
        .toBe("in_progress");
      await ours.getByTestId("commitment-step-drop").click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "تأكيد" }).click();
      await expect.poll(() => dialog.getByText("الحقل «السبب» مطلوب").count()).toBe(1);
      await page.getByTestId("commitment-reason").fill("يتابعه مجلس النواب ضمن طلب التشريع المسجل");
      await dialog.getByRole("button", { name: "تأكيد" }).click();
      await expect.poll(() => ours.count()).toBe(0);
      expect(await demoRow.count()).toBe(1);

      // The same page in English, left to right.
      await page.getByTestId("lang-switch").click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe("Commitments follow-up");
      expect(await page.getAttribute("html", "dir")).toBe("ltr");
      expect(await demoRow.getByTestId("commitment-overdue").innerText()).toMatch(/overdue/i);
      await screenshot(page, "commitments-followup-en");
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
