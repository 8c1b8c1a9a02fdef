// The public report page: a resident sends a report (/report) or follows one by its tracking code (/track).
// Plain DOM, every text set with textContent (nothing a resident or staff member typed is ever read as markup).
import { enums as enumsAr, publicReport as ar } from "../../common/i18n/ar.json";
import { enums as enumsEn, publicReport as en } from "../../common/i18n/en.json";
import { solveWork } from "../../common/community/proof-of-work";
import { DISTRICTS } from "../../common/districts";
import { COMMUNITY_CATEGORIES, COMMUNITY_WHEN } from "../../common/enums";
import { LIMITS } from "../../common/limits";
import { TOWNS } from "../../common/towns";

type Lang = "ar" | "en";
const params = new URLSearchParams(location.search);
const lang: Lang = params.get("lang") === "en" ? "en" : "ar";
const s = lang === "en" ? en : ar;
const enums = lang === "en" ? enumsEn : enumsAr;
const isTrack = location.pathname.replace(/\/$/, "").endsWith("/track");

document.documentElement.lang = lang;
document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
document.title = `${isTrack ? s.trackTitle : s.title} — Tansiq`;

type Child = Node | string | null | false;
/** An element with attributes and children; strings become text nodes, never markup. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) continue;
    el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== false) el.append(c);
  return el;
}

const withLang = (path: string, to: Lang = lang) => (to === "en" ? `${path}?lang=en` : path);
const digits = (text: string) => text; // Western digits, as in Libya
const formatTime = (iso: string) =>
  digits(
    new Intl.DateTimeFormat(lang === "ar" ? "ar-LY-u-nu-latn" : "en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Africa/Tripoli",
    }).format(new Date(iso)),
  );

async function api(method: "GET" | "POST", path: string, body?: unknown) {
  const response = await fetch(`/api/public/community/${path}`, {
    method,
    credentials: "omit",
    headers: { "accept-language": lang, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await response.json().catch(() => null)) as {
    data?: unknown;
    error?: { code: string; message: string };
  } | null;
  return { status: response.status, json };
}

/** An error as the resident should read it: the server's message is already in their language. */
function errorText(status: number, json: { error?: { message: string } } | null) {
  if (status === 429) return s.rateLimited;
  if (status === 413) return s.tooLarge;
  return json?.error?.message ?? s.failed;
}

function header() {
  const other: Lang = lang === "ar" ? "en" : "ar";
  const here = isTrack ? "/track" : "/report";
  return h(
    "header",
    {},
    h("h1", {}, isTrack ? s.trackTitle : s.title),
    h(
      "nav",
      {},
      h("a", { href: withLang(isTrack ? "/report" : "/track") }, isTrack ? s.reportLink : s.trackLink),
      h("a", { href: withLang(here, other), lang: other, hreflang: other }, s.lang),
    ),
  );
}

function select(name: string, options: [string, string][], attrs: Record<string, string | boolean> = {}) {
  return h(
    "select",
    { id: name, name, ...attrs },
    ...options.map(([v, label]) => h("option", { value: v }, label)),
  );
}

