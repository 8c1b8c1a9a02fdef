// The project's own rule-based extractor of meeting reports in Arabic (no model, no network), in stages:
//   1. stages/segment.ts     sentences; lexicon matching on folded tokens
//   2. stages/mentions.ts    people: titles with their complement, ranks, names judged by their make-up
//   3. stages/who.ts         a later mention (a title, «الوزير», a surname) resolved to a person
//   4. this file             the event: is there a meeting, visit or session; who hosts (the subject of a
//                            host verb, after any news-agency dateline), who attends («بحضور»,
//                            «نظيره»); stages/when-where.ts gives its day and place
//   5. this file             statements (speech verbs and turns), commitments, decisions, honours
// Lexicons are data files with their sources (data/*.json, lexicon.ts). Linear in the length of the text.

import { dueDateIn } from "./due-date";
import { foldArabic } from "../arabic";
import {
  ATTENDEE_STOP,
  ATTENDEE_TRIGGERS,
  BODY_NOUNS,
  COMMITMENT_MARKERS,
  DEMONYMS,
  HONOUR_KINDS,
  HOST_STOP,
  HOST_VERBS,
  SPEECH_VERBS,
  TURNS,
  WEAK_HOST_VERBS,
} from "./lexicon";
import { bare, isComma, isSentenceEnd, tokenize, type Token } from "./tokens";
import type {
  CommitmentTopic,
  ExtractOptions,
  ExtractionResult,
  ExtractionWarning,
  MeetingExtractor,
  MeetingProposal,
  ProposedCommitment,
  ProposedHonour,
  ProposedPerson,
  ProposedPlace,
  ProposedSentence,
  ProposedStatement,
} from "./types";

import { parsePeople, scanTitledPeople, type ParsedPerson } from "./stages/mentions";
import {
  isSpeechVerb,
  matchAny,
  matchRank,
  matchSeq,
  matchTitleHead,
  noConj,
  sentenceRanges,
} from "./stages/segment";
import { datelineOf, findDate, findPlaceIn, matchPlaceAt } from "./stages/when-where";
import { parseMention, titleKey } from "./stages/who";

export { looksLikeName } from "./stages/mentions";
export { datelineOf, matchPlaceAt } from "./stages/when-where";

/** Longest text the extractor reads; a press release is a few thousand characters. */
export const EXTRACTION_MAX_CHARS = 50_000;

// ——— the extractor ———

/** Words that name a meeting, visit or session (folded, without و/ف). */
const MEETING_WORDS =
  /^(اجتماع|اجتمع|لقاء|اللقاء|لقاءا|جلسه|الجلسه|زياره|الزياره|مباحثات|المباحثات|محادثات|المحادثات|استقبل|التقي|التقت|ورشه|اللجنه|لجنه|مؤتمر|المؤتمر)/;

function topicOf(text: string): CommitmentTopic {
  const f = foldArabic(text);
  if (/تشريع|قوانين|قانون/.test(f)) return "legislation";
  if (/احتياجات|نواقص|تلبيه/.test(f)) return "needs";
  if (/تدريب|دورات/.test(f)) return "training";
  if (/خطه|خطط/.test(f)) return "plan";
  if (/دعم/.test(f)) return "support";
  return "other";
}

export class RuleMeetingExtractor implements MeetingExtractor {
  readonly name = "rules-ar-1";

