// The one typeface of Tansiq's PDFs: Noto Naskh Arabic (Arabic and Latin), bundled by npm, so nothing
// is fetched at run time. docs/decisions/0006-arabic-pdf.md says why text is shaped before layout and
// why the glyphs' text is set here.

import { createRequire } from "node:module";
import { Font } from "@react-pdf/renderer";
import { presentationForms } from "./shape-arabic";

export const DOCUMENT_FONT = "Tansiq Naskh";

const require = createRequire(import.meta.url);
const FILES = {
  400: require.resolve("@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf"),
  700: require.resolve("@expo-google-fonts/noto-naskh-arabic/700Bold/NotoNaskhArabic_700Bold.ttf"),
} as const;

/**
 * OpenType features for every text run. `ccmp` is off: Noto Naskh builds dotted letters from a dotless
 * skeleton plus dot glyphs there, and a PDF maps each glyph to one text, so ج خ ح would all read as one
 * letter when copied or searched. With it off, each presentation form keeps its own composed glyph.
 */
export const DOCUMENT_FONT_FEATURES = { ccmp: false } as const;

/** The parts of a fontkit font this module touches. */
type Glyph = { id: number; codePoints: number[] };
type LoadedFont = {
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): Glyph;
  layout(
    text: string,
    features?: Record<string, boolean>,
    script?: string,
    language?: string,
    direction?: "ltr" | "rtl",
  ): { glyphs: Glyph[] };
};

let registered = false;
const prepared = new WeakSet<object>();

function register(): void {
  if (registered) return;
  Font.register({
    family: DOCUMENT_FONT,
    fonts: [
      { src: FILES[400], fontWeight: 400 },
      { src: FILES[700], fontWeight: 700 },
    ],
  });
  // Never split words: react-pdf's default hyphenation is English and would cut Arabic words.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

/**
 * The text a PDF reader extracts for a glyph is the text of the first character drawn with it
 * (fontkit keeps one glyph object per glyph id). Setting each presentation-form glyph to the letter it
 * stands for, before any layout, makes the PDF's text layer plain Arabic letters in logical order.
 */
function mapGlyphsToLetters(font: LoadedFont): void {
  // Core Arabic letters come first: where a foreign letter shares their glyph (ی and ي initial, ک and
  // ك), the glyph reads as the Arabic letter.
  const mapped = new Set<number>();
  for (const { form, letters } of presentationForms()) {
    const single = Array.from(letters);
    if (single.length !== 1 || !font.hasGlyphForCodePoint(form)) continue;
    const glyph = font.glyphForCodePoint(form);
    if (mapped.has(glyph.id)) continue;
    glyph.codePoints = [single[0]!.codePointAt(0)!];
    mapped.add(glyph.id);
  }
  // Plain lam-alef: the font's required ligature draws lam (initial or medial) + final alef as two glyphs.
  for (const pair of ["\uFEDF\uFE8E", "\uFEE0\uFE8E"]) {
    const glyphs = font.layout(pair, DOCUMENT_FONT_FEATURES, undefined, undefined, "ltr").glyphs;
    if (glyphs.length !== 2) continue;
    glyphs[0]!.codePoints = [0x0644];
    glyphs[1]!.codePoints = [0x0627];
  }
}

/** Registers and loads the document font (once per process); call before rendering. */
export async function loadDocumentFonts(): Promise<void> {
  register();
  for (const fontWeight of [400, 700] as const) {
    const source = Font.getFont({ fontFamily: DOCUMENT_FONT, fontWeight });
    await source.load();
    const font = source.data as unknown as LoadedFont | null;
    if (font && !prepared.has(font)) {
      mapGlyphsToLetters(font);
      prepared.add(font);
    }
  }
}
