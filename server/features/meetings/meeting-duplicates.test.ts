import { readFileSync } from "node:fs";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../demo/seed-demo";
import { call, createTestApp, login, type Session, type TestApp } from "../../test/app";
import { auditCount } from "../../test/factories";
import { users } from "../users";
import { findDuplicateMeetings } from "./find-duplicate-meetings";
import { meetings } from "./meetings.table";

// The press release the demo's Tobruk meeting was recorded from (the same text as
// ../shared/fixtures/tobruk-security-meeting.ar.txt).
const TOBRUK = readFileSync("common/extraction/fixtures/00-tobruk-security-meeting.ar.txt", "utf8");

type Extracted = {
  duplicates: { id: string; reference: string; titleAr: string }[];
  proposal: {
    people: { name: string | null; personnelMatches: { exact: boolean }[] }[];
    commitments: { ownerBody: string | null; agencyMatches: { name: string }[]; dueOn: string | null }[];
  };
};

describe("importing a meeting that is already recorded", () => {
  let t: TestApp;
  let director: Session;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), "demo-password-1", "recent");
    director = await login(t.app, "director.tobruk", "demo-password-1");
  });
  afterAll(() => t.close());

  const extract = async (text: string, publicationDate: string) => {
    const response = await call(t.app, director, "POST", "/api/v1/meetings/extract", {
      text,
      publicationDate,
    });
    expect(response.statusCode).toBe(200);
    return response.json().data as Extracted;
  };
  const meetingCount = async () => (await t.db.select({ n: count() }).from(meetings))[0]!.n;

  it("proposes the seeded Tobruk meeting instead of a second record, and writes nothing", async () => {
    const [before, audits] = [await meetingCount(), await auditCount(t.db)];
    const extracted = await extract(TOBRUK, "2024-01-14");
    expect(extracted.duplicates).toEqual([
      expect.objectContaining({
        titleAr: "اجتماع وزير الداخلية في طبرق",
        reference: expect.stringMatching(/^MTG-/),
      }),
    ]);
    const seeded = await call(t.app, director, "GET", `/api/v1/meetings/${extracted.duplicates[0]!.id}`);
    expect(seeded.json().data).toMatchObject({
      hostName: "عصام أبوزريبة",
      startsAt: "2024-01-14T07:00:00.000Z",
    });
    expect([await meetingCount(), await auditCount(t.db)]).toEqual([before, audits]);
  });

  it("finds it with the title written otherwise (diacritics, hamza, another preposition)", async () => {
    const retitled = TOBRUK.replace("في طبرق", "بطبرق");
    const extracted = await extract(retitled, "2024-01-14");
    expect(extracted.duplicates).toHaveLength(1);
  });

  it("proposes none for another day, and none for another host on the same day", async () => {
    // «صباح اليوم الأحد» published a week later: the meeting of 21 January
    expect((await extract(TOBRUK, "2024-01-21")).duplicates).toEqual([]);
    const [actor] = await t.db.select().from(users).limit(1);
    const minister = {
      ...actor!,
      role: "leadership" as const,
      sessionId: "s",
      mustEnrollTotp: false,
    } as never;
    const same = { title: "اجتماع وزير الداخلية في طبرق", day: "2024-01-14" };
    expect(
      await findDuplicateMeetings(t.db, minister, { ...same, host: { name: "عصام أبوزريبة", title: null } }),
    ).toHaveLength(1);
    expect(
      await findDuplicateMeetings(t.db, minister, { ...same, host: { name: "فرج الخطابية", title: null } }),
    ).toEqual([]);
    expect(
      await findDuplicateMeetings(t.db, minister, {
        ...same,
        title: "ورشة تدريبية حول مكافحة الهجرة غير الشرعية",
        host: { name: "عصام أبوزريبة", title: null },
      }),
    ).toEqual([]);
  });

  it("proposes every attendee's exact personnel match, and the agency a commitment names", async () => {
    const { proposal } = await extract(TOBRUK, "2024-01-14");
    expect(proposal.people.map((p) => p.personnelMatches.filter((m) => m.exact).length)).toEqual([
      1, 1, 1, 1, 1, 1,
    ]);
    const parliament = proposal.commitments.find((c) => c.ownerBody === "مجلس النواب")!;
    expect(parliament.agencyMatches[0]).toMatchObject({ name: expect.stringContaining("مجلس النواب") });
    const dated = await extract(
      `${TOBRUK}\nوتقرر رفع تقرير عن احتياجات المديرية بحلول 31 مارس 2024.`,
      "2024-01-14",
    );
    expect(dated.proposal.commitments.map((c) => c.dueOn)).toContain("2024-03-31");
  });
});
