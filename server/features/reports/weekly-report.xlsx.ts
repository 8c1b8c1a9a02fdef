import ExcelJS from "exceljs";
import type { Language } from "../../../common/enums";
import type { WeeklyReport } from "../../../common/schemas/reports";
import { translate } from "../../http/i18n";

type Cell = string | number;

/**
 * The weekly report as a workbook: one sheet per section, right to left in Arabic, numbers as numbers (a reader
 * sums or charts them), the headings in the reader's language. The same figures as the PDF.
 */
export async function weeklyReportWorkbook(
  r: WeeklyReport,
  language: Language,
  agency: string,
): Promise<Buffer> {
  const w = (key: string, params?: Record<string, string | number>) =>
    translate(language, `documents.weeklyReport.${key}`, params);
  const u = (key: string) => translate(language, `weeklyReport.${key}`);
  const name = (x: { nameAr: string; nameEn: string }) => (language === "en" ? x.nameEn : x.nameAr);
  const book = new ExcelJS.Workbook();
  book.creator = "Tansiq";
  book.title = `${w("title")} ${r.week}`;

  const sheet = (key: string, header: string[], rows: Cell[][], widths: number[]) => {
    const ws = book.addWorksheet(u(`sheets.${key}`), {
      views: [{ rightToLeft: language === "ar", state: "frozen", ySplit: 1 }],
    });
    ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    return ws;
  };

  sheet(
    "summary",
    [u("figure"), u("value")],
    [
      [w("title"), agency],
      [w("week"), r.week],
      [w("area"), r.district ? name(r.district) : w("wholeRegion")],
      [w("incidents"), r.incidents.value],
      [`${w("incidents")} — ${u("previousWeek")}`, r.incidents.previousWeek],
      [w("withSeizures"), r.incidents.withSeizures.value],
      [w("arrests"), r.incidents.arrests],
      [w("rescued"), r.incidents.rescued],
      [w("intercepted"), r.incidents.intercepted],
      [w("dead"), r.incidents.dead],
      [w("missing"), r.incidents.missing],
      ...r.sources.map((s): Cell[] => [translate(language, `incidents.source.${s.source}`), s.count]),
      ...r.sources
        .filter((s) => s.source === "iom" || s.source === "acled")
        .map((s): Cell[] => [w("sources"), w(`attribution.${s.source}`)]),
      r.auditHead
        ? [w("auditHead", { position: r.auditHead.position, link: r.auditHead.link }), r.auditHead.position]
        : [w("auditEmpty"), ""],
    ],
    [44, 40],
  );
  sheet(
    "byType",
    [w("byType"), w("count")],
    r.byType.map((t) => [name(t), t.value]),
    [36, 12],
  );
  sheet(
    "byDistrict",
    [w("byDistrict"), w("count")],
    r.byDistrict.map((d) => [name(d), d.value]),
    [36, 12],
  );
  sheet(
    "border",
    [w("crossing"), w("reports"), w("arrivals"), w("departures"), w("vehicles"), w("migrantsIntercepted")],
    r.crossings.map((c) => [
      name(c),
      c.reports.value,
      c.arrivals,
      c.departures,
      c.vehicles,
      c.migrantsIntercepted,
    ]),
    [30, 14, 14, 14, 14, 18],
  );
  sheet(
    "indicators",
    [w("plan"), w("indicator"), w("unit"), w("baseline"), w("current"), w("target"), `${w("achievement")} %`],
    r.indicators.map((i) => [
      (language === "en" ? i.planTitleEn : null) ?? i.planTitleAr,
      (language === "en" ? i.nameEn : null) ?? i.nameAr,
      i.unit,
      i.baseline,
      i.current ?? "",
      i.target,
      i.achievement ?? "",
    ]),
    [36, 36, 12, 12, 12, 12, 12],
  );
  sheet(
    "followUp",
    [u("figure"), w("count")],
    [
      [w("commitmentsOverdue"), r.commitmentsOverdue.value],
      [w("commitmentsDueSoon"), r.commitmentsDueSoon.value],
      ...r.overdueByAgency.map((a): Cell[] => [`${w("overdueByAgency")}: ${name(a)}`, a.value]),
    ],
    [60, 12],
  );
  const needs = sheet(
    "needs",
    [w("category"), w("count"), `${w("estimatedCost")} (LYD)`],
    r.openNeeds.map((x) => [
      translate(language, `needs.category.${x.category}`),
      x.value,
      x.estimatedCostLyd,
    ]),
    [30, 12, 22],
  );
  needs.getColumn(3).numFmt = "#,##0.###";
  return Buffer.from(await book.xlsx.writeBuffer());
}
