// The sign-in page (/login): plain DOM, a few kilobytes, so that on a slow line the form is usable long before the
// staff app (React, Mantine, the router) has arrived. Every text is set with textContent. It signs in through the same
// API as the app (POST /api/auth/login, with a second factor when the account has one) and then opens the page the
// visitor was going to, which loads the app. The language picked here is kept in this browser (as the app keeps it)
// and saved on the account once signed in.
import {
  app as appAr,
  errors as errorsAr,
  fields as fieldsAr,
  login as loginAr,
  nav as navAr,
} from "../../common/i18n/ar.json";
import {
  app as appEn,
  errors as errorsEn,
  fields as fieldsEn,
  login as loginEn,
  nav as navEn,
} from "../../common/i18n/en.json";
import { toWesternDigits } from "../../common/arabic";
import { LIMITS } from "../../common/limits";

type Lang = "ar" | "en";
const STORAGE_KEY = "tansiq.language"; // the app's key (web/src/app/i18n.ts)
const TOTP_CODES = new Set(["totp_required", "totp_invalid"]);
const CATALOGUES = {
  ar: { app: appAr, errors: errorsAr, fields: fieldsAr, login: loginAr, nav: navAr },
  en: { app: appEn, errors: errorsEn, fields: fieldsEn, login: loginEn, nav: navEn },
};

function storedLanguage(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "ar";
  } catch {
    return "ar";
  }
}

function storeLanguage(value: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Where to go once signed in: a path inside the app (never another site, never back here). */
export function destination(search: string): string {
  const from = new URLSearchParams(search).get("from");
  return from && from.startsWith("/") && !from.startsWith("//") && !from.startsWith("/login") ? from : "/";
}

/** Digits as typed on an Arabic keyboard count too. */
function cleanCode(text: string): string {
  return toWesternDigits(text).replace(/\D/g, "").slice(0, LIMITS.totpCode);
}

type ApiFailure = {
  status: number;
  code: string;
  message: string;
  fields: { field: string; message: string }[];
};
type Me = { language: Lang };

async function call(method: "GET" | "POST" | "PATCH", path: string, body?: unknown) {
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: {
      accept: "application/json",
      "accept-language": lang,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json().catch(() => null)) as {
    data?: Me;
    error?: Partial<ApiFailure>;
  } | null;
  return { status: response.status, json };
}

let lang: Lang = storedLanguage();
let picked: Lang | null = null; // chosen on this page: becomes the account's language
let needsTotp = false;
let sentTotp = false;
let busy = false;
let failure: ApiFailure | null = null;
const target = destination(location.search);

const text = () => CATALOGUES[lang];

type Child = Node | string | null | false;
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== false) el.setAttribute(k, v === true ? "" : v);
  for (const c of children) if (c !== null && c !== false) el.append(c);
  return el;
}

// The inputs live across renders so that typing, focus and the browser's autofill are never lost.
const username = h("input", {
  id: "username",
  name: "username",
  autocomplete: "username",
  autocapitalize: "none",
  spellcheck: "false",
  dir: "ltr",
  required: true,
  maxlength: String(LIMITS.username),
  "data-testid": "login-username",
});
const password = h("input", {
  id: "password",
  name: "password",
  type: "password",
  autocomplete: "current-password",
  required: true,
  maxlength: String(LIMITS.passwordMax),
  "data-testid": "login-password",
});
const totp = h("input", {
  id: "totp",
  name: "totp",
  inputmode: "numeric",
  autocomplete: "one-time-code",
  dir: "ltr",
  required: true,
  maxlength: String(LIMITS.totpCode),
  "aria-describedby": "totp-hint",
  "data-testid": "login-totp",
});
totp.addEventListener("input", () => (totp.value = cleanCode(totp.value)));

function field(id: string, label: string, input: HTMLInputElement, ...extra: Child[]) {
  const fieldError = failure?.fields.find((f) => f.field === id)?.message;
  input.setAttribute("aria-invalid", fieldError ? "true" : "false");
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    input,
    ...extra,
    fieldError ? h("p", { class: "field-error", id: `${id}-error` }, fieldError) : null,
  );
}

