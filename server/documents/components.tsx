// Building blocks shared by the documents: shaped text, the page frame with page numbers, tables.
// Rows run from the start side: right to left in Arabic, left to right in English.

import { createContext, useContext, type ReactNode } from "react";
import { Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { Style } from "@react-pdf/types";
import type { DocumentContext } from "./document-context";
import { DOCUMENT_FONT, DOCUMENT_FONT_FEATURES } from "./fonts";
import { isRightToLeft, shapeArabic } from "./shape-arabic";

export const COLORS = { ink: "#1d1d1f", navy: "#1f3a5f", gold: "#a8873a", muted: "#5b6270", rule: "#c9ced6" };

const Context = createContext<DocumentContext | null>(null);
export const DocumentProvider = Context.Provider;

export function useDocument(): DocumentContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error("document components need a DocumentProvider");
  return ctx;
}

const styles = StyleSheet.create({
  page: {
    fontFamily: DOCUMENT_FONT,
    fontFeatureSettings: DOCUMENT_FONT_FEATURES,
    fontSize: 11,
    color: COLORS.ink,
    paddingTop: 36,
    paddingBottom: 56,
    paddingHorizontal: 42,
  },
  footer: {
    position: "absolute",
    bottom: 22,
    left: 42,
    right: 42,
    borderTopWidth: 0.5,
    borderTopColor: COLORS.rule,
    paddingTop: 4,
    fontSize: 9,
    color: COLORS.muted,
  },
  heading: { fontSize: 13, fontWeight: 700, color: COLORS.navy, marginTop: 14, marginBottom: 6 },
  cell: { paddingVertical: 3, paddingHorizontal: 5 },
  headerCell: { fontWeight: 700, color: "#ffffff" },
});

type TextProps = {
  children: string;
  style?: Style | Style[];
  /**
   * Where lines sit: the document's start side (default), the centre, or the start side of the text's
   * own direction (for paragraphs). No justification: react-pdf puts the last line of a justified
   * paragraph on the left, which is wrong for Arabic.
   */
  align?: "start" | "center" | "content";
  fixed?: boolean;
  /** Move to the next page unless this much room (points) is left below: keeps a heading with its text. */
  minPresenceAhead?: number;
};

/** Text shaped for the PDF, its bidi direction taken from its own first strong letter. */
export function T({ children, style, align = "start", fixed, minPresenceAhead }: TextProps) {
  const ctx = useDocument();
  const rtl = isRightToLeft(children);
  const startRtl = align === "content" ? rtl : ctx.dir === "rtl";
  const textAlign = align === "center" ? "center" : startRtl ? "right" : "left";
  const base: Style = { direction: rtl ? "rtl" : "ltr", textAlign };
  return (
    <Text
      style={[base, ...(Array.isArray(style) ? style : style ? [style] : [])]}
      fixed={fixed}
      minPresenceAhead={minPresenceAhead}
    >
      {shapeArabic(children)}
    </Text>
  );
}

/** A row that runs from the document's start side. */
export function Row({
  children,
  style,
  fixed,
}: {
  children: ReactNode;
  style?: Style | Style[];
  fixed?: boolean;
}) {
  const ctx = useDocument();
  const direction: Style = { flexDirection: ctx.dir === "rtl" ? "row-reverse" : "row" };
  return (
    <View style={[direction, ...(Array.isArray(style) ? style : style ? [style] : [])]} fixed={fixed}>
      {children}
    </View>
  );
}

export function Heading({ children }: { children: string }) {
  return (
    <T style={styles.heading} minPresenceAhead={48}>
      {children}
    </T>
  );
}

/** An A4 page; with `footer`, a running footer on every page: the reference and "page N of M". */
export function DocumentPage({
  children,
  orientation = "portrait",
  reference,
  footer = true,
  style,
}: {
  children: ReactNode;
  orientation?: "portrait" | "landscape";
  reference?: string | null;
  footer?: boolean;
  style?: Style;
}) {
  const ctx = useDocument();
  return (
    <Page size="A4" orientation={orientation} style={style ? [styles.page, style] : styles.page}>
      {children}
      {footer ? (
        <Row style={styles.footer} fixed>
          <Text
            style={{ flexGrow: 1, textAlign: ctx.dir === "rtl" ? "right" : "left" }}
            render={({ pageNumber, totalPages }) =>
              shapeArabic(ctx.t("page", { page: ctx.number(pageNumber), pages: ctx.number(totalPages ?? 1) }))
            }
          />
          {reference ? <T style={{ flexGrow: 1 }}>{reference}</T> : null}
        </Row>
      ) : null}
    </Page>
  );
}

export type Column = { label: string; width: number };

/** A table whose rows never split across pages; the first column is at the start side. */
export function Table({ columns, rows }: { columns: Column[]; rows: string[][] }) {
  const cellStyle = (width: number): Style => ({ ...styles.cell, flexBasis: 0, flexGrow: width });
  return (
    <View style={{ borderWidth: 0.5, borderColor: COLORS.rule, marginBottom: 6 }}>
      <Row style={{ backgroundColor: COLORS.navy }}>
        {columns.map((c, i) => (
          <View key={i} style={cellStyle(c.width)}>
            <T style={styles.headerCell}>{c.label}</T>
          </View>
        ))}
      </Row>
      {rows.map((row, r) => (
        <View key={r} wrap={false}>
          <Row style={{ backgroundColor: r % 2 === 1 ? "#f3f5f8" : "#ffffff" }}>
            {columns.map((c, i) => (
              <View key={i} style={cellStyle(c.width)}>
                <T>{row[i] ?? ""}</T>
              </View>
            ))}
          </Row>
        </View>
      ))}
    </View>
  );
}

/** "label: value" lines, the label in bold at the start side. */
export function Facts({ items }: { items: Array<[label: string, value: string]> }) {
  return (
    <View style={{ marginBottom: 6 }}>
      {items.map(([label, value], i) => (
        <Row key={i} style={{ borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, paddingVertical: 2 }}>
          <View style={{ width: 120 }}>
            <T style={{ fontWeight: 700, color: COLORS.navy }}>{label}</T>
          </View>
          <View style={{ flexGrow: 1, flexBasis: 0 }}>
            <T>{value}</T>
          </View>
        </Row>
      ))}
    </View>
  );
}

/** Numbered or bulleted lines, the marker at the start side. */
export function List({ items, numbered = false }: { items: string[]; numbered?: boolean }) {
  const ctx = useDocument();
  return (
    <View style={{ marginBottom: 4 }}>
      {items.map((item, i) => (
        <Row key={i} style={{ marginBottom: 2 }}>
          <View style={{ width: 22 }}>
            <T>{numbered ? `${ctx.number(i + 1)}.` : "•"}</T>
          </View>
          <View style={{ flexGrow: 1, flexBasis: 0 }}>
            <T align="content">{item}</T>
          </View>
        </Row>
      ))}
    </View>
  );
}
