import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

// Issue 8, item 12: the speaker boxes of the import review cut the speakers' names. On a desk each box shows the
// whole line (name and title); on a phone, at least the whole name, which comes first.

const TOBRUK = readFileSync(
  new URL("../common/extraction/fixtures/00-tobruk-security-meeting.ar.txt", import.meta.url),
  "utf8",
);

/** For each speaker box: its line, and by how many pixels it (and the name it starts with) is wider than the box. */
function speakerOverflow(page: Page) {
  return page.getByTestId("statement-speaker").evaluateAll((selects) =>
    selects.map((el) => {
      const select = el as HTMLSelectElement;
      const style = getComputedStyle(select);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.text ?? "";
      const room =
        select.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
      // The speaker's rank and name come first, then " — " and the title.
      const name = text.split(" — ")[0]!;
      return {
        text,
        over: Math.ceil(context.measureText(text).width - room),
        nameOver: Math.ceil(context.measureText(name).width - room),
      };
    }),
  );
}

describe("the import review's speaker boxes in Chromium", () => {
  const demo = useDemoBrowser();

  it("show each speaker's whole name at 1366 and at 390 px", { timeout: 120_000 }, async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await logIn(page, demo.server.url, "director.tobruk");
    await page.goto(`${demo.server.url}/meetings/import`);
    await page.getByTestId("import-text").fill(TOBRUK);
    await page.getByTestId("import-date").fill("2024-01-14");
    await page.getByTestId("import-extract").click();
    await page.getByTestId("import-anyway").click(); // the demo already records this meeting
    await page.getByTestId("import-proposal").waitFor();
    await page.getByTestId("statement-speaker").first().waitFor();
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByTestId("statement-card").first().scrollIntoViewIfNeeded();
      await screenshot(page, `meeting-import-speakers-${width}`, { fullPage: false });
      const boxes = await speakerOverflow(page);
      expect(boxes.length).toBeGreaterThan(0);
      expect(boxes.filter((b) => b.text !== "" && b.text.length > 3).length).toBeGreaterThan(0);
      // On a desk the whole line shows; on a phone at least the whole name (a long title may be cut at its end).
      const cut = boxes.filter((b) => (width === 1366 ? b.over : b.nameOver) > 0);
      expect(cut, `${width} px`).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
