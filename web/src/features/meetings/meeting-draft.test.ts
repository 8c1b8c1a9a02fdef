import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { proposeMatches, ruleExtractor } from "../../../../common/extraction";
import { MeetingCreateBody, MeetingUpdateBody } from "../../../../common/schemas/meetings";
import {
  draftFromProposal,
  emptyAttendee,
  emptyDraft,
  removeAttendee,
  setHost,
  toCreateBody,
  toUpdateBody,
  zonedInstant,
  zonedParts,
  type MeetingDraft,
  type Proposal,
} from "./meeting-draft";

const TOBRUK = readFileSync(
  new URL("../../../../common/extraction/fixtures/00-tobruk-security-meeting.ar.txt", import.meta.url),
  "utf8",
);

const AGENCY = "0190f0a0-0000-7000-8000-000000000001";
const id = (n: number) => `0190f0a0-0000-7000-8000-${String(n).padStart(12, "0")}`;
/** Personnel and agencies as the server would match them against (ids are the demo's kind: UUIDs). */
const PERSONNEL = [
  { id: id(11), name: "عصام أبوزريبة" },
  { id: id(12), name: "ناصر شرح البال" },
  { id: id(13), name: "أسامة الدرسي" },
  { id: id(14), name: "الصالحين عبد النبي" },
  { id: id(15), name: "فرج الخطابية" },
  { id: id(16), name: "موسى البدين" },
];
const AGENCIES = [{ id: id(21), name: "مجلس النواب" }];

/** The Tobruk proposal in the API's shape: the extractor's result with the server's match proposals. */
function tobrukProposal(): Proposal {
  const result = ruleExtractor.extract(TOBRUK, { publicationDate: "2024-01-14" });
  if (!result.ok) throw new Error(result.error);
  const { host, ...proposal } = result.proposal;
  return {
    ...proposal,
    hostId: host?.id ?? null,
    people: proposal.people.map((p) => ({
      ...p,
      personnelMatches: p.name ? proposeMatches(p.name, PERSONNEL) : [],
    })),
    commitments: proposal.commitments.map((c) => ({
      ...c,
      agencyMatches: c.ownerBody ? proposeMatches(c.ownerBody, AGENCIES, 0.6) : [],
    })),
  };
}

const parse = (draft: MeetingDraft) => MeetingCreateBody.parse(toCreateBody(draft));
const at = (span: { start: number; end: number } | null) => (span ? TOBRUK.slice(span.start, span.end) : "");

