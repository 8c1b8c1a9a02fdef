import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser";
import { pageProblems, type Run } from "./crawl-checks";

// The crawl's checks, each broken on purpose in a page of its own: each must name its defect, and a clean Arabic
// page (references, e-mail addresses, account names and agency codes marked translate="no" are data) must pass.
const ARABIC: Run = { username: "director.tobruk", language: "ar", width: 390 };
const page = (body: string, lang = "ar") =>
  `<!doctype html><html lang="${lang}" dir="rtl"><head><meta charset="utf-8"><style>body{margin:0;font:14px sans-serif}</style></head><body>${body}</body></html>`;

describe("the crawl's checks", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  async function problemsOf(html: string, run: Run = ARABIC) {
    const context = await browser.newContext({ viewport: { width: run.width, height: 800 } });
    const tab = await context.newPage();
    await tab.setContent(html);
    const found = await pageProblems(tab, run);
    await context.close();
    return found;
  }

  it("passes a clean Arabic page with data in Latin letters", async () => {
    expect(
      await problemsOf(
        page(
          `<main><h1>المهمة TSK-2026-000004</h1><p>أنشأها director.tobruk — البريد ops@tobruk.gov.ly — تصدير CSV و PDF</p>
           <span translate="no">EMSAED</span><button lang="en">English</button>
           <span class="mantine-Badge-label" style="display:inline-block;overflow:hidden;white-space:nowrap">قيد التنفيذ</span></main>`,
        ),
      ),
    ).toEqual([]);
  });

  it.each([
    ["an error screen", `<div data-testid="page-error">الخدمة غير متاحة</div>`, /error screen/],
    ["a page wider than the phone", `<div style="width:540px">جدول</div>`, /540 px wide on a 390 px screen/],
    [
      "a cut badge",
      `<span class="mantine-Badge-label" style="display:inline-block;width:30px;overflow:hidden;white-space:nowrap">قيد التنفيذ</span>`,
      /badge cut: «قيد التنفيذ»/,
    ],
    ["a UUID", `<p>السجل 0192f3a4-5b6c-7d8e-9f01-23456789abcd</p>`, /UUID shown/],
    ["an internal key", `<p>الإجراء commitment.create</p>`, /internal keys shown: commitment\.create/],
    [
      "an English word in the Arabic interface",
      `<p>حالة OVERDUE</p>`,
      /English in the Arabic interface: OVERDUE/,
    ],
  ])("names %s", async (_name, body, expected) => {
    const found = await problemsOf(page(body));
    expect(found.join("\n")).toMatch(expected);
  });

  it("allows English words in the English interface, but not keys", async () => {
    const english: Run = { ...ARABIC, language: "en", width: 1366 };
    expect(await problemsOf(page(`<p>Overdue tasks</p>`, "en"), english)).toEqual([]);
    expect((await problemsOf(page(`<p>needs.category.other</p>`, "en"), english)).join()).toMatch(
      /internal keys/,
    );
  });
});
