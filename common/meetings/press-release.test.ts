import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ruleExtractor } from "../extraction";
import type { MeetingProposal, ProposedPerson } from "../extraction/types";
import type { DocumentHonour, DocumentPerson, MeetingDocumentInput } from "./document-input";
import { draftPressRelease } from "./press-release";
import { INTERNAL_SECURITY, MAYOR, MINISTER, MP, TOBRUK_MEETING } from "./tobruk-meeting.fixture";

function readBack(text: string): MeetingProposal {
  const result = ruleExtractor.extract(text, { publicationDate: "2024-01-14" });
  if (!result.ok) throw new Error(`the extractor refused the draft: ${result.error}`);
  return result.proposal;
}

const line = (p: { title?: string | null; rank?: string | null; name?: string | null }) =>
  [p.title, p.rank, p.name].filter(Boolean).join(" ");

describe("the Tobruk meeting drafted, then read back by the project's extractor", () => {
  const text = draftPressRelease(TOBRUK_MEETING, { publicationDate: "2024-01-14" });
  const m = readBack(text);
  const nameOf = (id: string | null) => m.people.find((p: ProposedPerson) => p.id === id)?.name;

  it("yields the same host", () => {
    expect(m.host).toMatchObject({ title: "وزير الداخلية", rank: "لواء", name: "عصام أبوزريبة" });
  });

  it("yields the same day, not a commitment's due date", () => {
    expect(m.date).toMatchObject({ weekday: "sunday", partOfDay: "morning", date: "2024-01-14" });
  });

  it("yields the same attendees, in order", () => {
    expect(m.people.filter((p) => p.role === "attendee").map(line)).toEqual(
      TOBRUK_MEETING.attendees.map(line),
    );
  });

  it("yields the same honours: the minister's درع التميز and the head of internal security's shield", () => {
    expect(m.honours.map((h) => [h.kind, nameOf(h.recipientPersonId), nameOf(h.giverPersonId)])).toEqual([
      ["shield", MINISTER.name, MAYOR.name],
      ["shield", INTERNAL_SECURITY.name, MAYOR.name],
    ]);
    expect(m.honours[0]!.title).toBe("درع التميز كأفضل شخصية لعام 2023");
  });

  it("yields each speaker's statement, and the pledges of the MP (legislation) and the minister (needs)", () => {
    expect(m.statements.map((s) => nameOf(s.speakerId))).toEqual([
      MAYOR.name,
      MP.name,
      INTERNAL_SECURITY.name,
      MINISTER.name,
    ]);
    const mp = m.people.find((p) => p.name === MP.name)!;
    expect(m.commitments.find((c) => c.ownerPersonId === mp.id)?.topic).toBe("legislation");
    expect(m.commitments.find((c) => c.ownerPersonId === m.host!.id)?.topic).toBe("needs");
  });

  it("reads like a security media office's release", () => {
    expect(text).toMatch(
      /^عقد وزير الداخلية بالحكومة الليبية، اللواء عصام أبوزريبة، اجتماعًا أمنيًا صباح اليوم الأحد بمقر مديرية أمن طبرق، بحضور وزير الأشغال العامة، ناصر شرح البال، ورئيس جهاز الأمن الداخلي/,
    );
    expect(text).toContain("بالإضافة إلى عدد من مدراء الإدارات ورؤساء الأجهزة الأمنية.");
    expect(text).toContain("وقال مكتب الإعلام الأمني إنه تم خلال الاجتماع مناقشة الأوضاع الأمنية");
    // a new turn for each speaker, never the same twice in a row
    expect(text).toContain("\nوأكد عميد بلدية طبرق على ضرورة تعزيز العمل الأمني");
    expect(text).toContain("\nمن جهته، شدد عضو مجلس النواب عن دائرة طبرق على ضرورة");
    expect(text).toContain("\nمن جانبه، أكد رئيس جهاز الأمن الداخلي أن طبرق");
    expect(text).toContain("\nوبدوره، أوضح وزير الداخلية أن الزيارة");
    // a clause that brings its own verb keeps it
    expect(text).toContain("وأشار إلى أن الأيام القادمة ستشهد");
    expect(text).toContain(
      "وتقرر خلال الاجتماع وضع خطة شاملة لمكافحة عمليات التهريب والاتجار بالبشر بمعبر أمساعد الحدودي، على أن تتولى مديرية أمن طبرق تنفيذه في موعد أقصاه 31 مارس 2024.",
    );
    expect(text).toContain("على أن يتولى مجلس النواب تنفيذه");
    // one shared reason for two people: "لجهوده" becomes "لجهودهما"
    expect(text).toMatch(
      /وفي ختام الاجتماع، قام عميد بلدية طبرق بتكريم وزير الداخلية بدرع التميز كأفضل شخصية لعام 2023، وقدم درع تقدير إلى رئيس جهاز الأمن الداخلي تقديرًا لجهودهما في دعم/,
    );
  });
});

