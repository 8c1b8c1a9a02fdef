// The draft of a meeting's press release, in the register of a Libyan security media office: "عقد …
// اجتماعًا أمنيًا صباح اليوم الأحد … بحضور … وأكد … من جهته … وفي ختام الاجتماع قام … بتكريم …".
// Pure (no server imports, no clock), so the web editor previews the same text the server prints.
// The project's extractor (common/extraction) reads its output back: a test holds the round trip.

import { foldArabic } from "../arabic";
import { formatDate, zonedDay } from "../dates";
import { TIME_ZONE } from "../enums";
import type {
  DocumentCommitment,
  DocumentHonour,
  DocumentPerson,
  DocumentStatement,
  MeetingDocumentInput,
} from "./document-input";

export type PressReleaseOptions = {
  /** Day of publication, YYYY-MM-DD in Africa/Tripoli: "اليوم" or "أمس" when it is that day or the next. */
  publicationDate?: string | null;
  /** Who reports, e.g. "مكتب الإعلام الأمني" (the default). */
  mediaOffice?: string | null;
};

export const DEFAULT_MEDIA_OFFICE = "مكتب الإعلام الأمني";

const WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];

const clean = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();
const isFemale = (p: DocumentPerson | null | undefined) => p?.gender === "female";
/** "و" and "ب" are written joined to the word they govern. */
const and = (text: string) => `و${text}`;

// ——— verbs, agreeing with the speaker ———

type Verb = { m: string; f: string };
const verb = (m: string, f: string): Verb => ({ m, f });
const SAY = {
  stressed: verb("أكد", "أكدت"),
  insisted: verb("شدد", "شددت"),
  pointed: verb("أشار", "أشارت"),
  called: verb("دعا", "دعت"),
  explained: verb("أوضح", "أوضحت"),
  expressed: verb("أعرب", "أعربت"),
  praised: verb("أشاد", "أشادت"),
};
const SPEECH_VERBS: Verb[] = [
  ...Object.values(SAY),
  verb("قال", "قالت"),
  verb("أضاف", "أضافت"),
  verb("بين", "بينت"),
  verb("بيّن", "بيّنت"),
  verb("لفت", "لفتت"),
  verb("نوه", "نوهت"),
  verb("ثمن", "ثمنت"),
  verb("طالب", "طالبت"),
  verb("أعلن", "أعلنت"),
  verb("استعرض", "استعرضت"),
  verb("أثنى", "أثنت"),
  verb("تحدث", "تحدثت"),
  verb("تعهد", "تعهدت"),
  verb("جدد", "جددت"),
  verb("وجه", "وجهت"),
  verb("أبدى", "أبدت"),
];
const said = (v: Verb, who: DocumentPerson | null | undefined) => (isFemale(who) ? v.f : v.m);

/** A point split into its speech verb and what follows; the verb is chosen when the point has none. */
type Clause = { verb: Verb; rest: string; kept: boolean };

/** Verbs that take each opening of a complement, used in turn so that the text does not repeat itself. */
const BY_OPENING: Array<{ opening: RegExp; verbs: Verb[] }> = [
  { opening: /^على\s/, verbs: [SAY.stressed, SAY.insisted] },
  { opening: /^إلى\s/, verbs: [SAY.pointed, SAY.called] },
  { opening: /^(أن|أنّ)\s/, verbs: [SAY.stressed, SAY.explained] },
  { opening: /^عن\s/, verbs: [SAY.expressed] },
];

function clauseOf(point: string, turn: number): Clause {
  const words = point.split(" ");
  const first = words[0] ?? "";
  const forms = [first, first.replace(/^[وف](?=..)/, "")];
  const spoken = SPEECH_VERBS.find((v) => forms.includes(v.m) || forms.includes(v.f));
  if (spoken) return { verb: spoken, rest: words.slice(1).join(" "), kept: true };
  for (const { opening, verbs } of BY_OPENING) {
    if (opening.test(point)) return { verb: verbs[turn % verbs.length]!, rest: point, kept: false };
  }
  // A bare noun phrase ("ضرورة تعزيز …"): "أكد على" / "شدد على" / "دعا إلى".
  const bare = [
    { verb: SAY.stressed, prep: "على " },
    { verb: SAY.insisted, prep: "على " },
    { verb: SAY.called, prep: "إلى " },
  ][turn % 3]!;
  return { verb: bare.verb, rest: bare.prep + point, kept: false };
}

// ——— people ———

function withArticle(rank: string): string {
  return rank.startsWith("ال") ? rank : `ال${rank}`;
}