function reportPage(root: HTMLElement) {
  const category = select(
    "category",
    COMMUNITY_CATEGORIES.map((c) => [c, enums.communityCategory[c]]),
  );
  const text = h("textarea", {
    id: "text",
    name: "text",
    maxlength: String(LIMITS.communityText),
    required: true,
  });
  const district = select(
    "district",
    DISTRICTS.map((d) => [d.pcode, lang === "en" ? d.nameEn : d.nameAr]),
  );
  district.value = "LY0104";
  const town = h("select", { id: "town", name: "town" });
  const fillTowns = () => {
    town.replaceChildren(
      h("option", { value: "" }, s.noTown),
      ...TOWNS.filter((t) => t.district === district.value).map((t) =>
        h("option", { value: t.pcode }, lang === "en" ? t.nameEn : t.nameAr),
      ),
    );
  };
  fillTowns();
  district.addEventListener("change", fillTowns);
  const when = select(
    "when",
    COMMUNITY_WHEN.map((w) => [w, enums.communityWhen[w]]),
  );
  const contact = h("input", {
    id: "contact",
    name: "contact",
    type: "text",
    inputmode: "email",
    autocomplete: "off",
    maxlength: String(LIMITS.communityContact),
  });
  const honey = h("input", {
    id: "website",
    name: "website",
    type: "text",
    tabindex: "-1",
    autocomplete: "off",
  });
  let pin: { latitude: number; longitude: number } | null = null;
  const pinStatus = h("p", { class: "hint", "aria-live": "polite" });
  const pinButton = h("button", { type: "button", class: "secondary" }, s.pin);
  pinButton.addEventListener("click", () => {
    navigator.geolocation?.getCurrentPosition((p) => {
      // Rounded here too, so the exact place never leaves the phone.
      pin = {
        latitude: Math.round(p.coords.latitude * 100) / 100,
        longitude: Math.round(p.coords.longitude * 100) / 100,
      };
      pinStatus.textContent = s.pinAdded;
    });
  });
  const message = h("p", { class: "error", role: "alert" });
  const submit = h("button", { type: "submit" }, s.submit);
  const form = h(
    "form",
    { novalidate: true },
    h("p", {}, s.intro),
    h("p", { class: "privacy" }, s.kept),
    h("p", { class: "privacy" }, s.notKept),
    h("p", { class: "warn" }, s.emergency),
    h("label", { for: "category" }, s.category),
    category,
    h("label", { for: "text" }, s.text),
    h("p", { class: "hint" }, s.textHint),
    text,
    h("label", { for: "district" }, s.district),
    district,
    h("label", { for: "town" }, s.town),
    town,
    h("div", { class: "actions" }, pinButton),
    pinStatus,
    h("label", { for: "when" }, s.when),
    when,
    h("label", { for: "contact" }, s.contact),
    h("p", { class: "hint" }, s.contactWho),
    contact,
    h("div", { class: "honey", "aria-hidden": "true" }, h("label", { for: "website" }, s.website), honey),
    message,
    h("div", { class: "actions" }, submit),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    message.textContent = "";
    if (text.value.trim() === "") {
      message.textContent = `${s.text}: ${s.required}`;
      text.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = s.working;
    void (async () => {
      try {
        const challenge = await api("GET", "challenge");
        if (challenge.status !== 200) throw Object.assign(new Error(), challenge);
        const { challenge: c, bits } = challenge.json!.data as { challenge: string; bits: number };
        await new Promise((r) => setTimeout(r, 0)); // let "sending…" paint before the work
        const r = await api("POST", "reports", {
          category: category.value,
          text: text.value,
          districtPcode: district.value,
          townPcode: town.value || null,
          latitude: pin?.latitude ?? null,
          longitude: pin?.longitude ?? null,
          when: when.value,
          contact: contact.value,
          language: lang,
          challenge: c,
          nonce: solveWork(c, bits),
          website: honey.value,
        });
        if (r.status !== 201) throw Object.assign(new Error(), r);
        showCode(root, (r.json!.data as { code: string }).code);
      } catch (error) {
        const e = error as { status?: number; json?: { error?: { message: string } } | null };
        message.textContent = e.status ? errorText(e.status, e.json ?? null) : s.failed;
        submit.disabled = false;
        submit.textContent = s.submit;
      }
    })();
  });
  root.replaceChildren(header(), form);
}

function showCode(root: HTMLElement, code: string) {
  const copy = h("button", { type: "button", class: "secondary" }, s.copy);
  copy.addEventListener("click", () => {
    void navigator.clipboard?.writeText(code).then(() => (copy.textContent = s.copied));
  });
  root.replaceChildren(
    header(),
    h(
      "section",
      { class: "card", "aria-live": "polite" },
      h("p", {}, s.sent),
      h("p", { class: "code", id: "tracking-code" }, code),
      h("p", { class: "warn" }, s.keepCode),
      h("div", { class: "actions" }, copy, h("a", { href: withLang("/track") }, s.trackLink)),
    ),
  );
}

function trackPage(root: HTMLElement) {
  const code = h("input", {
    id: "code",
    name: "code",
    type: "text",
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    dir: "ltr",
    maxlength: "24",
    placeholder: "XXXX-XXXX-XXXX-XXXX",
  });
  const message = h("p", { class: "error", role: "alert" });
  const result = h("section", { class: "card", hidden: true, "aria-live": "polite" });
  const button = h("button", { type: "submit" }, s.trackButton);
  const form = h(
    "form",
    {},
    h("label", { for: "code" }, s.code),
    code,
    message,
    h("div", { class: "actions" }, button),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    message.textContent = "";
    result.hidden = true;
    button.disabled = true;
    void api("POST", "track", { code: code.value })
      .then((r) => {
        if (r.status !== 200) {
          message.textContent = r.status === 404 ? s.notFound : errorText(r.status, r.json);
          return;
        }
        const d = r.json!.data as {
          status: keyof typeof enums.communityStatus;
          category: keyof typeof enums.communityCategory;
          submittedAt: string;
          replies: { text: string; at: string }[];
        };
        result.replaceChildren(
          h("p", {}, `${s.status}: `, h("strong", { id: "track-status" }, enums.communityStatus[d.status])),
          h(
            "p",
            { class: "meta" },
            `${enums.communityCategory[d.category]} · ${s.submittedAt} `,
            h("bdi", {}, formatTime(d.submittedAt)),
          ),
          h("h2", {}, s.replies),
          ...(d.replies.length
            ? d.replies.map((reply) =>
                h(
                  "div",
                  { class: "reply" },
                  h("div", { class: "meta" }, h("bdi", {}, formatTime(reply.at))),
                  h("div", { dir: "auto" }, reply.text),
                ),
              )
            : [h("p", { class: "meta" }, s.noReplies)]),
        );
        result.hidden = false;
      })
      .catch(() => (message.textContent = s.failed))
      .finally(() => (button.disabled = false));
  });
  root.replaceChildren(header(), form, result);
}

const root = document.getElementById("root")!;
if (isTrack) trackPage(root);
else reportPage(root);
