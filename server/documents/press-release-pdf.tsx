// بيان صحفي: a press release under the media office's heading, its text as edited (the draft comes
// from common/meetings/press-release.ts).

import { Document, renderToBuffer, View } from "@react-pdf/renderer";
import { COLORS, DocumentPage, DocumentProvider, Row, T, useDocument } from "./components";
import { documentContext, type DocumentOptions } from "./document-context";
import { loadDocumentFonts } from "./fonts";

export type PressReleaseDocumentInput = {
  /** The release, paragraphs separated by line breaks. */
  text: string;
  /** A headline above the text, e.g. the meeting's title. */
  headline?: string | null;
  /** Day of publication: YYYY-MM-DD (a day in Libya) or an instant. */
  date: string | Date;
  /** e.g. the meeting's reference. */
  reference?: string | null;
  /** The office that publishes it; "مكتب الإعلام الأمني" by default. */
  mediaOffice?: string | null;
  /** Lines above the office's name; the state and the ministry by default. */
  issuer?: string[] | null;
};

function PressRelease({ input }: { input: PressReleaseDocumentInput }) {
  const ctx = useDocument();
  const issuer = input.issuer?.length ? input.issuer : [ctx.t("state"), ctx.t("ministry")];
  const paragraphs = input.text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <DocumentPage reference={input.reference}>
      <Row
        style={{
          justifyContent: "space-between",
          alignItems: "flex-end",
          borderBottomWidth: 1.5,
          borderBottomColor: COLORS.navy,
          paddingBottom: 6,
        }}
      >
        <View>
          {issuer.map((line, i) => (
            <T key={i} style={{ color: COLORS.muted }}>
              {line}
            </T>
          ))}
          <T style={{ fontSize: 16, fontWeight: 700, color: COLORS.navy }}>
            {input.mediaOffice || ctx.t("pressRelease.mediaOffice")}
          </T>
        </View>
        <View>
          <T style={{ fontSize: 20, fontWeight: 700, color: COLORS.gold }}>{ctx.t("pressRelease.title")}</T>
          <T style={{ color: COLORS.muted }}>{`${ctx.weekday(input.date)} ${ctx.date(input.date)}`}</T>
        </View>
      </Row>
      {input.headline ? (
        <T align="content" style={{ fontSize: 15, fontWeight: 700, marginTop: 14 }}>
          {input.headline}
        </T>
      ) : null}
      <View style={{ marginTop: 10 }}>
        {paragraphs.map((p, i) => (
          <T key={i} align="content" style={{ fontSize: 12, lineHeight: 1.8, marginBottom: 6 }}>
            {p}
          </T>
        ))}
      </View>
      <T align="center" style={{ color: COLORS.muted, marginTop: 6 }}>
        {`— ${ctx.t("pressRelease.end")} —`}
      </T>
    </DocumentPage>
  );
}

/** A press release as a PDF (A4 portrait) under the media office's heading, Arabic by default. */
export async function renderPressReleasePdf(
  input: PressReleaseDocumentInput,
  options: DocumentOptions = {},
): Promise<Buffer> {
  await loadDocumentFonts();
  const ctx = documentContext(options);
  return renderToBuffer(
    <Document title={input.headline || ctx.t("pressRelease.title")} language={ctx.language}>
      <DocumentProvider value={ctx}>
        <PressRelease input={input} />
      </DocumentProvider>
    </Document>,
  );
}
