// A small RFC 5545 writer: text escaping, line folding at 75 octets, UTC times, CRLF line ends.

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * Folds a content line so that no line is longer than 75 octets (RFC 5545 §3.1): continuation lines start with
 * one space. Arabic letters take two octets in UTF-8; a character is never split.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines carry the leading space
    if (size + octets > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += octets;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A date-time in UTC, e.g. 20240114T080000Z. */
export const utcStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** A DATE value, e.g. 20240114. */
export const dateStamp = (day: string) => day.replaceAll("-", "");

export type CalendarProperty = [name: string, value: string, raw?: boolean];

/** One component (VEVENT, VTODO…) from its properties; text values are escaped unless marked raw. */
export function component(kind: string, properties: CalendarProperty[]): string[] {
  return [
    `BEGIN:${kind}`,
    ...properties.map(([name, value, raw]) => `${name}:${raw ? value : escapeText(value)}`),
    `END:${kind}`,
  ];
}

/** The calendar: header properties and components, folded, joined with CRLF. */
export function calendar(header: CalendarProperty[], components: string[][]): string {
  const lines = component("VCALENDAR", header);
  const end = lines.pop()!;
  return [...lines, ...components.flat(), end].map(foldLine).join("\r\n") + "\r\n";
}
