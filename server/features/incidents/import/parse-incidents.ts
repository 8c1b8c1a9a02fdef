import { DISTRICTS, type DistrictPcode } from "../../../../common/districts";
import { LIMITS } from "../../../../common/limits";
import type { IncidentSource } from "../../../../common/enums";
import { csvRecords } from "./read-csv";

export const IMPORT_FORMATS = ["tansiq", "acled", "iom"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Why a row is refused (a code; its words are in REFUSAL_MESSAGES). */
export type RefusalReason =
  | "required"
  | "invalid_date"
  | "in_future"
  | "invalid_number"
  | "unknown_type"
  | "unknown_district"
  | "outside_area"
  | "too_long";
export type Refusal = { row: number; column: string; reason: RefusalReason; message: string };

/** One row read from a file, ready to write. `row` is its line in the file (the header is line 1). */
export type ImportCandidate = {
  row: number;
  source: IncidentSource;
  sourceId: string | null;
  sourceUrl: string | null;
  typeCode: string;
  occurredOn: string;
  districtPcode: DistrictPcode | null;
  placeName: string;
  latitude: number | null;
  longitude: number | null;
  narrative: string | null;
  dead: number;
  missing: number;
  rescued: number;
  arrests: number;
  intercepted: number;
};

export const REFUSAL_MESSAGES: Record<"ar" | "en", Record<RefusalReason, string>> = {
  ar: {
    required: "قيمة مطلوبة مفقودة",
    invalid_date: "تاريخ غير صالح",
    in_future: "التاريخ في المستقبل",
    invalid_number: "عدد غير صالح",
    unknown_type: "نوع واقعة غير معروف",
    unknown_district: "منطقة غير معروفة",
    outside_area: "الإحداثيات خارج ليبيا والبحر المقابل لها",
    too_long: "النص أطول من المسموح",
  },
  en: {
    required: "a required value is missing",
    invalid_date: "not a valid date",
    in_future: "the date is in the future",
    invalid_number: "not a valid count",
    unknown_type: "unknown incident type",
    unknown_district: "unknown district",
    outside_area: "coordinates outside Libya and the sea off it",
    too_long: "text longer than allowed",
  },
};

/** The columns of Tansiq's own template: Arabic header, English header, field. */
export const TEMPLATE_COLUMNS = [
  ["معرف المصدر", "source_id"],
  ["رمز النوع", "type_code"],
  ["التاريخ", "occurred_on"],
  ["رمز المنطقة", "district_pcode"],
  ["المكان", "place_name"],
  ["خط العرض", "latitude"],
  ["خط الطول", "longitude"],
  ["الوصف", "narrative"],
  ["القتلى", "dead"],
  ["المفقودون", "missing"],
  ["الناجون", "rescued"],
  ["الموقوفون", "arrests"],
  ["المعترضون", "intercepted"],
] as const;

/** The template's example row (the downloadable template's second line), one cell per column above. */
export const TEMPLATE_EXAMPLE = [
  "TBQ-1",
  "smuggling_fuel",
  "2026-01-15",
  "LY0104",
  "منفذ امساعد",
  "31.58",
  "25.05",
  "",
  "0",
  "0",
  "0",
  "2",
  "0",
];

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** A day as YYYY-MM-DD from 2016-03-15, 15 March 2016, 15-Mar-2016 or 28-Oct-19; null when not a real day. */
export function parseDay(text: string): string | null {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const named = /^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{2}|\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (named) {
    m = MONTHS.indexOf((named[2] ?? "").slice(0, 3).toLowerCase()) + 1;
    d = Number(named[1]);
    y = Number(named[3]);
    if ((named[3] ?? "").length === 2) y += 2000;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const fold = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");
const DISTRICT_ALIASES: Record<string, DistrictPcode> = {
  albutnan: "LY0104",
  butnan: "LY0104",
  annuqatalkhams: "LY0215",
  surt: "LY0208",
  darnah: "LY0101",
  alhizamalakhdar: "LY0104",
  misratah: "LY0214",
  azzawiyah: "LY0213",
  ajdabiya: "LY0105",
  alkufrah: "LY0107",
  almarj: "LY0102",
  aljifarah: "LY0212",
  murzuq: "LY0322",
  sabha: "LY0319",
  ghat: "LY0321",
  nalut: "LY0209",
  wadiashshati: "LY0318",
  wadialhayaa: "LY0320",
  aljufrah: "LY0317",
  almarqab: "LY0210",
  tarabulus: "LY0211",
  benghazi: "LY0103",
  banghazi: "LY0103",
  aljabalalakhdar: "LY0106",
  aljabalalgharbi: "LY0216",
};
/** A district from an ACLED admin1 name, an OCHA English or Arabic name, or a pcode. */
export function districtOf(name: string): DistrictPcode | null {
  const byCode = DISTRICTS.find((d) => d.pcode === name.toUpperCase());
  if (byCode) return byCode.pcode;
  const key = fold(name);
  return (
    DISTRICT_ALIASES[key] ??
    DISTRICTS.find((d) => fold(d.nameEn) === key || d.nameAr === name.trim())?.pcode ??
    null
  );
}

/** ACLED's event and sub-event types as Tansiq incident types. */
function acledType(eventType: string, subEventType: string): string {
  const sub = subEventType.toLowerCase();
  if (sub.includes("abduction")) return "crime_kidnapping";
  if (sub.includes("looting")) return "crime_theft";
  if (sub.includes("arrest")) return "other";
  switch (eventType.toLowerCase()) {
    case "violence against civilians":
      return "crime_assault";
    case "riots":
      return "crime_assault";
    default:
      return "other";
  }
}

type RowReader = { row: number; refusals: Refusal[]; language: "ar" | "en" };
function refuse(r: RowReader, column: string, reason: RefusalReason): null {
  r.refusals.push({ row: r.row, column, reason, message: REFUSAL_MESSAGES[r.language][reason] });
  return null;
}
function count(r: RowReader, column: string, text: string | undefined): number {
  const t = (text ?? "").trim();
  if (t === "") return 0;
  const n = Number(t);
  if (!Number.isInteger(n) || n < 0 || n > LIMITS.incidentCountMax)
    return refuse(r, column, "invalid_number") ?? 0;
  return n;
}
function coordinates(r: RowReader, latCol: string, lat: string, lonCol: string, lon: string) {
  if (lat.trim() === "" && lon.trim() === "") return { latitude: null, longitude: null };
  const la = Number(lat);
  const lo = Number(lon);
  if (lat.trim() === "" || !Number.isFinite(la)) return refuse(r, latCol, "invalid_number");
  if (lon.trim() === "" || !Number.isFinite(lo)) return refuse(r, lonCol, "invalid_number");
  const a = LIMITS.incidentArea;
  if (la < a.south || la > a.north) return refuse(r, latCol, "outside_area");
  if (lo < a.west || lo > a.east) return refuse(r, lonCol, "outside_area");
  return { latitude: la, longitude: lo };
}
function day(r: RowReader, column: string, text: string | undefined, today: string): string | null {
  if (!text) return refuse(r, column, "required");
  const d = parseDay(text.trim());
  if (!d) return refuse(r, column, "invalid_date");
  if (d > today) return refuse(r, column, "in_future");
  return d;
}
function line(r: RowReader, column: string, text: string | undefined): string | null {
  const t = (text ?? "").replace(/\s+/g, " ").trim();
  if (!t) return refuse(r, column, "required");
  return t.length > LIMITS.name ? t.slice(0, LIMITS.name - 1) + "…" : t;
}
const optionalText = (text: string | undefined) => {
  const t = (text ?? "").trim();
  return t ? t.slice(0, LIMITS.narrative) : null;
};

type Parsed = { candidates: ImportCandidate[]; refusals: Refusal[]; rows: number };
type Options = { language: "ar" | "en"; today: string; typeCodes: ReadonlySet<string> };

function collect(
  records: Record<string, string>[],
  options: Options,
  read: (rec: Record<string, string>, r: RowReader) => ImportCandidate | null,
): Parsed {
  const refusals: Refusal[] = [];
  const candidates: ImportCandidate[] = [];
  records.forEach((rec, i) => {
    const r: RowReader = { row: i + 2, refusals, language: options.language };
    const before = refusals.length;
    const c = read(rec, r);
    if (c && refusals.length === before) candidates.push(c);
  });
  return { candidates, refusals, rows: records.length };
}

const HEADER_OF = new Map<string, string>(
  TEMPLATE_COLUMNS.flatMap(([ar, en]) => [
    [ar, en],
    [en, en],
  ]),
);

/**
 * The template's fields of a record, by their English names, whichever language the file's headers are in (the
 * last of two headers naming one field wins). The headers are resolved once per file, not once per row.
 */
function templateFields(records: Record<string, string>[]) {
  const keyOf = new Map<string, string>();
  for (const key of Object.keys(records[0] ?? {})) keyOf.set(HEADER_OF.get(key) ?? key, key);
  const keys = TEMPLATE_COLUMNS.map(([, en]) => [en, keyOf.get(en)] as const);
  return (rec: Record<string, string>) => {
    const fields: Partial<Record<(typeof TEMPLATE_COLUMNS)[number][1], string>> = {};
    for (const [en, key] of keys) if (key !== undefined) fields[en] = rec[key];
    return fields;
  };
}

function parseTansiq(records: Record<string, string>[], o: Options): Parsed {
  const fieldsOf = templateFields(records);
  const names = new Map<string, string>(
    TEMPLATE_COLUMNS.map(([ar, en]) => [en, o.language === "ar" ? ar : en]),
  );
  const col = (en: string) => names.get(en) ?? en;
  return collect(records, o, (rec, r) => {
    const x = fieldsOf(rec);
    const typeCode = (x.type_code ?? "").trim();
    if (!typeCode) refuse(r, col("type_code"), "required");
    else if (!o.typeCodes.has(typeCode)) refuse(r, col("type_code"), "unknown_type");
    const occurredOn = day(r, col("occurred_on"), x.occurred_on, o.today);
    const pc = (x.district_pcode ?? "").trim();
    const districtPcode = pc ? districtOf(pc) : null;
    if (pc && !districtPcode) refuse(r, col("district_pcode"), "unknown_district");
    const placeName = line(r, col("place_name"), x.place_name);
    const at = coordinates(r, col("latitude"), x.latitude ?? "", col("longitude"), x.longitude ?? "");
    const c = {
      dead: count(r, col("dead"), x.dead),
      missing: count(r, col("missing"), x.missing),
      rescued: count(r, col("rescued"), x.rescued),
      arrests: count(r, col("arrests"), x.arrests),
      intercepted: count(r, col("intercepted"), x.intercepted),
    };
    if (!occurredOn || !placeName || !at) return null;
    const sourceId = (x.source_id ?? "").trim() || null;
    return {
      row: r.row,
      source: "tansiq",
      sourceId,
      sourceUrl: null,
      typeCode,
      occurredOn,
      districtPcode,
      placeName,
      ...at,
      narrative: optionalText(x.narrative),
      ...c,
    };
  });
}

function parseAcled(records: Record<string, string>[], o: Options): Parsed {
  return collect(records, o, (x, r) => {
    const sourceId = (x.event_id_cnty ?? "").trim();
    if (!sourceId) refuse(r, "event_id_cnty", "required");
    const occurredOn = day(r, "event_date", x.event_date, o.today);
    const admin1 = (x.admin1 ?? "").trim();
    const districtPcode = admin1 ? districtOf(admin1) : null;
    if (admin1 && !districtPcode) refuse(r, "admin1", "unknown_district");
    const placeName = line(r, "location", x.location || x.admin2 || admin1);
    const at = coordinates(r, "latitude", x.latitude ?? "", "longitude", x.longitude ?? "");
    const dead = count(r, "fatalities", x.fatalities);
    if (!sourceId || !occurredOn || !placeName || !at) return null;
    const actors = [x.actor1, x.assoc_actor_1 ?? x.ally_actor_1, x.actor2, x.assoc_actor_2 ?? x.ally_actor_2]
      .filter(Boolean)
      .join(" / ");
    const narrative = optionalText(
      [x.event_type, x.sub_event_type, actors, x.notes, x.source && `(${x.source})`]
        .filter(Boolean)
        .join(" — "),
    );
    return {
      row: r.row,
      source: "acled",
      sourceId,
      sourceUrl: null,
      typeCode: acledType(x.event_type ?? "", x.sub_event_type ?? ""),
      occurredOn,
      districtPcode,
      placeName,
      ...at,
      narrative,
      dead,
      missing: 0,
      rescued: 0,
      arrests: 0,
      intercepted: 0,
    };
  });
}

function parseIom(records: Record<string, string>[], o: Options): Parsed {
  return collect(records, o, (x, r) => {
    const sourceId = (x["web id"] ?? "").trim();
    if (!sourceId) refuse(r, "Web ID", "required");
    const occurredOn = day(r, "Reported Date", x["reported date"], o.today);
    const placeName = line(r, "Location Description", x["location description"]);
    const [lat = "", lon = ""] = (x["location coordinates"] ?? "").split(",").map((s) => s.trim());
    const at = coordinates(r, "Location Coordinates", lat, "Location Coordinates", lon);
    const dead = count(r, "Number Dead", x["number dead"]);
    const missing = count(r, "Minimum Estimated Number of Missing", x["minimum estimated number of missing"]);
    const rescued = count(r, "Number of Survivors", x["number of survivors"]);
    if (!sourceId || !occurredOn || !placeName || !at) return null;
    const narrative = optionalText(
      [x["cause of death"], x["information source"] && `(${x["information source"]})`]
        .filter(Boolean)
        .join(" — "),
    );
    const url = (x.url ?? "").trim();
    return {
      row: r.row,
      source: "iom",
      sourceId,
      sourceUrl: /^https?:\/\//.test(url) ? url : null,
      typeCode: "migration_deaths_missing",
      occurredOn,
      districtPcode: null,
      placeName,
      ...at,
      narrative,
      dead,
      missing,
      rescued,
      arrests: 0,
      intercepted: 0,
    };
  });
}

/** Reads a file's records in one of the formats into rows to write and rows refused. */
export function parseIncidentRecords(
  format: ImportFormat,
  records: Record<string, string>[],
  options: Options,
): Parsed {
  if (format === "acled") return parseAcled(records, options);
  if (format === "iom") return parseIom(records, options);
  return parseTansiq(records, options);
}

export const parseCsvFile = (text: string) => csvRecords(text).records;