/** Full first mention: "وزير الداخلية بالحكومة الليبية، اللواء عصام أبوزريبة". */
function fullMention(p: DocumentPerson): string {
  const who = [p.rank ? withArticle(clean(p.rank)) : "", clean(p.name)].filter(Boolean).join(" ");
  const title = clean(p.title);
  if (!title) return who;
  const position = p.body ? `${title} ب${clean(p.body)}` : title;
  return who ? `${position}، ${who}` : position;
}

const keyOf = (p: DocumentPerson) => foldArabic(p.name);

/** How the text names people it has already introduced: by title when no one else holds it. */
class Cast {
  private readonly introduced = new Set<string>();
  private readonly titleCount = new Map<string, number>();

  constructor(people: DocumentPerson[]) {
    const seen = new Set<string>();
    for (const p of people) {
      if (seen.has(keyOf(p))) continue;
      seen.add(keyOf(p));
      const t = foldArabic(p.title ?? "");
      if (t) this.titleCount.set(t, (this.titleCount.get(t) ?? 0) + 1);
    }
  }

  introduce(p: DocumentPerson): string {
    this.introduced.add(keyOf(p));
    return fullMention(p);
  }

  mention(p: DocumentPerson): string {
    if (!this.introduced.has(keyOf(p))) return this.introduce(p);
    const title = clean(p.title);
    const name = clean(p.name);
    if (title && this.titleCount.get(foldArabic(title)) === 1) return title;
    return [title, p.rank && !title ? withArticle(clean(p.rank)) : "", name].filter(Boolean).join(" ");
  }
}

// ——— time and place ———

function partOfDay(at: Date): string {
  const hour = Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "numeric", hourCycle: "h23" }).format(at),
  );
  if (hour >= 5 && hour < 12) return "صباح";
  if (hour >= 12 && hour < 15) return "ظهر";
  if (hour >= 15 && hour < 18) return "عصر";
  return "مساء";
}

