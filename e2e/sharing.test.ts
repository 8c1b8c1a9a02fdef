import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

describe("sharing a restricted record in Chromium (Arabic)", () => {
  const demo = useDemoBrowser();

  it(
    "director.tobruk shares a restricted task with another agency from the task's page, and unshares it",
    { timeout: 180_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, demo.server.url, "director.tobruk");
      // A restricted task of the director's own agency, made through the API from the page (same origin).
      const taskId = await page.evaluate(async () => {
        const me = (await (await fetch("/api/auth/me")).json()) as { data: { agencyId: string } };
        const response = await fetch("/api/v1/tasks", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            titleAr: "متابعة سرية لشبكة تهريب",
            agencyId: me.data.agencyId,
            sensitivity: "restricted",
          }),
        });
        return ((await response.json()) as { data: { id: string } }).data.id;
      });
      await page.goto(`${demo.server.url}/tasks/${taskId}`);
      const line = page.getByTestId("record-shares");
      await expect.poll(() => line.innerText()).toMatch(/مقيّد: لا تراه إلا جهته والقيادة/);
      await page.getByTestId("shares-edit").click();
      await page.getByTestId("shares-agencies").click();
      await page.getByRole("option").first().click();
      const chosen = await page.getByRole("option", { selected: true }).first().innerText();
      await page.getByRole("dialog").getByText("السجل المقيّد لا تراه").click(); // closes the options, not the dialog
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect.poll(() => line.innerText()).toContain(`مُشارَك مع: ${chosen.trim()}`);
      await screenshot(page, "sharing-task-shared");

      await page.getByTestId("shares-edit").click();
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).waitFor();
      await page.getByTestId("shares-agencies").click();
      await page.getByRole("option", { selected: true }).first().click(); // unchoose it
      await page.getByRole("dialog").getByText("السجل المقيّد لا تراه").click();
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect.poll(() => line.innerText()).toMatch(/مقيّد/);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
