import type { Language } from "../../../common/enums";
import type { Db } from "../../db/client";
import type { TrainingCertificateInput } from "../../documents";
import { translate } from "../../http/i18n";
import { agencyNames } from "../agencies";
import { formatCode } from "./certificate-code";
import type { CertificateRow, CourseRow } from "./training.table";

/** The address of the public verification page of a code. */
export const verifyUrl = (publicUrl: string, code: string) =>
  `${publicUrl.replace(/\/+$/, "")}/verify/${formatCode(code)}`;

/** A certificate record as the document takes it, in the reader's language. */
export async function certificateDocumentInput(
  db: Db,
  c: CertificateRow,
  course: Pick<CourseRow, "kind">,
  language: Language,
  publicUrl: string,
): Promise<TrainingCertificateInput> {
  const names = await agencyNames(db, language, [c.agencyId]);
  const en = language === "en";
  return {
    name: en ? (c.personNameEn ?? c.personNameAr) : c.personNameAr,
    agency: names.get(c.agencyId) ?? null,
    kindLabel: translate(language, `enums.trainingKind.${course.kind}`),
    courseTitle: en ? (c.courseTitleEn ?? c.courseTitleAr) : c.courseTitleAr,
    topic: translate(language, `enums.trainingTopic.${c.topic}`),
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    issuedAt: c.issuedAt,
    expiresOn: c.expiresOn,
    code: formatCode(c.code),
    verifyUrl: verifyUrl(publicUrl, c.code),
  };
}