function render() {
  const s = text();
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === "ar" ? "rtl" : "ltr";
  document.title = `${s.login.title} · ${s.app.name}`;
  const other: Lang = lang === "ar" ? "en" : "ar";

  const isTotpError = failure !== null && TOTP_CODES.has(failure.code);
  const totpError =
    failure && (failure.code === "totp_invalid" || (failure.code === "totp_required" && sentTotp))
      ? failure.message
      : null;

  const switchButton = h(
    "button",
    {
      type: "button",
      class: "switch",
      lang: other,
      "aria-label": s.nav.switchLanguageLabel,
      "data-testid": "lang-switch",
    },
    s.nav.switchLanguage,
  );
  switchButton.addEventListener("click", () => {
    lang = other;
    picked = other;
    storeLanguage(other);
    render();
  });

  const reveal = h(
    "button",
    {
      type: "button",
      class: "reveal",
      "aria-controls": "password",
      "aria-pressed": String(password.type === "text"),
    },
    password.type === "text" ? s.login.hidePassword : s.login.showPassword,
  );
  reveal.addEventListener("click", () => {
    password.type = password.type === "text" ? "password" : "text";
    render();
    password.focus();
  });

  const submit = h(
    "button",
    { type: "submit", class: "submit", "aria-busy": String(busy), "data-testid": "login-submit" },
    busy ? s.app.loading : needsTotp ? s.login.verify : s.login.submit,
  );
  submit.disabled = busy;

  const form = h(
    "form",
    { novalidate: true },
    h("h1", { "data-testid": "page-title" }, s.login.title),
    h("p", { class: "intro" }, s.login.intro),
    failure && !isTotpError
      ? h("div", { class: "alert", role: "alert", "data-testid": "login-error" }, failure.message)
      : null,
    field("username", s.fields.username, username),
    field("password", s.fields.password, password, reveal),
    needsTotp
      ? field(
          "totp",
          s.fields.totp,
          totp,
          h("p", { class: "hint", id: "totp-hint" }, s.login.totpHint),
          totpError ? h("p", { class: "field-error", role: "alert" }, totpError) : null,
        )
      : null,
    submit,
  );
  if (totpError) totp.setAttribute("aria-invalid", "true");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void signIn();
  });

  const root = document.getElementById("root")!;
  root.replaceChildren(
    h("header", {}, h("span", { class: "brand" }, s.app.name), switchButton),
    h("section", { class: "card" }, form),
  );
}

async function signIn() {
  if (busy) return;
  const code = cleanCode(totp.value);
  sentTotp = needsTotp;
  busy = true;
  failure = null;
  render();
  try {
    const { status, json } = await call("POST", "/api/auth/login", {
      username: username.value.trim().toLowerCase(),
      password: password.value,
      ...(needsTotp && code ? { totp: code } : {}),
    });
    if (status === 200 && json?.data) {
      if (picked && picked !== json.data.language)
        await call("PATCH", "/api/auth/preferences", { language: picked }).catch(() => null);
      location.replace(target);
      return;
    }
    const error = json?.error;
    const code_ =
      typeof error?.code === "string" ? error.code : status >= 500 ? "internal" : "validation_failed";
    failure = {
      status,
      code: code_,
      message:
        typeof error?.message === "string" && error.message
          ? error.message
          : status === 429
            ? text().errors.rate_limited
            : text().errors.internal,
      fields: Array.isArray(error?.fields) ? error.fields : [],
    };
    if (TOTP_CODES.has(code_)) needsTotp = true;
  } catch {
    failure = { status: 0, code: "unavailable", message: text().errors.unavailable, fields: [] };
  }
  busy = false;
  render();
  if (failure?.code && TOTP_CODES.has(failure.code)) totp.focus();
  else if (failure?.fields.some((f) => f.field === "username")) username.focus();
  else if (failure?.fields.some((f) => f.field === "password")) password.focus();
}

render();
username.focus();
// Already signed in (a bookmark of /login, the back button): go straight on.
void call("GET", "/api/auth/me")
  .then(({ status }) => {
    if (status === 200) location.replace(target);
  })
  .catch(() => {});
