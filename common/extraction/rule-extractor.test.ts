import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldArabic } from "../arabic";
import { EXTRACTION_MAX_CHARS, ruleExtractor } from "./index";
import type { MeetingProposal, ProposedPerson } from "./types";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const TOBRUK = readFileSync(here("fixtures/00-tobruk-security-meeting.ar.txt"), "utf8");

function proposalOf(text: string, publicationDate: string | null = null): MeetingProposal {
  const result = ruleExtractor.extract(text, { publicationDate });
  if (!result.ok) throw new Error(`extraction failed: ${result.error}`);
  return result.proposal;
}

const personLine = (p: ProposedPerson) => [p.title, p.rank, p.name].filter(Boolean).join(" ");
const byTitle = (m: MeetingProposal, title: string) => m.people.find((p) => p.title === title);

describe("Tobruk press release (the fixture)", () => {
  // Published on Sunday 14 January 2024 in this test; the words say "صباح اليوم الأحد".
  const m = proposalOf(TOBRUK, "2024-01-14");

  it("proposes the host: وزير الداخلية, لواء عصام أبوزريبة", () => {
    expect(m.host).toMatchObject({
      title: "وزير الداخلية",
      rank: "لواء",
      name: "عصام أبوزريبة",
      role: "host",
    });
    expect(TOBRUK.slice(m.host!.span.start, m.host!.span.end)).toContain("عصام أبوزريبة");
  });

  it("proposes the five attendees with titles, names exactly as written", () => {
    const attendees = m.people.filter((p) => p.role === "attendee");
    expect(attendees.map(personLine)).toEqual([
      "وزير الأشغال العامة ناصر شرح البال",
      "رئيس جهاز الأمن الداخلي أسامة الدرسي",
      "عضو مجلس النواب عن دائرة طبرق الصالحين عبد النبي",
      "عميد البلدية فرج الخطابية",
      "مدير أمن طبرق لواء موسى البدين",
    ]);
    for (const a of attendees) expect(TOBRUK).toContain(a.name!);
    expect(byTitle(m, "مدير أمن طبرق")).toMatchObject({ rank: "لواء", name: "موسى البدين" });
  });

  it("proposes the day: Sunday morning, resolved against the publication date", () => {
    expect(m.date).toMatchObject({ weekday: "sunday", partOfDay: "morning", date: "2024-01-14" });
    expect(TOBRUK.slice(m.date!.span.start, m.date!.span.end)).toBe("صباح اليوم الأحد");
    // published the next Tuesday: "اليوم الأحد" still says Sunday, and a warning says the weekday does not fit
    const later = ruleExtractor.extract(TOBRUK, { publicationDate: "2024-01-16" });
    expect(later.ok && later.warnings).toContain("weekday_mismatch");
  });

  it("takes the day of the meeting, not a deadline written as a date", () => {
    const text = `${TOBRUK}\nوتقرر رفع تقرير عن الاحتياجات بحلول 31 مارس 2024.`;
    expect(proposalOf(text, "2024-01-14").date).toMatchObject({ weekday: "sunday", date: "2024-01-14" });
    const dated =
      "عقد وزير الداخلية يوم الأحد 14 يناير 2024 اجتماعاً أمنياً بحضور مدير أمن طبرق، وتقرر إنجاز الخطة قبل 31 مارس 2024.";
    expect(proposalOf(dated).date).toMatchObject({ weekday: "sunday", date: "2024-01-14" });
    const onlyDeadline =
      "عقد وزير الداخلية صباح اليوم الأحد اجتماعاً أمنياً بحضور مدير أمن طبرق، على أن تنجز الخطة بحلول 2024-03-31.";
    expect(proposalOf(onlyDeadline, "2024-01-14").date).toMatchObject({
      weekday: "sunday",
      date: "2024-01-14",
    });
  });

  it("proposes the place: Tobruk", () => {
    expect(m.place).toMatchObject({ text: "طبرق", districtPcode: "LY0104", nameEn: "Tobruk" });
  });

  it("proposes statements by the mayor, the MP, the head of internal security and the minister, each with its sentences", () => {
    const speaker = (id: string | null) => m.people.find((p) => p.id === id)?.name;
    expect(m.statements.map((s) => [speaker(s.speakerId), s.sentences.length])).toEqual([
      ["فرج الخطابية", 1],
      ["الصالحين عبد النبي", 3],
      ["أسامة الدرسي", 2],
      ["عصام أبوزريبة", 4],
    ]);
    const mayor = m.statements[0]!;
    expect(mayor.speakerText).toBe("عميد بلدية طبرق");
    expect(mayor.sentences[0]!.text).toContain("معبر أمساعد الحدودي");
    const minister = m.statements[3]!;
    expect(minister.sentences.map((s) => s.text.slice(0, 7))).toEqual([
      "أكد وزي",
      "أشار إل",
      "شدد على",
      "شدد على",
    ]);
    for (const s of m.statements)
      for (const x of s.sentences) expect(TOBRUK.slice(x.span.start, x.span.end)).toBe(x.text);
  });

  it("proposes the commitments of the MP (legislation) and of the minister (meeting the needs)", () => {
    const mp = byTitle(m, "عضو مجلس النواب عن دائرة طبرق")!;
    const minister = m.host!;
    const fromMp = m.commitments.find((c) => c.ownerPersonId === mp.id)!;
    expect(fromMp).toMatchObject({ topic: "legislation", ownerBody: "مجلس النواب" });
    expect(fromMp.text).toContain("تشريع القوانين");
    const fromMinister = m.commitments.find((c) => c.ownerPersonId === minister.id)!;
    expect(fromMinister.topic).toBe("needs");
    expect(fromMinister.text).toContain("لتلبية احتياجات مديرية الأمن");
  });

  it("proposes two honours: the minister's درع as best personality of 2023, the head of internal security's shield", () => {
    const mayor = byTitle(m, "عميد البلدية")!;
    const head = byTitle(m, "رئيس جهاز الأمن الداخلي")!;
    expect(m.honours).toHaveLength(2);
    expect(m.honours[0]).toMatchObject({
      kind: "shield",
      title: "درع التمييز كأفضل شخصية لعام 2023",
      recipientPersonId: m.host!.id,
      giverPersonId: mayor.id,
    });
    expect(m.honours[1]).toMatchObject({
      kind: "shield",
      recipientPersonId: head.id,
      giverPersonId: mayor.id,
    });
    expect(m.honours[1]!.reason).toMatch(/^تقديرًا لجهودهما/);
  });
});

