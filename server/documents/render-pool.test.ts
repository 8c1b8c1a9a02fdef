import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type TestApp } from "../test/app";
import { signedIn } from "../test/factories";
import { buildMeeting } from "../test/meetings-factories";
import { pdfToText } from "./pdf-to-text";

/** A press release as long as the form allows: about a second of CPU to draw. */
const LONG_TEXT = Array.from(
  { length: 700 },
  (_, i) => `ترأس وزير الداخلية الاجتماع الأمني رقم ${i + 1} بمديرية أمن طبرق لمتابعة خطة منفذ امساعد. `,
)
  .join("")
  .slice(0, 50_000);

describe("PDFs are drawn off the event loop and limited per user (issue 9, item 9)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { documents: { perUserPerMinute: 4, workers: 2 } } });
  });
  afterAll(() => t.close());

  it("three 50,000-character press releases at once: each a PDF, and /api/health answers within 300 ms throughout", async () => {
    const { user, session } = await signedIn(t.app, t.db, "officer");
    const meeting = await buildMeeting(t.db, { agencyId: user.agencyId! });
    // Warm the workers (fonts, modules) so that the measure is of drawing, not of starting.
    expect(
      (
        await call(t.app, session, "POST", `/api/v1/meetings/${meeting.id}/press-release.pdf`, {
          text: "تجربة",
        })
      ).statusCode,
    ).toBe(200);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let rendering = true;
    const health: number[] = [];
    const probe = (async () => {
      while (rendering) {
        const started = performance.now();
        const response = await t.app.inject({ method: "GET", url: "/api/health" });
        expect(response.statusCode).toBe(200);
        health.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = performance.now();
    const pdfs = await Promise.all(
      [1, 2, 3].map(() =>
        call(t.app, session, "POST", `/api/v1/meetings/${meeting.id}/press-release.pdf`, { text: LONG_TEXT }),
      ),
    );
    const elapsed = performance.now() - started;
    rendering = false;
    await probe;
    delay.disable();

    for (const pdf of pdfs) {
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    }
    expect(await pdfToText(pdfs[0]!.rawPayload)).toContain("منفذ امساعد");
    const worstHealthMs = Math.max(...health);
    const worstStallMs = delay.max / 1e6;
    console.log(
      `render pool: 3 × 50k-character PDFs in ${Math.round(elapsed)} ms; ${health.length} health checks, slowest ${Math.round(worstHealthMs)} ms; longest event-loop stall ${Math.round(worstStallMs)} ms`,
    );
    expect(health.length).toBeGreaterThanOrEqual(3);
    expect(worstHealthMs).toBeLessThan(300);
    expect(worstStallMs).toBeLessThan(300);
  }, 120_000);

  it("beyond the per-user limit a user gets 429 with Retry-After; another user still gets their PDF", async () => {
    const { user, session } = await signedIn(t.app, t.db, "officer");
    const meeting = await buildMeeting(t.db, { agencyId: user.agencyId! });
    const url = `/api/v1/meetings/${meeting.id}/minutes.pdf`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(t.app, session, "GET", url)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const refused = await call(t.app, session, "GET", url);
    expect(refused.json().error.code).toBe("rate_limited");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);

    const other = await signedIn(t.app, t.db, "officer", user.agencyId!);
    expect((await call(t.app, other.session, "GET", url)).statusCode).toBe(200);
  }, 60_000);
});
