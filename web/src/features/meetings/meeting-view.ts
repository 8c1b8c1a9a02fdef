// How the meeting page arranges a saved meeting's parts.

type StatementLike = { id: string; speakerId: string | null; position: number };

/** Statements grouped by speaker, speakers in the order they first spoke, unknown speakers last. */
export function groupBySpeaker<S extends StatementLike>(
  statements: readonly S[],
): { speakerId: string | null; statements: S[] }[] {
  const groups = new Map<string | null, S[]>();
  for (const s of [...statements].sort((a, b) => a.position - b.position)) {
    const list = groups.get(s.speakerId) ?? [];
    list.push(s);
    groups.set(s.speakerId, list);
  }
  const known = [...groups].filter(([id]) => id !== null);
  const unknown = groups.get(null);
  return [
    ...known.map(([speakerId, list]) => ({ speakerId, statements: list })),
    ...(unknown ? [{ speakerId: null, statements: unknown }] : []),
  ];
}

/** The place as written and the district, without saying the same name twice (shown as separate parts). */
export function placeParts(district: string | null, placeText: string | null): string[] {
  if (!district) return placeText ? [placeText] : [];
  if (!placeText || placeText.includes(district)) return [placeText ?? district];
  return [placeText, district];
}

/** An attendee as written: title, rank and name. */
export function attendeeLine(a: { title: string | null; rank: string | null; name: string }): string {
  return [a.title, a.rank, a.name].filter(Boolean).join(" ");
}
