import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The app imports Mantine's CSS per component (styles.ts), so a component used without its CSS renders
// unstyled — a Progress with no bar, a Card with no border — and nothing else fails. This test reads every
// import from "@mantine/core" in web/src and requires the CSS of each component, and of what it builds on.

const SRC = join(import.meta.dirname, "..");
const STYLES = join(import.meta.dirname, "styles.ts");
const MANTINE_CSS = join(import.meta.dirname, "../../../node_modules/@mantine/core/styles");

/** Components built on others' styles (Mantine's docs, "Styles" of each component). */
const BUILT_ON: Record<string, string[]> = {
  Select: ["Input", "Combobox"],
  MultiSelect: ["Input", "Combobox", "Pill", "PillsInput"],
  Autocomplete: ["Input", "Combobox"],
  TagsInput: ["Input", "Combobox", "Pill", "PillsInput"],
  NativeSelect: ["Input"],
  TextInput: ["Input"],
  Textarea: ["Input"],
  NumberInput: ["Input"],
  PasswordInput: ["Input"],
  FileInput: ["Input"],
  Switch: ["InlineInput"],
  Checkbox: ["InlineInput"],
  Radio: ["InlineInput"],
  Modal: ["ModalBase", "Overlay"],
  Drawer: ["ModalBase", "Overlay"],
  SegmentedControl: ["FloatingIndicator"],
  Tabs: [],
  Menu: ["Popover"],
  Tooltip: ["Popover"],
  HoverCard: ["Popover"],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

function usedComponents(): Set<string> {
  const used = new Set<string>();
  const pattern = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"@mantine\/core"/g;
  for (const file of sources(SRC))
    for (const match of readFileSync(file, "utf8").matchAll(pattern))
      for (const part of match[1]!.split(",")) {
        const name = part
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)[0]!;
        if (/^[A-Z]/.test(name)) used.add(name);
      }
  return used;
}

describe("Mantine styles", () => {
  it("imports the CSS of every Mantine component the app uses, and of what each builds on", () => {
    const imported = new Set(
      [...readFileSync(STYLES, "utf8").matchAll(/@mantine\/core\/styles\/([A-Za-z]+)\.css/g)].map(
        (m) => m[1],
      ),
    );
    const missing: string[] = [];
    for (const component of usedComponents())
      for (const needed of [component, ...(BUILT_ON[component] ?? [])])
        if (existsSync(join(MANTINE_CSS, `${needed}.css`)) && !imported.has(needed))
          missing.push(component === needed ? needed : `${needed} (for ${component})`);
    expect([...new Set(missing)].sort(), "add these to web/src/app/styles.ts").toEqual([]);
  });

  it("finds the components (the scan itself works)", () => {
    const used = usedComponents();
    for (const name of ["Button", "Table", "Select", "Modal"]) expect(used.has(name), name).toBe(true);
  });
});
