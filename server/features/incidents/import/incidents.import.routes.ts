import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id } from "../../../../common/schemas/base";
import { AppError } from "../../../http/app-error";
import { actorOf, ctxOf } from "../../../http/context";
import { canImportFor } from "../incidents.policy";
import { importIncidents } from "./import-incidents";
import { IMPORT_FORMATS } from "./parse-incidents";
import { templateCsv, templateXlsx } from "./import-template";

/** Largest file an import takes (a 100,000-row Tansiq CSV is about 15 MB). */
export const IMPORT_MAX_BYTES = 40 * 1024 * 1024;

const ImportQuery = z.strictObject({
  format: z.enum(IMPORT_FORMATS).default("tansiq"),
  dryRun: z.enum(["true", "false"]).default("true"),
  agencyId: Id.optional(),
});

/** POST /api/v1/incidents/import (the file as the body) and GET /api/v1/incidents/import/template.{csv,xlsx}. */
export const incidentImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // The file is the request body, as bytes: CSV or a workbook.
  for (const type of [
    "application/octet-stream",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ])
    app.addContentTypeParser(type, { parseAs: "buffer", bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) =>
      done(null, body),
    );

  app.post(
    "/api/v1/incidents/import",
    {
      schema: { querystring: ImportQuery },
      config: { policy: "incidents.import" },
      bodyLimit: IMPORT_MAX_BYTES,
    },
    async (request) => {
      const actor = actorOf(request);
      const agencyId = request.query.agencyId ?? actor.agencyId;
      if (!agencyId)
        throw new AppError("validation_failed", { fields: [{ field: "agencyId", issue: "required" }] });
      if (!canImportFor(actor, agencyId)) throw new AppError("forbidden");
      const file = request.body;
      if (!Buffer.isBuffer(file) || file.length === 0)
        throw new AppError("validation_failed", { fields: [{ field: "file", issue: "required" }] });
      const input = {
        format: request.query.format,
        agencyId,
        dryRun: request.query.dryRun === "true",
        file,
        language: actor.language === "en" ? ("en" as const) : ("ar" as const),
      };
      const summary = await app.db.transaction((tx) => importIncidents(tx, ctxOf(app, request), input));
      return { data: summary };
    },
  );

  app.get(
    "/api/v1/incidents/import/template.csv",
    { config: { policy: "incidents.import" } },
    async (_request, reply) =>
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="tansiq-incidents.csv"')
        .send(templateCsv()),
  );
  app.get(
    "/api/v1/incidents/import/template.xlsx",
    { config: { policy: "incidents.import" } },
    async (_request, reply) =>
      reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", 'attachment; filename="tansiq-incidents.xlsx"')
        .send(await templateXlsx()),
  );
};
