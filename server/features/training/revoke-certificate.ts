import { eq } from "drizzle-orm";
import type { Ctx } from "../../authz/actor";
import { recordEvent } from "../../audit/record-event";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { certificates, type CertificateRow } from "./training.table";

/** Revokes a certificate with a reason: from then on the public page says it is not valid. */
export async function revokeCertificate(
  tx: Db,
  ctx: Ctx,
  c: CertificateRow,
  reason: string,
): Promise<CertificateRow> {
  if (c.revokedAt)
    throw new AppError("invalid_transition", { params: { from: "revoked", action: "revoke" } });
  const [after] = await tx
    .update(certificates)
    .set({ revokedAt: ctx.now, revokeReason: reason, revokedBy: ctx.actor?.userId ?? null })
    .where(eq(certificates.id, c.id))
    .returning();
  if (!after) throw new AppError("not_found");
  await recordEvent(tx, ctx, "certificate.revoke", "certificates", c.id, c, after);
  return after;
}
