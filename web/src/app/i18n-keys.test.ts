import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Catalogue = { [key: string]: string | Catalogue };

function load(language: "ar" | "en"): Catalogue {
  const url = new URL(`../../../common/i18n/${language}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Catalogue;
}

/** Every leaf as "section.key", with a marker for leaves that are not non-empty strings. */
function leaves(node: Catalogue, prefix = ""): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [child, leaf] of leaves(value, path)) found.set(child, leaf);
    } else {
      found.set(path, value);
    }
  }
  return found;
}

const ar = leaves(load("ar"));
const en = leaves(load("en"));

describe("i18n catalogues", () => {
  it("have the same keys in Arabic and English", () => {
    const missingInEn = [...ar.keys()].filter((key) => !en.has(key));
    const missingInAr = [...en.keys()].filter((key) => !ar.has(key));
    expect({ missingInEn, missingInAr }).toEqual({ missingInEn: [], missingInAr: [] });
  });

  it("have no empty or non-text values", () => {
    const bad = [...ar, ...en]
      .filter(([, value]) => typeof value !== "string" || value.trim() === "")
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (text: unknown) =>
      typeof text === "string" ? [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort() : [];
    const differing = [...ar.keys()].filter(
      (key) => JSON.stringify(placeholders(ar.get(key))) !== JSON.stringify(placeholders(en.get(key))),
    );
    expect(differing).toEqual([]);
  });

  it("hold the core sections", () => {
    const sections = new Set([...ar.keys()].map((key) => key.split(".")[0]));
    for (const section of ["errors", "validation", "fields", "app", "nav", "common", "login", "enums"]) {
      expect(sections.has(section), section).toBe(true);
    }
  });
});