function whenPhrase(startsAt: string | Date, publicationDate: string | null | undefined): string {
  const at = typeof startsAt === "string" ? new Date(startsAt) : startsAt;
  if (Number.isNaN(at.getTime())) return "";
  const day = zonedDay(at);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return "";
  const weekday = WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()]!;
  const part = partOfDay(at);
  if (publicationDate === day) return `${part} اليوم ${weekday}`;
  const next = new Date(`${day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  if (publicationDate === next.toISOString().slice(0, 10)) return `${part} أمس ${weekday}`;
  const date = formatDate(at, { language: "ar", calendar: "gregorian", numerals: "latn" });
  return `${part} يوم ${weekday} الموافق ${date}`;
}

function wherePhrase(meeting: MeetingDocumentInput): string {
  const venue = clean(meeting.venue);
  const place = clean(meeting.place);
  const parts: string[] = [];
  if (venue) parts.push(/^(مقر|ديوان)/.test(venue) ? `ب${venue}` : `في ${venue}`);
  if (place && !foldArabic(venue).includes(foldArabic(place))) parts.push(`في مدينة ${place}`);
  return parts.join(" ");
}

// ——— paragraphs ———

function opening(meeting: MeetingDocumentInput, cast: Cast, options: PressReleaseOptions): string {
  const held = isFemale(meeting.host) ? "عقدت" : "عقد";
  const when = whenPhrase(meeting.startsAt, options.publicationDate);
  const where = wherePhrase(meeting);
  let text = `${held} ${cast.introduce(meeting.host)}، اجتماعًا أمنيًا`;
  if (when) text += ` ${when}`;
  if (where) text += ` ${where}`;
  const present = meeting.attendees.filter((a) => clean(a.name) || clean(a.title));
  const others = clean(meeting.othersPresent);
  if (present.length > 0) {
    text += `، بحضور ${present.map((a, i) => (i === 0 ? cast.introduce(a) : and(cast.introduce(a)))).join("، ")}`;
    if (others) text += `، بالإضافة إلى ${others}`;
  } else if (others) {
    text += `، بحضور ${others}`;
  }
  return `${text}.`;
}

const TOPIC_NOUNS = /^(مناقشة|استعراض|بحث|متابعة|تحديد|دراسة|تقييم|وضع|مراجعة|تنسيق|تعزيز)\s/;

function agendaParagraph(meeting: MeetingDocumentInput, office: string): string | null {
  const items = (meeting.agenda ?? []).map(clean).filter(Boolean);
  const summary = clean(meeting.summary);
  if (items.length === 0) return summary ? endSentence(summary) : null;
  const joined = items
    .map((item, i) => (i === 0 && !TOPIC_NOUNS.test(item) ? `مناقشة ${item}` : i === 0 ? item : and(item)))
    .join("، ");
  const text = `وقال ${office} إنه تم خلال الاجتماع ${joined}.`;
  return summary ? `${text} ${endSentence(summary)}` : text;
}

const endSentence = (text: string) => (/[.!؟?]$/.test(text) ? text : `${text}.`);
const stripEnd = (text: string) => text.replace(/[.،,؛;]+$/, "");

/** How a new speaker takes the word: "وأكد …", "من جهته، أكد …", "من جانبه، …", "وبدوره، …", "كما أكد …". */
function openClause(index: number, speaker: DocumentPerson, saidVerb: string, subject: string): string {
  if (index === 0) return `${and(saidVerb)} ${subject}`;
  const f = isFemale(speaker);
  const turns = [f ? "من جهتها" : "من جهته", f ? "من جانبها" : "من جانبه", f ? "وبدورها" : "وبدوره", null];
  const turn = turns[(index - 1) % turns.length];
  return turn ? `${turn}، ${saidVerb} ${subject}` : `كما ${saidVerb} ${subject}`;
}

const pointsOf = (s: DocumentStatement) => s.points.map((p) => stripEnd(clean(p))).filter(Boolean);

function statementParagraph(s: DocumentStatement, index: number, cast: Cast): string {
  const points = pointsOf(s);
  const sentences: string[] = [];
  let sentence = "";
  points.forEach((point, i) => {
    const clause = clauseOf(point, index + i);
    const v = said(clause.verb, s.speaker);
    if (i === 0) {
      const who = cast.mention(s.speaker);
      // a kept clause may already name the speaker: "أكد عميد بلدية طبرق على …"
      const named = clause.kept && foldArabic(clause.rest).startsWith(foldArabic(who));
      const subject = named ? clause.rest : `${who} ${clause.rest}`;
      sentence = openClause(index, s.speaker, v, subject);
    } else if (i % 3 === 0) {
      sentences.push(`${sentence}.`);
      sentence = `كما ${v} ${clause.rest}`;
    } else {
      sentence += `، ${and(v)} ${clause.rest}`;
    }
  });
  sentences.push(`${sentence}.`);
  return sentences.join(" ");
}

/** Agencies named by a feminine noun (مديرية، إدارة، وزارة، بلدية …) take a feminine verb. */
const isFeminineBody = (body: string) => /ة$/.test((body.split(" ")[0] ?? "").replace(/^ال/, ""));

function decisionClause(c: DocumentCommitment, cast: Cast): string {
  let text = stripEnd(clean(c.text));
  const agency = clean(c.ownerAgency);
  if (agency) {
    text += `، على أن ${isFeminineBody(agency) ? "تتولى" : "يتولى"} ${agency} تنفيذه`;
  } else if (c.ownerPerson && clean(c.ownerPerson.name)) {
    text += `، على أن ${isFemale(c.ownerPerson) ? "تتولى" : "يتولى"} ${cast.mention(c.ownerPerson)} متابعته`;
  }
  if (c.dueDate && /^\d{4}-\d{2}-\d{2}$/.test(c.dueDate)) {
    const due = new Date(`${c.dueDate}T12:00:00Z`);
    if (!Number.isNaN(due.getTime()))
      text += ` في موعد أقصاه ${formatDate(due, { language: "ar", calendar: "gregorian", numerals: "latn" })}`;
  }
  return text;
}

const DECISION_LEADS = ["وتقرر خلال الاجتماع", "كما تقرر", "وتقرر أيضًا"];

/** One sentence per decision (each may carry its owner and due date); dropped ones are left out. */
function decisionsParagraph(meeting: MeetingDocumentInput, cast: Cast): string | null {
  const decisions = (meeting.commitments ?? []).filter((c) => c.status !== "dropped" && clean(c.text));
  if (decisions.length === 0) return null;
  return decisions
    .map((c, i) => {
      const lead = i === 0 ? DECISION_LEADS[0] : DECISION_LEADS[1 + ((i - 1) % 2)];
      return `${lead} ${decisionClause(c, cast)}.`;
    })
    .join(" ");
}

// ——— honours ———

const KIND_WORDS: Record<DocumentHonour["kind"], { word: RegExp; noun: string; another: string }> = {
  shield: { word: /^(درع|الدرع)/, noun: "درع", another: "درعًا آخر" },
  certificate: { word: /^(شهادة|الشهادة)/, noun: "شهادة تقدير", another: "شهادة تقدير أخرى" },
  medal: { word: /^(وسام|الوسام|ميدالية|نوط)/, noun: "وسام", another: "وسامًا آخر" },
  other: { word: /^$/, noun: "", another: "" },
};

/** The honour as the object of "بتكريم … ب…": "درع التميز كأفضل شخصية لعام 2023". */
function honourName(h: DocumentHonour): string {
  const title = clean(h.title);
  const kind = KIND_WORDS[h.kind];
  if (!title) return kind.noun || "هدية تذكارية";
  return kind.word.test(title) || !kind.noun ? title : `${kind.noun} ${title}`;
}

const REASON_LEAD = /^(تقديرًا|تقديرا|تثمينًا|تثمينا|عرفانًا|عرفانا|اعترافًا|اعترافا)\s/;

function reasonPhrase(reason: string): string {
  const r = stripEnd(clean(reason));
  if (!r) return "";
  if (REASON_LEAD.test(r)) return r;
  if (r.startsWith("ل")) return `تقديرًا ${r}`;
  return `تقديرًا ل${r.startsWith("ال") ? r.slice(1) : r}`;
}

/** One reason for several people: "لجهوده" → "لجهودهما" / "لجهودهم" / "لجهودهن". */
function reasonForAll(reason: string, recipients: DocumentPerson[]): string {
  if (recipients.length < 2) return reason;
  const suffix = recipients.length === 2 ? "هما" : recipients.every(isFemale) ? "هن" : "هم";
  return reason.replace(/(جهود|دور|تفاني|عطاء|إسهامات|مساهمات|إخلاص|حرص)(ه|ها)(?=$|[\s،.])/g, `$1${suffix}`);
}

function honoursParagraph(meeting: MeetingDocumentInput, cast: Cast): string | null {
  const honours = (meeting.honours ?? []).filter((h) => clean(h.recipient.name) || clean(h.recipient.title));
  if (honours.length === 0) return null;
  // consecutive honours from the same giver make one sentence
  const groups: DocumentHonour[][] = [];
  for (const h of honours) {
    const last = groups[groups.length - 1];
    const giverKey = (x: DocumentHonour) => (x.giver ? keyOf(x.giver) : "");
    if (last && giverKey(last[0]!) === giverKey(h)) last.push(h);
    else groups.push([h]);
  }
  const sentences = groups.map((group, g) => {
    const first = group[0]!;
    const giver = first.giver && clean(first.giver.name) ? first.giver : null;
    const reasons = group.map((h) => reasonPhrase(h.reason ?? ""));
    const shared = reasons.every((r) => r === reasons[0]) && reasons[0] ? reasons[0] : null;
    const parts = group.map((h, i) => {
      const recipient = cast.mention(h.recipient);
      const own = shared ? "" : reasons[i] ? ` ${reasons[i]}` : "";
      if (i === 0) {
        const lead = giver ? `${isFemale(giver) ? "قامت" : "قام"} ${cast.mention(giver)} بتكريم` : "تم تكريم";
        return `${lead} ${recipient} ب${honourName(h)}${own}`;
      }
      const previous = group[i - 1]!;
      const same = h.kind !== "other" && previous.kind === h.kind && clean(previous.title) === clean(h.title);
      const gave = h.kind === "medal" ? "منح" : "قدم";
      const given = giver && isFemale(giver) ? `${gave}ت` : gave;
      const object = same ? KIND_WORDS[h.kind].another : honourName(h);
      return giver
        ? `${and(given)} ${object} إلى ${recipient}${own}`
        : `${and("تكريم")} ${recipient} ب${object}${own}`;
    });
    const closing = shared
      ? ` ${reasonForAll(
          shared,
          group.map((h) => h.recipient),
        )}`
      : "";
    const lead = g === 0 ? "وفي ختام الاجتماع، " : "كما ";
    return `${lead}${parts.join("، ")}${closing}.`;
  });
  return sentences.join(" ");
}

/**
 * The Arabic draft of a meeting's press release, paragraphs separated by line breaks: who met whom,
 * when and where; what was discussed; what each speaker stressed; the decisions; the honours.
 */
export function draftPressRelease(meeting: MeetingDocumentInput, options: PressReleaseOptions = {}): string {
  const people = [
    meeting.host,
    ...meeting.attendees,
    ...(meeting.statements ?? []).map((s) => s.speaker),
    ...(meeting.honours ?? []).flatMap((h) => [h.recipient, ...(h.giver ? [h.giver] : [])]),
  ];
  const cast = new Cast(people);
  const office = clean(options.mediaOffice) || DEFAULT_MEDIA_OFFICE;
  const paragraphs = [
    opening(meeting, cast, options),
    agendaParagraph(meeting, office),
    ...(meeting.statements ?? [])
      .filter((s) => pointsOf(s).length > 0)
      .map((s, i) => statementParagraph(s, i, cast)),
    decisionsParagraph(meeting, cast),
    honoursParagraph(meeting, cast),
  ];
  return paragraphs.filter((p): p is string => Boolean(p)).join("\n");
}