  extract(text: string, options: ExtractOptions = {}): ExtractionResult {
    if (typeof text !== "string" || text.trim().length === 0) return { ok: false, error: "extraction_empty" };
    if (text.length > EXTRACTION_MAX_CHARS) return { ok: false, error: "extraction_too_long" };
    const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
    if (arabic < 20) return { ok: false, error: "extraction_not_arabic" };

    const src = text;
    const tokens = tokenize(src);
    const warnings: ExtractionWarning[] = [];
    const sentences = sentenceRanges(tokens);
    const people: ProposedPerson[] = [];
    let nextId = 1;
    const add = (p: ParsedPerson, role: ProposedPerson["role"]) => {
      const person: ProposedPerson = { id: `p${nextId++}`, ...p, role };
      people.push(person);
      return person;
    };

    const dateline = datelineOf(tokens);

    // Host: the subject of the first host verb in the first sentences.
    let host: ProposedPerson | null = null;
    let attendeesFrom = -1;
    for (const [a0, b] of sentences.slice(0, 3)) {
      const a = a0 < dateline.end ? Math.min(dateline.end, b) : a0;
      for (let i = a; i < Math.min(b, a + 6); i++) {
        const verbFold = noConj(tokens[i]!.fold);
        // «قام <host> بزيارة (تفقدية) إلى …»: a visit
        const visit =
          (verbFold === "قام" || verbFold === "قامت") &&
          tokens.slice(i + 1, b).some((t) => /^(بزياره|بجوله)$/.test(t.fold));
        if (!HOST_VERBS.has(verbFold) && !visit) continue;
        if (visit && !(matchTitleHead(tokens, i + 1) || matchRank(tokens, i + 1))) continue;
        // «وجرى بحث …», «زار المدينة»: a weak verb opens a meeting only when a title or rank follows
        if (WEAK_HOST_VERBS.has(verbFold) && !(matchTitleHead(tokens, i + 1) || matchRank(tokens, i + 1)))
          continue;
        let j = i + 1;
        while (j < b && !HOST_STOP.has(noConj(tokens[j]!.fold)) && !HOST_STOP.has(tokens[j]!.fold)) j++;
        const parsed = parsePeople(src, tokens, i + 1, j);
        if (parsed.length > 0) {
          host = add(parsed[0]!, "host");
          const verb = noConj(tokens[i]!.fold);
          // "استقبل/التقى <host> <guest>": the others in the subject phrase are guests.
          const receives = verb === foldArabic("استقبل") || verb === foldArabic("التقى");
          // the others in the subject phrase are guests or co-hosts («بحث X ونظيره Y»)
          for (const p of parsed.slice(1)) add(p, "attendee");
          // the guest after the time and venue: "استقبل X بمكتبه صباح أمس، Y، بحضور …"
          // or "عقد X اجتماعًا … مع Y لمتابعة …"
          let g = j;
          while (
            g < b &&
            !(receives ? isComma(tokens[g]!) : tokens[g]!.fold === "مع") &&
            !matchAny(tokens, g, ATTENDEE_TRIGGERS)
          )
            g++;
          if (g < b && !matchAny(tokens, g, ATTENDEE_TRIGGERS)) {
            let e = g + 1;
            while (
              e < b &&
              !matchAny(tokens, e, ATTENDEE_TRIGGERS) &&
              !ATTENDEE_STOP.has(tokens[e]!.fold) &&
              !/^ل(متابع|بحث|مناقش)/.test(tokens[e]!.fold)
            )
              e++;
            for (const p of parsePeople(src, tokens, g + 1, e)) add(p, "attendee");
            j = e;
          }
        }
        attendeesFrom = j;
        break;
      }
      if (host) break;
    }

    // Attendees: after a trigger ("بحضور", "بمشاركة", "وحضر الاجتماع كل من") until a stop word.
    const searchFrom = attendeesFrom >= 0 ? attendeesFrom : 0;
    for (let i = searchFrom; i < Math.min(tokens.length, searchFrom + 400); i++) {
      const n = matchAny(tokens, i, ATTENDEE_TRIGGERS);
      if (!n) continue;
      let start = i + n;
      if (matchSeq(tokens, start, ["كل", "من"])) start += 2;
      if (tokens[start] && tokens[start]!.punct) start++;
      let j = start;
      while (j < tokens.length && !isSentenceEnd(tokens[j]!) && !(j > start && tokens[j]!.newline)) {
        const f = tokens[j]!.fold;
        const beforeBody = f === "في" && BODY_NOUNS.has(bare(tokens[j + 1]?.fold ?? ""));
        if (
          !beforeBody &&
          (ATTENDEE_STOP.has(f) || ATTENDEE_STOP.has(noConj(f)) || matchSeq(tokens, j, ["الي", "جانب"]))
        )
          break;
        j++;
      }
      for (const p of parsePeople(src, tokens, start, j)) add(p, "attendee");
      break;
    }
    // No host verb and no «بحضور»: a meeting, visit or session named otherwise («أبرز الوزير ونظيره … خلال
    // لقاء ثنائي», «اجتماع تونسي-ليبي») — the named officials of the first two sentences are its parties.
    if (!host && people.length === 0) {
      const to = sentences[Math.min(1, sentences.length - 1)]?.[1] ?? 0;
      const meetingWords = tokens.slice(0, to).some((t) => !t.punct && MEETING_WORDS.test(noConj(t.fold)));
      const found = meetingWords ? scanTitledPeople(src, tokens, dateline.end, to).filter((p) => p.name) : [];
      if (found.length >= 2) for (const p of found) add(p, "attendee");
    }

    // «نظيره التونسي»: the counterpart holds the host's office in another country
    const principal = host ?? people.find((p) => p.title && !/^نظير/.test(p.title)) ?? null;
    if (principal?.title)
      for (const p of people) {
        const m = p.title ? /^نظير(?:ه|ها|ته)(?:\s+(\S+))?$/.exec(p.title) : null;
        if (!m) continue;
        const base = principal.title
          .split(/\s+/)
          .filter((w) => !DEMONYMS.has(foldArabic(w)))
          .join(" ");
        p.title = m[1] ? `${base} ${m[1]}` : base;
      }
    if (!host) warnings.push("no_host");
    if (!people.some((p) => p.role === "attendee")) warnings.push("no_attendees");

    // Statements, agenda, commitments.
    const statements: ProposedStatement[] = [];
    const agenda: ProposedSentence[] = [];
    const commitments: ProposedCommitment[] = [];
    let current: { person: ProposedPerson | null; text: string | null } | null = null;
    let lastStatement: ProposedStatement | null = null;

    for (const [a, b] of sentences) {
      // clause starts: speech verbs (not participles), turns reset the speaker.
      const starts: number[] = [];
      let turn = false;
      for (let i = a; i < b; i++) {
        const t = tokens[i]!;
        if (matchAny(tokens, i, TURNS)) turn = true;
        if (!t.punct && isSpeechVerb(t)) starts.push(i);
      }
      const firstIsHonour = /تكريم|كرم/.test(foldArabic(src.slice(tokens[a]!.start, tokens[b - 1]!.end)));
      if (starts.length === 0 || firstIsHonour) {
        const sText = src.slice(tokens[a]!.start, tokens[b - 1]!.end);
        const fs = foldArabic(sText);
        if (
          (!firstIsHonour && /مناقشه|استعراض|بحث|تناول|تحديد|ناقش/.test(fs) && !host?.span) ||
          (!firstIsHonour && /مناقشه|استعراض|بحث|تناول|ناقش/.test(fs))
        ) {
          if (!(host && tokens[a]!.start <= host.span.start))
            agenda.push({ text: sText, span: { start: tokens[a]!.start, end: tokens[b - 1]!.end } });
        }
        this.decisions(src, tokens, a, b, null, commitments);
        continue;
      }
      if (turn) current = null;
      for (let k = 0; k < starts.length; k++) {
        const v = starts[k]!;
        const end = k + 1 < starts.length ? starts[k + 1]! : b;
        const mention = parseMention(src, tokens, v + 1, end, people);
        if (mention.narrator) {
          current = null;
          // narrative: the rest of the sentence is a summary of what was discussed
          const sText = src.slice(tokens[a]!.start, tokens[b - 1]!.end);
          agenda.push({ text: sText, span: { start: tokens[a]!.start, end: tokens[b - 1]!.end } });
          break;
        }
        if (mention.text) current = { person: mention.person, text: mention.text };
        if (!current) continue;
        // trim the clause of a trailing comma and the "و" joining it to the next clause
        let e = end - 1;
        while (e > v && tokens[e]!.punct) e--;
        const span = {
          start:
            tokens[v]!.start +
            (/^[وف]/.test(tokens[v]!.text) && tokens[v]!.fold.length > 3 && !SPEECH_VERBS.has(tokens[v]!.fold)
              ? 1
              : 0),
          end: tokens[e]!.end,
        };
        const sentence: ProposedSentence = { text: src.slice(span.start, span.end), span };
        const speakerId = current.person?.id ?? null;
        if (!speakerId) warnings.push("unresolved_speaker");
        if (
          lastStatement &&
          lastStatement.speakerId === speakerId &&
          (speakerId !== null || lastStatement.speakerText === current.text)
        ) {
          lastStatement.sentences.push(sentence);
          lastStatement.span.end = span.end;
        } else {
          lastStatement = { speakerId, speakerText: current.text, sentences: [sentence], span: { ...span } };
          statements.push(lastStatement);
        }
        this.pledges(src, tokens, v, e + 1, current.person, commitments);
      }
    }

    const honours = this.honours(src, tokens, sentences, people, warnings);
    const date = findDate(src, tokens, options.publicationDate ?? null, warnings);
    if (!date) warnings.push("no_date");
    const place = findPlaceIn(src, tokens, sentences[0]?.[1] ?? 0, dateline);
    if (!place) warnings.push("no_place");

    if (!host && people.length === 0 && honours.length === 0) {
      // statements alone (a press statement, an interview) are not a meeting
      return { ok: false, error: "extraction_no_meeting" };
    }
    const title = ["اجتماع", host?.title ?? host?.name ?? null, place ? `في ${place.text}` : null]
      .filter(Boolean)
      .join(" ");
    const proposal: MeetingProposal = {
      title,
      date,
      place,
      host,
      people,
      agenda,
      statements,
      commitments: commitments.map((c) => ({ ...c, dueOn: dueDateIn(c.text, date?.date ?? null) })),
      honours,
    };
    return { ok: true, proposal, warnings: [...new Set(warnings)] };
  }

