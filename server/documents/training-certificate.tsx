// شهادة إتمام دورة تدريبية: the certificate of a training course passed, on a landscape A4 page, with its
// verification code (to type on the public page) and a QR code of the page's address.

import { Document, Path, renderToBuffer, Svg, View } from "@react-pdf/renderer";
import { COLORS, DocumentPage, DocumentProvider, Row, T, useDocument } from "./components";
import { documentContext, type DocumentOptions } from "./document-context";
import { loadDocumentFonts } from "./fonts";
import { qrMatrix } from "./qr-code";

export type TrainingCertificateInput = {
  /** The holder's name as certified, rank first, e.g. "ملازم أول سالم الفيتوري". */
  name: string;
  agency: string | null;
  /** "دورة" or "ورشة عمل" with the course's title. */
  kindLabel: string;
  courseTitle: string;
  topic: string;
  /** Days: YYYY-MM-DD in Libya. */
  startsOn: string;
  endsOn: string;
  issuedAt: Date;
  expiresOn: string | null;
  /** The verification code as printed (four groups of four). */
  code: string;
  /** The public page that verifies the code; the QR code points at it. */
  verifyUrl: string;
  issuer?: string[] | null;
};

/** A QR code as one vector path, with the standard four-module quiet zone. */
function QrCode({ text, size }: { text: string; size: number }) {
  const modules = qrMatrix(text);
  const span = modules.length + 8;
  let d = "";
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    }),
  );
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${span} ${span}`}>
      <Path d={d} fill={COLORS.ink} />
    </Svg>
  );
}

function Certificate({ input }: { input: TrainingCertificateInput }) {
  const ctx = useDocument();
  const issuer = input.issuer?.length
    ? input.issuer
    : [ctx.t("state"), ctx.t("ministry"), ctx.t("training.department")];
  return (
    <DocumentPage orientation="landscape" footer={false} style={{ padding: 22, paddingBottom: 22 }}>
      <View style={{ flexGrow: 1, borderWidth: 3, borderColor: COLORS.navy, padding: 5 }}>
        <View
          style={{
            flexGrow: 1,
            borderWidth: 1,
            borderColor: COLORS.gold,
            paddingVertical: 16,
            paddingHorizontal: 34,
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
            <T style={{ fontSize: 10, color: COLORS.muted }}>{ctx.date(input.issuedAt)}</T>
          </Row>

          <View style={{ flexGrow: 1, justifyContent: "center" }}>
            <T align="center" style={{ fontSize: 30, fontWeight: 700, color: COLORS.navy }}>
              {ctx.t("training.title")}
            </T>
            <View
              style={{
                alignSelf: "center",
                width: 160,
                borderBottomWidth: 1.5,
                borderBottomColor: COLORS.gold,
                marginBottom: 10,
              }}
            />
            <T align="center" style={{ fontSize: 14, color: COLORS.muted }}>
              {ctx.t("training.certifies")}
            </T>
            <T align="center" style={{ fontSize: 26, fontWeight: 700, marginTop: 2 }}>
              {input.name}
            </T>
            {input.agency ? (
              <T align="center" style={{ fontSize: 13, color: COLORS.navy }}>
                {input.agency}
              </T>
            ) : null}
            <T align="center" style={{ fontSize: 13, color: COLORS.muted, marginTop: 8 }}>
              {ctx.t("training.completed", { kind: input.kindLabel })}
            </T>
            <T align="center" style={{ fontSize: 20, fontWeight: 700, color: COLORS.gold }}>
              {input.courseTitle}
            </T>
            <T align="center" style={{ fontSize: 12, marginTop: 4 }}>
              {`${ctx.t("training.topic")}: ${input.topic}`}
            </T>
            <T align="center" style={{ fontSize: 12, marginTop: 4 }}>
              {ctx.t("training.period", { from: ctx.date(input.startsOn), to: ctx.date(input.endsOn) })}
            </T>
            {input.expiresOn ? (
              <T align="center" style={{ fontSize: 10, color: COLORS.muted, marginTop: 2 }}>
                {ctx.t("training.validUntil", { date: ctx.date(input.expiresOn) })}
              </T>
            ) : null}
          </View>

          <Row style={{ justifyContent: "space-between", alignItems: "flex-end" }}>
            <Row style={{ alignItems: "flex-end" }}>
              <QrCode text={input.verifyUrl} size={78} />
              <View style={{ marginHorizontal: 8, width: 230 }}>
                <T style={{ fontSize: 9, color: COLORS.muted }}>{ctx.t("training.verifyAt")}</T>
                <T style={{ fontSize: 9 }}>{input.verifyUrl}</T>
                <T style={{ fontSize: 9, color: COLORS.muted, marginTop: 2 }}>{ctx.t("training.code")}</T>
                <T style={{ fontSize: 13, fontWeight: 700, letterSpacing: 1 }}>{input.code}</T>
              </View>
            </Row>
            <View style={{ width: 220 }}>
              <T align="center" style={{ fontSize: 10, color: COLORS.muted }}>
                {ctx.t("training.director")}
              </T>
              <View style={{ borderBottomWidth: 0.75, borderBottomColor: COLORS.ink, marginTop: 22 }} />
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

/** A training certificate as a PDF (A4 landscape), Arabic by default. */
export async function renderTrainingCertificate(
  input: TrainingCertificateInput,
  options: DocumentOptions = {},
): Promise<Buffer> {
  await loadDocumentFonts();
  const ctx = documentContext(options);
  return renderToBuffer(
    <Document title={`${ctx.t("training.title")} - ${input.name}`} language={ctx.language}>
      <DocumentProvider value={ctx}>
        <Certificate input={input} />
      </DocumentProvider>
    </Document>,
  );
}
