// محضر اجتماع: the minutes of a meeting on A4 portrait pages — facts, attendees, agenda, statements by
// speaker, decisions and commitments with owner, due date and status, honours, and the approval.

import { Document, renderToBuffer, View } from "@react-pdf/renderer";
import type {
  DocumentCommitment,
  DocumentPerson,
  MeetingDocumentInput,
} from "../../common/meetings/document-input";
import {
  COLORS,
  DocumentPage,
  DocumentProvider,
  Facts,
  Heading,
  List,
  Row,
  T,
  Table,
  useDocument,
} from "./components";
import { documentContext, type DocumentContext, type DocumentOptions } from "./document-context";
import { loadDocumentFonts } from "./fonts";

export type MeetingMinutesInput = MeetingDocumentInput & {
  /** Heading lines at the top; the state and the ministry by default. */
  issuer?: string[] | null;
};

const nameLine = (p: DocumentPerson) => [p.rank, p.name].filter(Boolean).join(" ");
const fullLine = (p: DocumentPerson) => [p.title, nameLine(p)].filter(Boolean).join("، ");

function ownerOf(c: DocumentCommitment): string {
  return [c.ownerAgency, c.ownerPerson ? fullLine(c.ownerPerson) : null].filter(Boolean).join(" - ");
}

function timeOf(input: MeetingDocumentInput, ctx: DocumentContext): string {
  const start = ctx.time(input.startsAt);
  return input.endsAt
    ? ctx.t("minutes.timeRange", { start, end: ctx.time(input.endsAt) })
    : ctx.t("minutes.timeStart", { start });
}

function Minutes({ input }: { input: MeetingMinutesInput }) {
  const ctx = useDocument();
  const c = (key: string) => ctx.t(`minutes.columns.${key}`);
  const issuer = input.issuer?.length ? input.issuer : [ctx.t("state"), ctx.t("ministry")];
  const place = [input.venue, input.place].filter(Boolean).join(" - ");
  const statements = (input.statements ?? []).filter((s) => s.points.some((p) => p.trim()));
  const commitments = input.commitments ?? [];
  const honours = input.honours ?? [];
  const facts: Array<[string, string]> = [
    [ctx.t("minutes.subject"), input.title],
    ...(input.reference ? [[ctx.t("reference"), input.reference] as [string, string]] : []),
    [
      ctx.t("minutes.date"),
      ctx.t("minutes.dateValue", {
        weekday: ctx.weekday(input.startsAt),
        date: ctx.date(input.startsAt),
        hijri: ctx.hijri(input.startsAt),
      }),
    ],
    [ctx.t("minutes.time"), timeOf(input, ctx)],
    ...(place ? [[ctx.t("minutes.place"), place] as [string, string]] : []),
    [ctx.t("minutes.host"), fullLine(input.host)],
  ];
  return (
    <DocumentPage reference={input.reference}>
      <Row
        style={{
          justifyContent: "space-between",
          borderBottomWidth: 1.5,
          borderBottomColor: COLORS.navy,
          paddingBottom: 6,
          marginBottom: 10,
        }}
      >
        <View>
          {issuer.map((line, i) => (
            <T key={i} style={{ fontWeight: 700, color: COLORS.navy }}>
              {line}
            </T>
          ))}
        </View>
        <View>
          <T style={{ fontSize: 20, fontWeight: 700, color: COLORS.navy }}>{ctx.t("minutes.title")}</T>
          {input.reference ? <T style={{ color: COLORS.muted }}>{input.reference}</T> : null}
        </View>
      </Row>

      <Facts items={facts} />

      <Heading>{ctx.t("minutes.attendees")}</Heading>
      <Table
        columns={[
          { label: c("number"), width: 0.5 },
          { label: c("name"), width: 2.2 },
          { label: c("position"), width: 2.6 },
          { label: c("body"), width: 1.6 },
        ]}
        rows={input.attendees.map((a, i) => [ctx.number(i + 1), nameLine(a), a.title ?? "", a.body ?? ""])}
      />
      {input.othersPresent ? <T>{ctx.t("minutes.othersPresent", { others: input.othersPresent })}</T> : null}

      {input.agenda?.length ? (
        <View>
          <Heading>{ctx.t("minutes.agenda")}</Heading>
          <List numbered items={input.agenda} />
        </View>
      ) : null}

      {input.summary ? (
        <View>
          <Heading>{ctx.t("minutes.summary")}</Heading>
          <T align="content">{input.summary}</T>
        </View>
      ) : null}

      {statements.length > 0 ? <Heading>{ctx.t("minutes.statements")}</Heading> : null}
      {statements.map((s, i) => (
        <View key={i} style={{ marginBottom: 4 }}>
          <T style={{ fontWeight: 700 }} minPresenceAhead={36}>
            {fullLine(s.speaker)}
          </T>
          <List items={s.points.filter((p) => p.trim())} />
        </View>
      ))}

      <Heading>{ctx.t("minutes.commitments")}</Heading>
      {commitments.length > 0 ? (
        <Table
          columns={[
            { label: c("number"), width: 0.5 },
            { label: c("decision"), width: 3.6 },
            { label: c("owner"), width: 2 },
            { label: c("due"), width: 1.3 },
            { label: c("status"), width: 1.1 },
          ]}
          rows={commitments.map((x, i) => [
            ctx.number(i + 1),
            x.text,
            ownerOf(x),
            x.dueDate ? ctx.date(x.dueDate) : "",
            ctx.t(`commitmentStatus.${x.status}`),
          ])}
        />
      ) : (
        <T>{ctx.t("minutes.none")}</T>
      )}

      {honours.length > 0 ? (
        <View>
          <Heading>{ctx.t("minutes.honours")}</Heading>
          <Table
            columns={[
              { label: c("number"), width: 0.5 },
              { label: c("recipient"), width: 2.2 },
              { label: c("honour"), width: 2.4 },
              { label: c("giver"), width: 1.8 },
              { label: c("reason"), width: 2.4 },
            ]}
            rows={honours.map((h, i) => [
              ctx.number(i + 1),
              fullLine(h.recipient),
              h.title || ctx.t(`kinds.${h.kind}`),
              h.giver ? fullLine(h.giver) : "",
              h.reason ?? "",
            ])}
          />
        </View>
      ) : null}

      <View wrap={false} style={{ marginTop: 18 }}>
        <Row style={{ justifyContent: "flex-end" }}>
          <View style={{ width: 220 }}>
            <T align="center" style={{ fontWeight: 700, color: COLORS.navy }}>
              {ctx.t("minutes.approval")}
            </T>
            <T align="center">{[input.host.title, nameLine(input.host)].filter(Boolean).join(" ")}</T>
            <View style={{ borderBottomWidth: 0.75, borderBottomColor: COLORS.ink, marginTop: 22 }} />
          </View>
        </Row>
      </View>
    </DocumentPage>
  );
}

/** The minutes of a meeting as a PDF (A4 portrait, page numbers), Arabic by default. */
export async function renderMeetingMinutes(
  input: MeetingMinutesInput,
  options: DocumentOptions = {},
): Promise<Buffer> {
  await loadDocumentFonts();
  const ctx = documentContext(options);
  return renderToBuffer(
    <Document title={`${ctx.t("minutes.title")} - ${input.title}`} language={ctx.language}>
      <DocumentProvider value={ctx}>
        <Minutes input={input} />
      </DocumentProvider>
    </Document>,
  );
}