  private pledges(
    src: string,
    tokens: Token[],
    a: number,
    b: number,
    owner: ProposedPerson | null,
    out: ProposedCommitment[],
  ) {
    for (let i = a; i < b; i++) {
      const f = noConj(tokens[i]!.fold);
      const marker = COMMITMENT_MARKERS.find((m) => f.startsWith(m));
      if (!marker) continue;
      let ownerBody: string | null = null;
      // "استعداد مجلس النواب لـ…" names a body; "استعداده" the speaker.
      if (f === "استعداد" && i + 1 < b && BODY_NOUNS.has(tokens[i + 1]!.fold)) {
        let j = i + 2;
        while (j < b && tokens[j]!.fold.startsWith("ال") && !tokens[j]!.fold.startsWith("لل")) j++;
        ownerBody = src.slice(tokens[i + 1]!.start, tokens[j - 1]!.end);
      }
      let e = b - 1;
      while (e > i && tokens[e]!.punct) e--;
      const span = { start: tokens[i]!.start, end: tokens[e]!.end };
      const text = src.slice(span.start, span.end);
      out.push({
        text,
        ownerPersonId: owner?.id ?? null,
        ownerBody,
        dueOn: null,
        topic: topicOf(text),
        marker: tokens[i]!.text,
        span,
      });
      return;
    }
  }

