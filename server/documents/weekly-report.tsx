// التقرير الأمني الأسبوعي: a reader's weekly security report on A4 pages — the week's incidents (by type, by
// district, casualties and seizures) and crossings, then the follow-up as it stands (overdue tasks by agency,
// commitments, unmet needs), the data's sources with their attributions, and the audit chain's head.

import { Document, renderToBuffer, View } from "@react-pdf/renderer";
import { formatMoney } from "../../common/dates";
import type { WeeklyReport } from "../../common/schemas/reports";
import { translate } from "../http/i18n";
import {
  COLORS,
  DocumentPage,
  DocumentProvider,
  Facts,
  Heading,
  Row,
  T,
  Table,
  useDocument,
} from "./components";
import { documentContext, type DocumentOptions } from "./document-context";
import { loadDocumentFonts } from "./fonts";

export type WeeklyReportInput = {
  report: WeeklyReport;
  /** The reader's agency, under the state and the ministry. */
  agency: string;
  /** Who drew the report (their name in the reader's language). */
  printedBy: string;
};

/** A horizontal bar: its share of the largest value of its table. */
function Bar({ value, max }: { value: number; max: number }) {
  const ctx = useDocument();
  const width = max > 0 ? Math.max(2, Math.round((value / max) * 100)) : 0;
  return (
    <Row style={{ alignItems: "center" }}>
      <View style={{ width: 34 }}>
        <T>{ctx.number(value)}</T>
      </View>
      {/* A column: the bar starts at the document's start side, next to its number. */}
      <View style={{ flexGrow: 1, flexBasis: 0, alignItems: ctx.dir === "rtl" ? "flex-end" : "flex-start" }}>
        <View style={{ width: `${width}%`, height: 7, backgroundColor: COLORS.navy }} />
      </View>
    </Row>
  );
}

function BarTable({ rows }: { rows: Array<[label: string, value: number]> }) {
  const max = Math.max(0, ...rows.map(([, v]) => v));
  return (
    <View style={{ marginBottom: 6 }}>
      {rows.map(([label, value], i) => (
        <View key={i} wrap={false}>
          <Row style={{ borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, paddingVertical: 2 }}>
            <View style={{ width: 170 }}>
              <T>{label}</T>
            </View>
            <View style={{ flexGrow: 1, flexBasis: 0 }}>
              <Bar value={value} max={max} />
            </View>
          </Row>
        </View>
      ))}
    </View>
  );
}