describe("wording that follows the data", () => {
  const base: MeetingDocumentInput = {
    title: "اجتماع",
    startsAt: "2024-03-14T17:00:00Z", // Thursday 19:00 in Tripoli
    place: "بنغازي",
    host: { title: "مديرة أمن بنغازي", rank: "عقيد", name: "سعاد الفيتوري", gender: "female" },
    attendees: [{ title: "آمر منفذ امساعد", name: "خالد العبيدي" }],
  };

  it("says when: today, yesterday, or the weekday and date", () => {
    expect(draftPressRelease(base, { publicationDate: "2024-03-14" })).toContain(
      "مساء اليوم الخميس في مدينة بنغازي",
    );
    expect(draftPressRelease(base, { publicationDate: "2024-03-15" })).toContain("مساء أمس الخميس");
    expect(draftPressRelease(base)).toContain("مساء يوم الخميس الموافق 14 مارس 2024");
  });

  it("agrees with a woman who hosts, speaks and honours", () => {
    const text = draftPressRelease({
      ...base,
      statements: [
        { speaker: base.attendees[0]!, points: ["ضرورة تأمين المنفذ"] },
        { speaker: base.host, points: ["على أهمية التنسيق", "إلى تكثيف الدوريات"] },
      ],
      honours: [
        { kind: "certificate", title: "شهادة تقدير", recipient: base.attendees[0]!, giver: base.host },
      ],
    });
    expect(text).toMatch(/^عقدت مديرة أمن بنغازي، العقيد سعاد الفيتوري، اجتماعًا أمنيًا/);
    expect(text).toContain("وأكد آمر منفذ امساعد على ضرورة تأمين المنفذ.");
    expect(text).toContain("من جهتها، شددت مديرة أمن بنغازي على أهمية التنسيق، وأشارت إلى تكثيف الدوريات.");
    expect(text).toContain("قامت مديرة أمن بنغازي بتكريم آمر منفذ امساعد بشهادة تقدير.");
  });

  it("gives a second honour of the same kind as «… آخر», a different one by its name, and a medal with منح", () => {
    const a: DocumentPerson = { title: "مدير مكتب التدريب", name: "أحمد الفاخري" };
    const b: DocumentPerson = { title: "آمر قسم الدوريات", name: "علي الورفلي" };
    const c: DocumentPerson = { title: "رئيس فرع الهجرة", name: "نوري القماطي" };
    const giver = base.attendees[0]!;
    const honours: DocumentHonour[] = [
      { kind: "shield", title: "درع الوفاء", recipient: a, giver, reason: "لجهوده في التدريب" },
      { kind: "shield", title: "درع الوفاء", recipient: b, giver, reason: "لجهوده في التدريب" },
      { kind: "medal", title: "وسام الاستحقاق", recipient: c, giver, reason: "الجهود المبذولة" },
    ];
    const text = draftPressRelease({ ...base, attendees: [giver, a, b, c], honours });
    expect(text).toContain(
      "قام آمر منفذ امساعد بتكريم مدير مكتب التدريب بدرع الوفاء تقديرًا لجهوده في التدريب، وقدم درعًا آخر إلى آمر قسم الدوريات تقديرًا لجهوده في التدريب، ومنح وسام الاستحقاق إلى رئيس فرع الهجرة تقديرًا للجهود المبذولة.",
    );
  });

  it("leaves out dropped commitments and names a person who owns one", () => {
    const text = draftPressRelease({
      ...base,
      commitments: [
        { text: "إلغاء الدوريات الليلية", status: "dropped" },
        { text: "تركيب كاميرات مراقبة بالمنفذ", status: "open", ownerPerson: base.attendees[0]! },
      ],
    });
    expect(text).not.toContain("إلغاء الدوريات");
    expect(text).toContain(
      "وتقرر خلال الاجتماع تركيب كاميرات مراقبة بالمنفذ، على أن يتولى آمر منفذ امساعد متابعته.",
    );
  });
});