  private decisions(
    src: string,
    tokens: Token[],
    a: number,
    b: number,
    owner: ProposedPerson | null,
    out: ProposedCommitment[],
  ) {
    for (let i = a; i < b; i++) {
      const f = noConj(tokens[i]!.fold);
      if (!["تقرر", "سيتم", "اتفق", "ستشهد", "سيشهد"].some((m) => f.startsWith(m))) continue;
      let e = b - 1;
      while (e > i && tokens[e]!.punct) e--;
      const span = { start: tokens[i]!.start, end: tokens[e]!.end };
      const text = src.slice(span.start, span.end);
      out.push({
        text,
        ownerPersonId: owner?.id ?? null,
        ownerBody: null,
        dueOn: null,
        topic: topicOf(text),
        marker: tokens[i]!.text,
        span,
      });
      return;
    }
  }

  private honours(
    src: string,
    tokens: Token[],
    sentences: [number, number][],
    people: ProposedPerson[],
    warnings: ExtractionWarning[],
  ): ProposedHonour[] {
    const out: ProposedHonour[] = [];
    const kindAt = (i: number) => {
      const t = tokens[i];
      if (!t || t.punct) return null;
      let f = t.fold;
      let prefix = 0;
      if (/^(ب|وب)/.test(f) && !HONOUR_KINDS.some((k) => k.words[0] === f)) {
        prefix = f.startsWith("وب") ? 2 : 1;
        f = f.slice(prefix);
      }
      for (const k of HONOUR_KINDS) {
        if (bare(f) !== k.words[0] && f !== k.words[0]) continue;
        let ok = true;
        for (let m = 1; m < k.words.length; m++) if (tokens[i + m]?.fold !== k.words[m]) ok = false;
        if (ok) return { kind: k.kind, n: k.words.length, prefix };
      }
      return null;
    };
    for (const [a, b] of sentences) {
      let giver: { person: ProposedPerson | null; text: string | null } | null = null;
      let reason: string | null = null;
      // reason: "تقديرًا لـ …" to the end of the sentence
      for (let i = a; i < b; i++) {
        if (/^(تقديرا|تثمينا|عرفانا)/.test(tokens[i]!.fold)) {
          reason = src.slice(tokens[i]!.start, tokens[b - 1]!.end);
          break;
        }
      }
      const found: ProposedHonour[] = [];
      for (let i = a; i < b; i++) {
        const f = noConj(tokens[i]!.fold);
        // "قام <giver> بتكريم …"
        if (f === "قام" || f === "قامت") {
          const m = parseMention(src, tokens, i + 1, b, people);
          if (m.text) giver = { person: m.person, text: m.text };
          continue;
        }
        const isTakrim = f === "بتكريم" || f === "تكريم" || f === "كرم";
        const isGive = ["قدم", "منح", "سلم", "اهدي", "قلد"].includes(f);
        if (!isTakrim && !isGive) continue;
        if (f === "كرم" || (isGive && !giver)) {
          // "كرّم <giver> …" / "وقدم <giver> درعًا …" — a giver may follow
          const m = parseMention(src, tokens, i + 1, b, people);
          if (m.text && !kindAt(m.next)) {
            giver = { person: m.person, text: m.text };
            i = m.next - 1;
            if (f === "كرم") {
              // recipient follows the giver
              const r = parseMention(src, tokens, m.next, b, people);
              const k = kindAt(r.next);
              if (r.text && k) found.push(this.honourAt(src, tokens, r.next, b, k, r, giver, reason));
              i = r.next;
            }
            continue;
          }
        }
        if (isTakrim) {
          const r = parseMention(src, tokens, i + 1, b, people);
          if (!r.text) continue;
          let j = r.next;
          while (j < b && !kindAt(j) && !tokens[j]!.punct) j++;
          const k = kindAt(j);
          if (k) {
            found.push(this.honourAt(src, tokens, j, b, k, r, giver, reason));
            i = j;
          } else {
            found.push({
              kind: "other",
              title: "",
              recipientPersonId: r.person?.id ?? null,
              recipientText: r.text,
              giverPersonId: giver?.person?.id ?? null,
              giverText: giver?.text ?? null,
              reason,
              span: { start: tokens[i]!.start, end: tokens[r.next - 1]!.end },
            });
          }
        } else {
          // "قدم|منح <kind> (آخر) إلى|ل <recipient>"
          let j = i + 1;
          if (giver === null) {
            const m = parseMention(src, tokens, j, b, people);
            if (m.text) {
              j = m.next;
              giver = { person: m.person, text: m.text };
            }
          }
          const k = kindAt(j);
          if (!k) continue;
          let e = j + k.n;
          while (
            e < b &&
            !tokens[e]!.punct &&
            !["الي", "ل"].includes(tokens[e]!.fold) &&
            !/^ل/.test(tokens[e]!.fold)
          )
            e++;
          const kindText = src.slice(tokens[j]!.start, tokens[e - 1]!.end);
          let rStart = e;
          if (tokens[rStart]?.fold === "الي") rStart++;
          let r = parseMention(src, tokens, rStart, b, people);
          if (!r.text && tokens[rStart] && /^ل/.test(tokens[rStart]!.fold)) {
            // "لرئيس جهاز …": strip the preposition by looking at the person titles
            const stripped = tokens[rStart]!.fold.replace(/^لل?/, "");
            const cand = people.find((p) => p.title && titleKey(p.title)[0] === bare(stripped));
            if (cand) r = { person: cand, text: tokens[rStart]!.text, next: rStart + 1, narrator: false };
          }
          if (!r.text) continue;
          found.push({
            kind: k.kind,
            title: kindText,
            recipientPersonId: r.person?.id ?? null,
            recipientText: r.text,
            giverPersonId: giver?.person?.id ?? null,
            giverText: giver?.text ?? null,
            reason,
            span: { start: tokens[i]!.start, end: tokens[Math.max(r.next - 1, i)]!.end },
          });
          i = r.next - 1;
        }
      }
      for (const h of found) if (!h.recipientPersonId) warnings.push("unresolved_recipient");
      out.push(...found);
    }
    return out;
  }

