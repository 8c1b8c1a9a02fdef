import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { LANGUAGES } from "../../../common/enums";
import { LIMITS } from "../../../common/limits";
import { IdParams } from "../../../common/schemas/base";
import {
  CertificateListQuery,
  CertificateListResponse,
  CertificateResponse,
  PublicVerificationResponse,
  RevokeBody,
  VerifyParams,
} from "../../../common/schemas/training";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { languageFrom } from "../../http/i18n";
import { pageOf } from "../../http/pagination";
import { takeRateLimit } from "../../http/rate-limit";
import { certificateDocumentInput } from "./certificate-document";
import { revokeCertificate } from "./revoke-certificate";
import { certificatesPolicy } from "./training.policy";
import { presentCertificate } from "./training.present";
import { findCertificate, listCertificates } from "./training.queries";
import { courses } from "./training.table";
import { verifyCertificate } from "./verify-certificate";
import { authorize } from "../../authz/engine";
import { eq } from "drizzle-orm";

export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/certificates",
    {
      schema: { querystring: CertificateListQuery, response: { 200: CertificateListResponse } },
      config: { policy: "certificates.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listCertificates(app.db, actor, request.query);
      const now = app.clock.now();
      return { data: rows.map((c) => presentCertificate(c, actor, now)), page: pageOf(request.query, total) };
    },
  );

  app.get(
    "/api/v1/certificates/:id",
    {
      schema: { params: IdParams, response: { 200: CertificateResponse } },
      config: { policy: "certificates.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      return {
        data: presentCertificate(
          await findCertificate(app.db, actor, request.params.id),
          actor,
          app.clock.now(),
        ),
      };
    },
  );

  // The certificate in Arabic (default: the reader's language) or English, rendered through server/documents.
  app.get(
    "/api/v1/certificates/:id/certificate.pdf",
    {
      schema: { params: IdParams, querystring: z.strictObject({ language: z.enum(LANGUAGES).optional() }) },
      config: { policy: "certificates.read" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const certificate = await findCertificate(app.db, actor, request.params.id);
      const [course] = await app.db
        .select({ kind: courses.kind })
        .from(courses)
        .where(eq(courses.id, certificate.courseId));
      if (!course) throw new AppError("not_found");
      const language = request.query.language ?? actor.language;
      const publicUrl = app.config.publicUrl ?? `${request.protocol}://${request.host}`;
      const input = await certificateDocumentInput(app.db, certificate, course, language, publicUrl);
      const pdf = await app.documents.render(actor, "trainingCertificate", input, {
        language,
        numerals: actor.numerals,
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="certificate-${input.code}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    "/api/v1/certificates/:id/revoke",
    {
      schema: { params: IdParams, body: RevokeBody, response: { 200: CertificateResponse } },
      config: { policy: "certificates.revoke" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const certificate = await findCertificate(tx, actor, request.params.id);
        if (certificate.revokedAt) throw new AppError("invalid_transition");
        authorize(actor, certificatesPolicy, "revoke", certificate);
        return revokeCertificate(tx, ctxOf(app, request), certificate, request.body.reason);
      });
      return { data: presentCertificate(row, actor, app.clock.now()) };
    },
  );
};

/**
 * The public verification of a certificate code (no sign-in): five fields or a plain not-found. It sets no cookie,
 * is never cached, and is rate-limited per address in the database (shared by every instance).
 */
export const publicVerifyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/public/verify/:code",
    {
      schema: { params: VerifyParams, response: { 200: PublicVerificationResponse } },
      config: { public: true },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store").header("x-robots-tag", "noindex");
      await takeRateLimit(app.db, `verify:${request.ip}`, app.clock.now(), {
        max: LIMITS.verifyPerMinute,
        windowMs: 60_000,
      });
      const language = languageFrom(undefined, request.headers["accept-language"]);
      const found = await verifyCertificate(app.db, request.params.code, app.clock.now(), language);
      if (!found) throw new AppError("not_found");
      return { data: found };
    },
  );
};