describe("the Tobruk proposal as a review draft", () => {
  const proposal = tobrukProposal();
  const draft = draftFromProposal(proposal, {
    agencyId: AGENCY,
    sourceText: TOBRUK,
    publicationDate: "2024-01-14",
  });

  it("starts with the day, a morning hour, Tobruk and the proposal's title", () => {
    expect(draft.day).toBe("2024-01-14");
    expect(draft.time).toBe("10:00");
    expect(draft.districtPcode).toBe("LY0104");
    expect(draft.placeText).toBe("طبرق");
    expect(draft.titleAr).toBe(proposal.title);
    expect(draft.sourceText).toBe(TOBRUK);
  });

  it("keeps the host and the five attendees as written, each with its source span, linked to its exact match", () => {
    expect(draft.attendees.map((a) => [a.role, a.name])).toEqual([
      ["host", "عصام أبوزريبة"],
      ["attendee", "ناصر شرح البال"],
      ["attendee", "أسامة الدرسي"],
      ["attendee", "الصالحين عبد النبي"],
      ["attendee", "فرج الخطابية"],
      ["attendee", "موسى البدين"],
    ]);
    for (const a of draft.attendees) {
      expect(at(a.span)).toContain(a.name);
      expect(a.matches[0]).toMatchObject({ name: a.name, exact: true });
      // a 100 % match in the directory starts linked (the user can undo)
      expect(a).toMatchObject({ personnelId: a.matches[0]!.id, linkedName: a.name });
    }
  });

  it("splits statements into one per sentence, each with its speaker and span", () => {
    const sentences = proposal.statements.flatMap((s) => s.sentences);
    expect(draft.statements).toHaveLength(sentences.length);
    for (const s of draft.statements) expect(at(s.span)).toContain(s.text.slice(0, 20));
    const mayor = draft.attendees.find((a) => a.name === "فرج الخطابية")!;
    expect(draft.statements.filter((s) => s.speakerKey === mayor.key).length).toBeGreaterThan(0);
  });

  it("proposes the commitments (MP, internal security, minister) and the two honours, recipients among the attendees", () => {
    expect(draft.commitments.map((c) => c.topic)).toEqual(["legislation", "support", "needs"]);
    // the MP's commitment names parliament: its agency is proposed; the others name none
    expect(draft.commitments.map((c) => c.ownerAgencyId)).toEqual([id(21), null, null]);
    expect(draft.commitments[0]!.agencyMatches[0]).toMatchObject({ id: id(21) });
    expect(draft.honours.map((h) => h.kind)).toEqual(["shield", "shield"]);
    expect(draft.honours[0]!.title).toBe("درع التمييز كأفضل شخصية لعام 2023");
    const names = draft.honours.map((h) => draft.attendees.find((a) => a.key === h.recipientKey)?.name);
    expect(names).toEqual(["عصام أبوزريبة", "أسامة الدرسي"]);
  });

  it("saves unreviewed as a valid create request: exact matches linked, the rest as guests by name", () => {
    const body = parse(draft);
    expect(body.startsAt).toBe("2024-01-14T08:00:00.000Z"); // 10:00 in Tripoli (UTC+2)
    expect(body.agencyId).toBe(AGENCY);
    expect(body.sourceText).toBe(TOBRUK);
    expect(body.attendees).toHaveLength(6);
    expect(body.attendees.map((a) => a.personnelId)).toEqual([11, 12, 13, 14, 15, 16].map(id));
    expect(body.attendees.filter((a) => a.role === "host").map((a) => a.personnelId)).toEqual([id(11)]);
    expect(body.honours.map((h) => h.recipientName)).toEqual([null, null]);
    expect(body.commitments.map((c) => [c.ownerAgencyId, c.dueOn])).toEqual([
      [id(21), null],
      [null, null],
      [null, null],
    ]);
  });

  it("keeps what the user undid or changed: a guest instead of the match, no agency, a due date", () => {
    const reviewed: MeetingDraft = {
      ...draft,
      attendees: draft.attendees.map((a) =>
        a.name === "أسامة الدرسي" ? a : { ...a, personnelId: null, linkedName: null },
      ),
      commitments: draft.commitments.map((c, i) =>
        i === 0 ? { ...c, dueOn: "2024-03-01" } : { ...c, ownerAgencyId: null },
      ),
    };
    const body = parse(reviewed);
    const linked = body.attendees.filter((a) => a.personnelId !== null);
    expect(linked).toEqual([
      expect.objectContaining({ personnelId: id(13), name: null, title: "رئيس جهاز الأمن الداخلي" }),
    ]);
    expect(body.commitments[0]).toMatchObject({ ownerAgencyId: id(21), dueOn: "2024-03-01" });
    expect(body.commitments[2]).toMatchObject({ ownerAgencyId: null, dueOn: null });
    // the honour still refers to the attendee by key: the server takes the name from the personnel record
    const isa = reviewed.attendees.find((a) => a.name === "أسامة الدرسي")!;
    expect(body.honours[1]).toMatchObject({ recipientKey: isa.key, recipientName: null });
  });

  it("links no one where two records match exactly, and proposes the due date a commitment names", () => {
    const twins = tobrukProposal();
    twins.people[2]!.personnelMatches = [
      { id: id(13), name: "أسامة الدرسي", score: 1, exact: true },
      { id: id(17), name: "أسامة الدرسى", score: 1, exact: true },
    ];
    twins.commitments[0]!.dueOn = "2024-03-31";
    const d = draftFromProposal(twins, {
      agencyId: AGENCY,
      sourceText: TOBRUK,
      publicationDate: "2024-01-14",
    });
    expect(d.attendees[2]).toMatchObject({ name: "أسامة الدرسي", personnelId: null });
    expect(d.commitments[0]).toMatchObject({ dueOn: "2024-03-31", ownerAgencyId: id(21) });
  });

  it("keeps every reference inside the request when an attendee is removed", () => {
    const minister = draft.attendees.find((a) => a.name === "عصام أبوزريبة")!;
    const without = removeAttendee(draft, minister.key);
    const body = parse(without);
    const keys = new Set(body.attendees.map((a) => a.key));
    expect(keys.has(minister.key)).toBe(false);
    for (const s of body.statements) expect(s.speakerKey === null || keys.has(s.speakerKey)).toBe(true);
    for (const c of body.commitments) expect(c.ownerKey === null || keys.has(c.ownerKey)).toBe(true);
    // the minister's honour keeps the recipient as written
    expect(body.honours[0]).toMatchObject({ recipientKey: null, recipientName: "وزير الداخلية" });
  });

  it("moves the host role to one attendee", () => {
    const mayor = draft.attendees.find((a) => a.name === "فرج الخطابية")!;
    const body = parse(setHost(draft, mayor.key));
    expect(body.attendees.filter((a) => a.role === "host").map((a) => a.personnelId)).toEqual([id(15)]);
  });

  it("is refused where the user left a required part empty, naming the item", () => {
    const broken: MeetingDraft = {
      ...draft,
      day: "",
      attendees: [...draft.attendees, emptyAttendee()],
      honours: draft.honours.map((h, i) => (i === 1 ? { ...h, title: " " } : h)),
    };
    const result = MeetingCreateBody.safeParse(toCreateBody(broken));
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["startsAt", "attendees.6.name", "honours.1.title"]));
  });
});