// The further reports: for each, the expected attendees (title rank name) and honours (kind → recipient name).
const FURTHER: {
  file: string;
  host: string;
  attendees: string[];
  honours: string[];
  date: object;
  place: string;
}[] = [
  {
    file: "01-derna-receives-mayor.ar.txt",
    host: "مدير أمن درنة عميد سالم المنصوري",
    attendees: [
      "عميد بلدية درنة عبد الرحمن الغيثي",
      "آمر قسم الدوريات مقدم خالد بن عامر",
      "رئيس فرع جهاز الهجرة غير الشرعية بدرنة حسين العبيدي",
    ],
    honours: ["certificate → سالم المنصوري by عبد الرحمن الغيثي"],
    date: { weekday: "tuesday", partOfDay: "morning", date: "2024-03-12" },
    place: "درنة",
  },
  {
    file: "02-benghazi-border-coordination.ar.txt",
    host: "وكيل وزارة الداخلية لشؤون المديريات لواء فرج قعيم",
    attendees: [
      "مدير أمن بنغازي عميد صلاح هويدي",
      "رئيس جهاز حرس الحدود لواء محمد الشريف",
      "مدير إدارة مكافحة الهجرة غير الشرعية عقيد علي الورفلي",
    ],
    honours: [],
    date: { weekday: "thursday", partOfDay: "evening", date: "2024-03-14" },
    place: "بنغازي",
  },
  {
    file: "03-tobruk-training-workshop.ar.txt",
    host: "رئيس جهاز الأمن الداخلي فرع طبرق عقيد يونس الحاسي",
    attendees: [
      "مدير أمن طبرق لواء موسى البدين",
      "آمر منفذ أمساعد البري مقدم عبد السلام بوحليقة",
      "مدير مكتب التدريب رائد أحمد الفاخري",
    ],
    honours: ["medal → عبد السلام بوحليقة by موسى البدين"],
    date: { weekday: "saturday", partOfDay: "morning", date: "2024-03-09" },
    place: "طبرق",
  },
  {
    file: "04-kufra-municipal-council.ar.txt",
    host: "عميد بلدية الكفرة مسعود عبيد",
    attendees: ["مدير أمن الكفرة عميد الطاهر الزوي", "عضو مجلس النواب عن دائرة الكفرة عبد الله أبو بكر"],
    honours: [],
    date: { weekday: "monday", partOfDay: null, date: "2024-03-11" },
    place: "الكفرة",
  },
  {
    file: "05-misrata-coast-guard.ar.txt",
    host: "مدير أمن مصراتة عميد عمر الشركسي",
    attendees: ["قائد حرس السواحل عقيد مصطفى الدرسي", "مدير مكتب الهجرة بمصراتة نوري القماطي"],
    honours: ["shield → مصطفى الدرسي by عمر الشركسي", "certificate → نوري القماطي by عمر الشركسي"],
    date: { weekday: null, partOfDay: null, date: "2024-03-12" },
    place: "مصراتة",
  },
];