describe("any meeting", () => {
  const word = fc.string({
    unit: fc.constantFrom(..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى"),
    minLength: 2,
    maxLength: 8,
  });
  const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));
  const person: fc.Arbitrary<DocumentPerson> = fc.record({
    name,
    title: fc.option(
      fc.constantFrom("وزير الداخلية", "مدير أمن طبرق", "عميد بلدية درنة", "رئيس جهاز حرس الحدود"),
      {
        nil: null,
      },
    ),
    rank: fc.option(fc.constantFrom("لواء", "عقيد", "الرائد"), { nil: null }),
    body: fc.option(fc.constantFrom("الحكومة الليبية", "وزارة الداخلية"), { nil: null }),
    gender: fc.option(fc.constantFrom("male" as const, "female" as const), { nil: null }),
  });
  const text = fc.string({ maxLength: 60 });
  const meeting: fc.Arbitrary<MeetingDocumentInput> = fc.record({
    title: text,
    startsAt: fc.oneof(fc.date({ noInvalidDate: false }), fc.string({ maxLength: 30 })),
    place: fc.option(text, { nil: null }),
    venue: fc.option(text, { nil: null }),
    host: person,
    attendees: fc.array(person, { maxLength: 6 }),
    othersPresent: fc.option(text, { nil: null }),
    agenda: fc.array(text, { maxLength: 3 }),
    statements: fc.array(fc.record({ speaker: person, points: fc.array(text, { maxLength: 5 }) }), {
      maxLength: 4,
    }),
    commitments: fc.array(
      fc.record({
        text,
        ownerAgency: fc.option(text, { nil: null }),
        ownerPerson: fc.option(person, { nil: null }),
        dueDate: fc.option(fc.oneof(text, fc.constant("2024-02-30"), fc.constant("2024-05-01")), {
          nil: null,
        }),
        status: fc.constantFrom("open" as const, "in_progress" as const, "done" as const, "dropped" as const),
      }),
      { maxLength: 4 },
    ),
    honours: fc.array(
      fc.record({
        kind: fc.constantFrom("shield" as const, "certificate" as const, "medal" as const, "other" as const),
        title: text,
        recipient: person,
        giver: fc.option(person, { nil: null }),
        reason: fc.option(text, { nil: null }),
      }),
      { maxLength: 4 },
    ),
  });

  it("never throws, and names the host and every attendee", () => {
    fc.assert(
      fc.property(
        meeting,
        fc.option(fc.constantFrom("2024-01-14", "2024-01-15", "bad"), { nil: null }),
        (m, day) => {
          const draft = draftPressRelease(m, { publicationDate: day });
          for (const p of [m.host, ...m.attendees]) expect(draft).toContain(p.name);
          expect(draft.startsWith(m.host.gender === "female" ? "عقدت " : "عقد ")).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