  private honourAt(
    src: string,
    tokens: Token[],
    j: number,
    b: number,
    k: { kind: ProposedHonour["kind"]; n: number; prefix: number },
    r: { person: ProposedPerson | null; text: string | null; next: number },
    giver: { person: ProposedPerson | null; text: string | null } | null,
    reason: string | null,
  ): ProposedHonour {
    let e = j + k.n;
    while (
      e < b &&
      !tokens[e]!.punct &&
      !/^(تقديرا|تثمينا|عرفانا)$/.test(tokens[e]!.fold) &&
      !(tokens[e]!.fold.startsWith("و") && ["وقدم", "ومنح", "وسلم"].includes(tokens[e]!.fold))
    )
      e++;
    const title = src.slice(tokens[j]!.start + k.prefix, tokens[e - 1]!.end);
    return {
      kind: k.kind,
      title,
      recipientPersonId: r.person?.id ?? null,
      recipientText: r.text ?? "",
      giverPersonId: giver?.person?.id ?? null,
      giverText: giver?.text ?? null,
      reason,
      span: { start: tokens[j]!.start + k.prefix, end: tokens[e - 1]!.end },
    };
  }
}

export const ruleExtractor: MeetingExtractor = new RuleMeetingExtractor();

/** Why a text was refused as "no meeting". */
export type NoMeetingReason = "no_meeting_words" | "only_one_party";