const PUBLISHED: Record<string, string> = {
  "01-derna-receives-mayor.ar.txt": "2024-03-13",
  "02-benghazi-border-coordination.ar.txt": "2024-03-14",
  "03-tobruk-training-workshop.ar.txt": "2024-03-09",
  "04-kufra-municipal-council.ar.txt": "2024-03-11",
  "05-misrata-coast-guard.ar.txt": "2024-03-13",
};

describe("further reports with different phrasing (provenance in fixtures/README.md)", () => {
  it.each(FURTHER)(
    "$file: host, attendees, honours, date and place",
    ({ file, host, attendees, honours, date, place }) => {
      const text = readFileSync(here(`fixtures/${file}`), "utf8");
      const m = proposalOf(text, PUBLISHED[file]!);
      const name = (id: string | null) => m.people.find((p) => p.id === id)?.name ?? "?";
      expect(personLine(m.host!)).toBe(host);
      expect(m.people.filter((p) => p.role === "attendee").map(personLine)).toEqual(attendees);
      expect(
        m.honours.map((h) => `${h.kind} → ${name(h.recipientPersonId)} by ${name(h.giverPersonId)}`),
      ).toEqual(honours);
      expect(m.date).toMatchObject(date);
      expect(m.place?.text).toBe(place);
      // every statement has a resolved speaker and its text is the source span
      for (const s of m.statements) {
        expect(s.speakerId).not.toBeNull();
        for (const x of s.sentences) expect(text.slice(x.span.start, x.span.end)).toBe(x.text);
      }
    },
  );
});

describe("robustness: a clear result within 2 s, never a crash", () => {
  const timed = (text: string) => {
    const t0 = performance.now();
    const result = ruleExtractor.extract(text, { publicationDate: "2024-01-14" });
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(2000);
    return result;
  };

  it("empty text → extraction_empty", () => {
    expect(timed("")).toEqual({ ok: false, error: "extraction_empty" });
    expect(timed("   \n\t ")).toEqual({ ok: false, error: "extraction_empty" });
  });

  it("non-Arabic text → extraction_not_arabic", () => {
    expect(timed("The Interior Minister met the mayor of Tobruk on Sunday morning.")).toEqual({
      ok: false,
      error: "extraction_not_arabic",
    });
  });

  it("Arabic text with no meeting in it → extraction_no_meeting", () => {
    expect(
      timed("الطقس في طبرق معتدل اليوم مع رياح خفيفة على الساحل، ودرجات الحرارة مستقرة طوال الأسبوع."),
    ).toEqual({
      ok: false,
      error: "extraction_no_meeting",
    });
  });

  it("1 MB of text → extraction_too_long; the largest accepted text is read within 2 s", () => {
    const mb = TOBRUK.repeat(Math.ceil(1_048_576 / TOBRUK.length)).slice(0, 1_048_576);
    expect(timed(mb)).toEqual({ ok: false, error: "extraction_too_long" });
    const largest = TOBRUK.repeat(Math.floor(EXTRACTION_MAX_CHARS / TOBRUK.length));
    const result = timed(largest);
    expect(result.ok).toBe(true);
  });

  it("random Unicode never throws and spans stay inside the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 400 }),
          fc.string({
            unit: fc.constantFrom(..."عقد وزير الداخلية، لواء بحضور ورئيس جهاز أكد بتكريم بدرع.\n"),
            maxLength: 400,
          }),
        ),
        (s) => {
          const r = ruleExtractor.extract(s, { publicationDate: "2024-01-14" });
          if (r.ok) {
            const spans = [
              ...r.proposal.people.map((p) => p.span),
              ...r.proposal.statements.flatMap((x) => x.sentences.map((y) => y.span)),
              ...r.proposal.honours.map((h) => h.span),
              ...r.proposal.commitments.map((c) => c.span),
            ];
            for (const sp of spans) {
              expect(sp.start).toBeGreaterThanOrEqual(0);
              expect(sp.end).toBeLessThanOrEqual(s.length);
              expect(sp.start).toBeLessThanOrEqual(sp.end);
            }
          } else {
            expect(r.error).toMatch(/^extraction_/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("folding is the one search uses", () => {
  it("a title written with hamza and ta marbuta resolves to the same person", () => {
    const m = proposalOf(TOBRUK.replace("وأكد عميد بلدية طبرق", "وأكد عميد بلديه طبرق"));
    expect(m.statements[0]!.speakerId).toBe(
      m.people.find((p) => foldArabic(p.title ?? "") === foldArabic("عميد البلدية"))!.id,
    );
  });
});