function Weekly({ input }: { input: WeeklyReportInput }) {
  const ctx = useDocument();
  const r = input.report;
  const w = (key: string, params?: Record<string, string | number>) => ctx.t(`weeklyReport.${key}`, params);
  const n = (v: number) => ctx.number(v);
  const en = ctx.language === "en";
  const name = (x: { nameAr: string; nameEn: string }) => (en ? x.nameEn : x.nameAr);
  const change = r.incidents.value - r.incidents.previousWeek;
  const none = w("none");
  const lyd = translate(ctx.language, "enums.currency.LYD");
  const sourceNames = r.sources.map(
    (s) => `${translate(ctx.language, `incidents.source.${s.source}`)}: ${n(s.count)}`,
  );
  const attributions = r.sources
    .filter((s) => s.source === "iom" || s.source === "acled")
    .map((s) => w(`attribution.${s.source}`));

  return (
    <DocumentPage reference={`${w("title")} ${r.week}`}>
      <Row
        style={{
          justifyContent: "space-between",
          borderBottomWidth: 1.5,
          borderBottomColor: COLORS.navy,
          paddingBottom: 6,
          marginBottom: 8,
        }}
      >
        <View>
          {[...new Set([ctx.t("state"), ctx.t("ministry"), input.agency])].map((line, i) => (
            <T key={i} style={{ fontWeight: 700, color: COLORS.navy }}>
              {line}
            </T>
          ))}
        </View>
        <View>
          <T style={{ fontSize: 18, fontWeight: 700, color: COLORS.gold }}>{w("title")}</T>
          <T style={{ color: COLORS.muted }}>{r.week}</T>
        </View>
      </Row>
      <Facts
        items={[
          [w("week"), w("weekValue", { from: ctx.date(r.from), to: ctx.date(r.to) })],
          [w("area"), r.district ? name(r.district) : w("wholeRegion")],
          [w("drawn"), `${ctx.date(r.generatedAt)} ${ctx.time(r.generatedAt)} — ${input.printedBy}`],
        ]}
      />

      <Heading>{w("summary")}</Heading>
      <Facts
        items={[
          [
            w("incidents"),
            w("incidentsValue", {
              count: n(r.incidents.value),
              previous: n(r.incidents.previousWeek),
              change: `${change > 0 ? "+" : ""}${n(change)}`,
            }),
          ],
          [w("withSeizures"), n(r.incidents.withSeizures.value)],
          [w("arrests"), n(r.incidents.arrests)],
          [w("rescued"), n(r.incidents.rescued)],
          [w("intercepted"), n(r.incidents.intercepted)],
          [w("dead"), n(r.incidents.dead)],
          [w("missing"), n(r.incidents.missing)],
        ]}
      />

      <Heading>{w("byType")}</Heading>
      {r.byType.length ? <BarTable rows={r.byType.map((t) => [name(t), t.value])} /> : <T>{none}</T>}

      <Heading>{w("byDistrict")}</Heading>
      {r.byDistrict.length ? <BarTable rows={r.byDistrict.map((d) => [name(d), d.value])} /> : <T>{none}</T>}

      <Heading>{w("border")}</Heading>
      {r.crossings.length ? (
        <Table
          columns={[
            { label: w("crossing"), width: 3 },
            { label: w("reports"), width: 1.5 },
            { label: w("arrivals"), width: 1.5 },
            { label: w("departures"), width: 1.5 },
            { label: w("vehicles"), width: 1.5 },
            { label: w("migrantsIntercepted"), width: 1.8 },
          ]}
          rows={r.crossings.map((c) => [
            name(c),
            n(c.reports.value),
            n(c.arrivals),
            n(c.departures),
            n(c.vehicles),
            n(c.migrantsIntercepted),
          ])}
        />
      ) : (
        <T>{none}</T>
      )}

      <Heading>{w("followUp")}</Heading>
      <T style={{ color: COLORS.muted, marginBottom: 4 }}>{w("followUpNote")}</T>
      <Facts
        items={[
          [w("commitmentsOverdue"), n(r.commitmentsOverdue.value)],
          [w("commitmentsDueSoon"), n(r.commitmentsDueSoon.value)],
        ]}
      />
      <T style={{ fontWeight: 700, marginTop: 4 }}>{w("indicators")}</T>
      {r.indicators.length ? (
        <Table
          columns={[
            { label: w("plan"), width: 2.4 },
            { label: w("indicator"), width: 2.6 },
            { label: w("current"), width: 1.2 },
            { label: w("target"), width: 1.2 },
            { label: w("achievement"), width: 1.1 },
          ]}
          rows={r.indicators.map((i) => [
            (en ? i.planTitleEn : null) ?? i.planTitleAr,
            `${(en ? i.nameEn : null) ?? i.nameAr} (${i.unit})`,
            i.current === null ? "—" : n(i.current),
            n(i.target),
            i.achievement === null ? "—" : `${n(i.achievement)}%`,
          ])}
        />
      ) : (
        <T>{none}</T>
      )}
      <T style={{ fontWeight: 700, marginTop: 4 }}>{w("overdueByAgency")}</T>
      {r.overdueByAgency.length ? (
        <BarTable rows={r.overdueByAgency.map((a) => [name(a), a.value])} />
      ) : (
        <T>{none}</T>
      )}

      <Heading>{w("needs")}</Heading>
      {r.openNeeds.length ? (
        <Table
          columns={[
            { label: w("category"), width: 3 },
            { label: w("count"), width: 1 },
            { label: w("estimatedCost"), width: 2 },
          ]}
          rows={r.openNeeds.map((x) => [
            translate(ctx.language, `needs.category.${x.category}`),
            n(x.value),
            formatMoney(x.estimatedCostLyd, lyd, ctx),
          ])}
        />
      ) : (
        <T>{none}</T>
      )}

      <Heading>{w("sources")}</Heading>
      <T>{sourceNames.length ? sourceNames.join("، ") : none}</T>
      {attributions.map((a, i) => (
        <T key={i} align="content" style={{ color: COLORS.muted, fontSize: 9 }}>
          {a}
        </T>
      ))}

      <View
        wrap={false}
        style={{ marginTop: 12, borderTopWidth: 0.5, borderTopColor: COLORS.rule, paddingTop: 4 }}
      >
        <T style={{ fontSize: 9, color: COLORS.muted }}>
          {r.auditHead
            ? w("auditHead", { position: n(r.auditHead.position), link: r.auditHead.link })
            : w("auditEmpty")}
        </T>
      </View>
    </DocumentPage>
  );
}

/** A reader's weekly security report as a PDF (A4 portrait), Arabic by default. */
export async function renderWeeklyReport(
  input: WeeklyReportInput,
  options: DocumentOptions = {},
): Promise<Buffer> {
  await loadDocumentFonts();
  const ctx = documentContext(options);
  return renderToBuffer(
    <Document title={`${ctx.t("weeklyReport.title")} ${input.report.week}`} language={ctx.language}>
      <DocumentProvider value={ctx}>
        <Weekly input={input} />
      </DocumentProvider>
    </Document>,
  );
}
