// Stage 3 — who is who: a later mention («عميد البلدية», «الوزير», a surname) resolved to a person.

import { foldArabic } from "../../arabic";
import { NARRATORS } from "../lexicon";
import { bare, type Token } from "../tokens";
import type { ProposedPerson } from "../types";
import { matchAny, matchRank, matchTitleHead, noConj } from "./segment";
import { consumeComplement } from "./mentions";

// ——— titles and names: resolving a later mention to a person ———

export function titleKey(title: string): string[] {
  return foldArabic(title)
    .split(" ")
    .map((w) => bare(w.replace(/^(بال|لل)/, "ال")))
    .filter((w) => w.length > 1 && w !== "عن");
}

function titleHeadOf(key: string[]): string {
  return key[0] ?? "";
}

export function resolveTitle(mention: string, people: ProposedPerson[]): ProposedPerson | null {
  const mk = titleKey(mention);
  if (mk.length === 0) return null;
  let best: ProposedPerson | null = null;
  let bestScore = 0;
  for (const p of people) {
    if (!p.title) continue;
    const pk = titleKey(p.title);
    if (titleHeadOf(pk) !== titleHeadOf(mk)) continue;
    const ps = new Set(pk);
    const shared = mk.filter((w) => ps.has(w)).length;
    const subset = mk.every((w) => ps.has(w)) || pk.every((w) => mk.includes(w));
    if (!subset && shared < Math.min(2, mk.length, pk.length)) continue;
    const score = shared * 10 + (subset ? 5 : 0) - Math.abs(pk.length - mk.length);
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}

export function resolveName(
  tokens: Token[],
  i: number,
  people: ProposedPerson[],
): { person: ProposedPerson; n: number } | null {
  for (const p of people) {
    if (!p.name) continue;
    const nw = foldArabic(p.name).split(" ");
    // full name, or the family name alone
    for (const cand of [nw, nw.slice(-1)]) {
      if (cand.length === 0) continue;
      let ok = true;
      for (let k = 0; k < cand.length; k++) {
        const t = tokens[i + k];
        if (!t || (k === 0 ? noConj(t.fold) : t.fold) !== cand[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { person: p, n: cand.length };
    }
  }
  return null;
}

/** Parses the subject after a speech verb or a giver/recipient phrase. */
export function parseMention(
  src: string,
  tokens: Token[],
  i: number,
  end: number,
  people: ProposedPerson[],
): { person: ProposedPerson | null; text: string | null; next: number; narrator: boolean } {
  if (i >= end) return { person: null, text: null, next: i, narrator: false };
  if (matchAny(tokens, i, NARRATORS)) {
    let j = i;
    while (j < end && !tokens[j]!.punct) j++;
    return { person: null, text: src.slice(tokens[i]!.start, tokens[j - 1]!.end), next: j, narrator: true };
  }
  let j = i;
  const r = matchRank(tokens, j);
  if (r) j += r;
  const byName = resolveName(tokens, j, people);
  if (byName) {
    const last = j + byName.n - 1;
    return {
      person: byName.person,
      text: src.slice(tokens[i]!.start, tokens[last]!.end),
      next: last + 1,
      narrator: false,
    };
  }
  const head = matchTitleHead(tokens, j);
  if (head) {
    const tEnd = consumeComplement(tokens, j + head, end);
    const text = src.slice(tokens[j]!.start, tokens[tEnd - 1]!.end);
    const person = resolveTitle(text, people);
    // a name may follow the title: "رئيس جهاز الأمن الداخلي أسامة الدرسي"
    const after = resolveName(tokens, tEnd, people);
    if (after) return { person: after.person, text, next: tEnd + after.n, narrator: false };
    return { person, text, next: tEnd, narrator: false };
  }
  return { person: null, text: null, next: i, narrator: false };
}
