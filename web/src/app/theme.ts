import { Badge, createTheme } from "@mantine/core";

// Noto Sans Arabic is bundled (see main.tsx); it carries Latin too, so one family serves both languages.
const FONT = "'Noto Sans Arabic', system-ui, 'Segoe UI', Tahoma, sans-serif";

export const theme = createTheme({
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: "700" },
  primaryColor: "tansiq",
  colors: {
    tansiq: [
      "#e8f1fa",
      "#cfdfee",
      "#9ebedf",
      "#6a9bcf",
      "#417ec2",
      "#286cba",
      "#1a62b7",
      "#0b52a1",
      "#004991",
      "#003e80",
    ],
  },
  defaultRadius: "sm",
  cursorType: "pointer",
  components: {
    // A status badge is read, never cut: it keeps its whole word and does not shrink in a narrow column.
    Badge: Badge.extend({
      styles: { root: { minWidth: "max-content", flexShrink: 0 }, label: { overflow: "visible" } },
    }),
  },
});
