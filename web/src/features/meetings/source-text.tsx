import { Text } from "@mantine/core";
import { useEffect, useRef, type ReactNode } from "react";
import type { Span } from "./meeting-draft";

export type SourceMark = Span & { kind: "person" | "statement" | "commitment" | "honour" | "agenda" };

const MARK_COLOURS: Record<SourceMark["kind"], string> = {
  person: "var(--mantine-color-blue-1)",
  statement: "var(--mantine-color-gray-2)",
  commitment: "var(--mantine-color-yellow-2)",
  honour: "var(--mantine-color-green-2)",
  agenda: "var(--mantine-color-grape-1)",
};

/** Marks that do not overlap, outer spans first (an overlapping later mark is left out). */
export function layOut(marks: readonly SourceMark[]): SourceMark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SourceMark[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at || m.end <= m.start) continue;
    kept.push(m);
    at = m.end;
  }
  return kept;
}

/**
 * The report with the extracted parts lightly marked and the part being edited (`active`) strongly marked
 * and scrolled into view. The active span is drawn on its own, so it shows even inside a larger mark.
 */
export function SourceText({
  text,
  marks,
  active,
}: {
  text: string;
  marks: readonly SourceMark[];
  active: Span | null;
}) {
  const activeRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [active?.start, active?.end]);

  const laid = active
    ? [
        ...layOut(marks.filter((m) => m.end <= active.start || m.start >= active.end)),
        { ...active, kind: "active" as const },
      ].sort((a, b) => a.start - b.start)
    : layOut(marks);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of laid) {
    if (m.start < at) continue;
    if (m.start > at) parts.push(text.slice(at, m.start));
    const isActive = m.kind === "active";
    parts.push(
      <mark
        key={`${m.kind}-${m.start}`}
        ref={isActive ? (el) => void (activeRef.current = el) : undefined}
        data-kind={m.kind}
        style={
          isActive
            ? {
                background: "var(--mantine-color-orange-3)",
                outline: "2px solid var(--mantine-color-orange-6)",
                borderRadius: 2,
              }
            : { background: MARK_COLOURS[m.kind] }
        }
      >
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  parts.push(text.slice(at));
  return (
    <Text
      component="div"
      style={{ whiteSpace: "pre-wrap", lineHeight: 2 }}
      dir="rtl"
      data-testid="import-source"
    >
      {parts}
    </Text>
  );
}