/**
 * For a text refused as "no meeting": why (no word of a meeting, visit or session; or such a word with
 * fewer than two parties), and the people and places it names, so that a person can build the meeting by
 * hand. Reads at most EXTRACTION_MAX_CHARS characters.
 */
export function diagnoseNoMeeting(text: string): {
  reason: NoMeetingReason;
  people: ProposedPerson[];
  places: ProposedPlace[];
} {
  const src = typeof text === "string" ? text.slice(0, EXTRACTION_MAX_CHARS) : "";
  const tokens = tokenize(src);
  const meetingWords = tokens.some((t) => !t.punct && MEETING_WORDS.test(noConj(t.fold)));
  const people: ProposedPerson[] = scanTitledPeople(src, tokens, 0, tokens.length).map((p, k) => ({
    id: `p${k + 1}`,
    ...p,
    role: "attendee",
  }));
  const places: ProposedPlace[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const m = matchPlaceAt(tokens, i);
    if (!m) continue;
    const a = tokens[i]!;
    const z = tokens[i + m.n - 1]!;
    if (!seen.has(m.place.fold)) {
      seen.add(m.place.fold);
      const start = a.start + m.prefix;
      places.push({
        text: src.slice(start, z.end),
        districtPcode: m.place.pcode,
        nameEn: m.place.nameEn,
        venue: null,
        span: { start, end: z.end },
      });
    }
    i += m.n - 1;
  }
  return { reason: meetingWords ? "only_one_party" : "no_meeting_words", people, places };
}
