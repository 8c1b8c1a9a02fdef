import { asc } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  IncidentTypeCreateBody,
  IncidentTypeListResponse,
  IncidentTypeResponse,
  IncidentTypeUpdateBody,
} from "../../../common/schemas/incidents";
import { ctxOf } from "../../http/context";
import { presentIncidentType } from "./incidents.present";
import { incidentTypes } from "./incidents.table";
import { createIncidentType, updateIncidentType } from "./save-incident-type";

/** The list of incident types (retired ones too: old incidents still name them), and its upkeep by admins. */
export const incidentTypeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/incident-types",
    { schema: { response: { 200: IncidentTypeListResponse } }, config: { policy: "incidentTypes.read" } },
    async () => {
      const rows = await app.db
        .select()
        .from(incidentTypes)
        .orderBy(asc(incidentTypes.sortOrder), asc(incidentTypes.code));
      return { data: rows.map(presentIncidentType) };
    },
  );

  app.post(
    "/api/v1/incident-types",
    {
      schema: { body: IncidentTypeCreateBody, response: { 201: IncidentTypeResponse } },
      config: { policy: "incidentTypes.manage" },
    },
    async (request, reply) => {
      const row = await app.db.transaction((tx) => createIncidentType(tx, ctxOf(app, request), request.body));
      return reply.status(201).send({ data: presentIncidentType(row) });
    },
  );

  app.patch(
    "/api/v1/incident-types/:id",
    {
      schema: { params: IdParams, body: IncidentTypeUpdateBody, response: { 200: IncidentTypeResponse } },
      config: { policy: "incidentTypes.manage" },
    },
    async (request) => {
      const row = await app.db.transaction((tx) =>
        updateIncidentType(tx, ctxOf(app, request), request.params.id, request.body),
      );
      return { data: presentIncidentType(row) };
    },
  );
};
