// شهادة تقدير: the certificate of appreciation that goes with an honour (a shield, a medal, a
// certificate), on a landscape A4 page with a double frame.

import { Document, renderToBuffer, View } from "@react-pdf/renderer";
import type { DocumentPerson, HonourKind } from "../../common/meetings/document-input";
import { COLORS, DocumentPage, DocumentProvider, Row, T, useDocument } from "./components";
import { documentContext, type DocumentOptions } from "./document-context";
import { loadDocumentFonts } from "./fonts";

export type HonourCertificateInput = {
  /** The honour's reference, e.g. "HON-2026-000003". */
  reference?: string | null;
  kind: HonourKind;
  /** e.g. "درع التميز كأفضل شخصية لعام 2023". */
  title: string;
  recipient: DocumentPerson;
  reason?: string | null;
  /** The day it was given: YYYY-MM-DD (a day in Libya) or an instant. */
  date: string | Date;
  giver?: DocumentPerson | null;
  /** The meeting it was given at. */
  meeting?: { reference?: string | null; title: string } | null;
  /** Heading lines at the top; the state and the ministry by default. */
  issuer?: string[] | null;
};

const nameLine = (p: DocumentPerson) => [p.rank, p.name].filter(Boolean).join(" ");
const positionLine = (p: DocumentPerson) => [p.title, p.body].filter(Boolean).join(" - ");

function Certificate({ input }: { input: HonourCertificateInput }) {
  const ctx = useDocument();
  const issuer = input.issuer?.length ? input.issuer : [ctx.t("state"), ctx.t("ministry")];
  const occasion = ctx.t(
    input.recipient.gender === "female" ? "certificate.occasionFemale" : "certificate.occasionMale",
  );
  const meeting = input.meeting
    ? [input.meeting.title, input.meeting.reference].filter(Boolean).join(" - ")
    : null;
  return (
    <DocumentPage orientation="landscape" footer={false} style={{ padding: 22, paddingBottom: 22 }}>
      <View style={{ flexGrow: 1, borderWidth: 3, borderColor: COLORS.navy, padding: 5 }}>
        <View
          style={{
            flexGrow: 1,
            borderWidth: 1,
            borderColor: COLORS.gold,
            paddingVertical: 18,
            paddingHorizontal: 36,
          }}
        >
          <Row style={{ justifyContent: "space-between" }}>
            <View>
              {issuer.map((line, i) => (
                <T key={i} style={{ fontWeight: 700, color: COLORS.navy, fontSize: 12 }}>
                  {line}
                </T>
              ))}
            </View>
            <View>
              {input.reference ? (
                <T
                  style={{ fontSize: 10, color: COLORS.muted }}
                >{`${ctx.t("reference")}: ${input.reference}`}</T>
              ) : null}
              <T style={{ fontSize: 10, color: COLORS.muted }}>{ctx.date(input.date)}</T>
            </View>
          </Row>

          <View style={{ flexGrow: 1, justifyContent: "center" }}>
            <T align="center" style={{ fontSize: 34, fontWeight: 700, color: COLORS.navy, marginTop: 6 }}>
              {ctx.t("certificate.title")}
            </T>
            <View
              style={{
                alignSelf: "center",
                width: 160,
                borderBottomWidth: 1.5,
                borderBottomColor: COLORS.gold,
                marginBottom: 12,
              }}
            />

            <T align="center" style={{ fontSize: 14, color: COLORS.muted }}>
              {ctx.t("certificate.awardedTo")}
            </T>
            <T align="center" style={{ fontSize: 26, fontWeight: 700, marginTop: 2 }}>
              {nameLine(input.recipient)}
            </T>
            {positionLine(input.recipient) ? (
              <T align="center" style={{ fontSize: 14, color: COLORS.navy }}>
                {positionLine(input.recipient)}
              </T>
            ) : null}

            <T align="center" style={{ fontSize: 13, color: COLORS.muted, marginTop: 10 }}>
              {occasion}
            </T>
            <T align="center" style={{ fontSize: 20, fontWeight: 700, color: COLORS.gold }}>
              {input.title || ctx.t(`kinds.${input.kind}`)}
            </T>
            {input.reason ? (
              <T align="center" style={{ fontSize: 13, marginTop: 6, marginHorizontal: 40 }}>
                {input.reason}
              </T>
            ) : null}
            {meeting ? (
              <T align="center" style={{ fontSize: 10, color: COLORS.muted, marginTop: 6 }}>
                {`${ctx.t("certificate.meeting")}: ${meeting}`}
              </T>
            ) : null}
          </View>
          <T align="center" style={{ fontSize: 11, marginBottom: 10 }}>
            {ctx.t("certificate.issuedOn", { date: ctx.date(input.date), hijri: ctx.hijri(input.date) })}
          </T>
          <Row style={{ justifyContent: "space-between", alignItems: "flex-end" }}>
            <View
              style={{
                width: 64,
                height: 64,
                borderWidth: 0.75,
                borderColor: COLORS.rule,
                borderRadius: 32,
                justifyContent: "center",
              }}
            >
              <T align="center" style={{ fontSize: 9, color: COLORS.muted }}>
                {ctx.t("certificate.seal")}
              </T>
            </View>
            <View style={{ width: 230 }}>
              <T align="center" style={{ fontSize: 10, color: COLORS.muted }}>
                {ctx.t("certificate.giver")}
              </T>
              {input.giver?.title ? (
                <T align="center" style={{ fontSize: 12, fontWeight: 700 }}>
                  {positionLine(input.giver)}
                </T>
              ) : null}
              {input.giver ? (
                <T align="center" style={{ fontSize: 12 }}>
                  {nameLine(input.giver)}
                </T>
              ) : null}
              <View style={{ borderBottomWidth: 0.75, borderBottomColor: COLORS.ink, marginTop: 18 }} />
              <T align="center" style={{ fontSize: 9, color: COLORS.muted }}>
                {ctx.t("certificate.signature")}
              </T>
            </View>
          </Row>
        </View>
      </View>
    </DocumentPage>
  );
}

/** A certificate of appreciation for an honour, as a PDF (A4 landscape), Arabic by default. */
export async function renderHonourCertificate(
  input: HonourCertificateInput,
  options: DocumentOptions = {},
): Promise<Buffer> {
  await loadDocumentFonts();
  const ctx = documentContext(options);
  return renderToBuffer(
    <Document title={`${ctx.t("certificate.title")} - ${input.recipient.name}`} language={ctx.language}>
      <DocumentProvider value={ctx}>
        <Certificate input={input} />
      </DocumentProvider>
    </Document>,
  );
}
