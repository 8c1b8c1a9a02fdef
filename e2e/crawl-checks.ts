import type { Page } from "playwright-core";
import { DEMO_USERS } from "../server/demo/demo-region";

export type Run = { username: string; language: "ar" | "en"; width: number };

// Latin text that is data, not interface: references (TSK-2026-000004), e-mail addresses, account names,
// web addresses, the names of file formats. Text the page marks as another language (`lang="en"` on the
// language switch) or as not to be translated (`translate="no"`: agency codes) is skipped as well. Anything
// else in Latin letters on an Arabic page is an untranslated word.
const VERBATIM = [
  /\b(?:CSV|Excel|PDF|ICS|iCalendar|GeoJSON)\b/g,
  /\b[A-Z]{2,6}(?:-[A-Z0-9]+)*-\d{4}-\d{3,}\b/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\bhttps?:\/\/\S+/g,
  new RegExp(
    `(?<![\\w.])(?:${DEMO_USERS.map((u) => u.username.replace(".", "\\.")).join("|")})(?![\\w.])`,
    "g",
  ),
];
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
// i18n keys and internal names look like `commitment.create`, `needs.category.other`, `due-sweep`.
const KEY = /(?<![\w@.])[a-z][a-zA-Z]+(?:[._][a-z][a-zA-Z]*)+(?![\w@])/g;

/** What is wrong with the page as shown: error screen, overflow, untranslated text, UUIDs, cut badges. */
export async function pageProblems(page: Page, run: Run): Promise<string[]> {
  const problems: string[] = [];
  if ((await page.getByTestId("page-error").count()) > 0) problems.push("error screen shown");
  const layout = await page.evaluate(() => {
    const root = document.documentElement;
    const cut = [...document.querySelectorAll<HTMLElement>(".mantine-Badge-label")]
      .filter((label) => label.offsetParent !== null && label.scrollWidth > label.clientWidth + 1)
      .map((label) => label.textContent ?? "");
    // Text marked as another language or as not to be translated is not the interface's: left out.
    let text = document.body.innerText;
    const html = document.documentElement.lang || "ar";
    const others = [...document.querySelectorAll<HTMLElement>('[translate="no"], [lang]')].filter(
      (el) => el !== root && (el.getAttribute("translate") === "no" || !el.lang.startsWith(html)),
    );
    for (const el of others) if (el.innerText.trim()) text = text.replace(el.innerText, " ");
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, cut, text };
  });
  if (layout.scrollWidth > layout.clientWidth + 1)
    problems.push(`page is ${layout.scrollWidth} px wide on a ${layout.clientWidth} px screen`);
  for (const badge of layout.cut) problems.push(`badge cut: «${badge}»`);

  let text = layout.text;
  for (const pattern of VERBATIM) text = text.replace(pattern, " ");
  const uuid = UUID.exec(layout.text);
  if (uuid) problems.push(`UUID shown: ${uuid[0]}`);
  const keys = [...new Set(text.match(KEY) ?? [])];
  if (keys.length > 0) problems.push(`internal keys shown: ${keys.slice(0, 8).join(", ")}`);
  if (run.language === "ar") {
    const words = [...new Set(text.replace(KEY, " ").match(/[A-Za-z]{2,}/g) ?? [])];
    if (words.length > 0) problems.push(`English in the Arabic interface: ${words.slice(0, 12).join(", ")}`);
  }
  return problems;
}