describe("a meeting made by hand", () => {
  it("needs a title; the rest may stay empty", () => {
    const draft = emptyDraft(AGENCY, new Date("2026-11-29T22:30:00Z"));
    expect(draft.day).toBe("2026-11-30"); // already the 30th in Tripoli
    expect(MeetingCreateBody.safeParse(toCreateBody(draft)).success).toBe(false);
    const body = parse({ ...draft, titleAr: "اجتماع تنسيقي", endTime: "12:30" });
    expect(body).toMatchObject({
      startsAt: "2026-11-30T08:00:00.000Z",
      endsAt: "2026-11-30T10:30:00.000Z",
      attendees: [],
      sourceText: null,
    });
  });

  it("edits the meeting's own fields", () => {
    const body = MeetingUpdateBody.parse(
      toUpdateBody({ ...emptyDraft(AGENCY), titleAr: "اجتماع", day: "2026-01-02", time: "09:15" }),
    );
    expect(body).toMatchObject({ titleAr: "اجتماع", startsAt: "2026-01-02T07:15:00.000Z", agenda: [] });
  });
});

describe("Tripoli times", () => {
  it("turns a day and a time into an instant, and back", () => {
    expect(zonedInstant("2024-01-14", "10:00")).toBe("2024-01-14T08:00:00.000Z");
    expect(zonedInstant("", "10:00")).toBeUndefined();
    expect(zonedInstant("14/01/2024", "10:00")).toBe("14/01/2024");
    expect(zonedParts("2024-01-14T08:00:00.000Z")).toEqual({ day: "2024-01-14", time: "10:00" });
    expect(zonedParts("2024-01-14T23:30:00Z")).toEqual({ day: "2024-01-15", time: "01:30" });
  });
});
