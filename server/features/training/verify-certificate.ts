import { eq } from "drizzle-orm";
import { zonedDay } from "../../../common/dates";
import type { Language } from "../../../common/enums";
import type { PublicVerification } from "../../../common/schemas/training";
import type { Db } from "../../db/client";
import { normalizeCode } from "./certificate-code";
import { certificates, type CertificateRow } from "./training.table";

/** Is a certificate valid on this day: not revoked, not expired. */
export const isValidOn = (c: Pick<CertificateRow, "revokedAt" | "expiresOn">, day: string) =>
  c.revokedAt === null && (c.expiresOn === null || c.expiresOn >= day);

/**
 * What anyone holding a code may learn of its certificate: name, course, dates, result and whether it is still
 * valid; nothing else. A code that is malformed or unknown finds nothing (null), the same either way.
 */
export async function verifyCertificate(
  db: Db,
  typed: string,
  now: Date,
  language: Language,
): Promise<PublicVerification | null> {
  const code = normalizeCode(typed);
  if (!code) return null;
  const [c] = await db
    .select({
      personNameAr: certificates.personNameAr,
      personNameEn: certificates.personNameEn,
      courseTitleAr: certificates.courseTitleAr,
      courseTitleEn: certificates.courseTitleEn,
      startsOn: certificates.startsOn,
      endsOn: certificates.endsOn,
      outcome: certificates.outcome,
      revokedAt: certificates.revokedAt,
      expiresOn: certificates.expiresOn,
    })
    .from(certificates)
    .where(eq(certificates.code, code));
  if (!c) return null;
  const en = language === "en";
  return {
    name: en ? (c.personNameEn ?? c.personNameAr) : c.personNameAr,
    course: en ? (c.courseTitleEn ?? c.courseTitleAr) : c.courseTitleAr,
    dates: { from: c.startsOn, to: c.endsOn },
    result: c.outcome,
    valid: isValidOn(c, zonedDay(now)),
  };
}
