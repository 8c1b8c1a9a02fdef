import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  CustodyBody,
  IncidentCreateBody,
  IncidentDetailResponse,
  IncidentFilterQuery,
  IncidentListQuery,
  IncidentListResponse,
  IncidentMapQuery,
  IncidentMapResponse,
  IncidentResponse,
  IncidentStepBody,
  IncidentStepParams,
  IncidentUpdateBody,
  ReferralCreateBody,
  ReferralResponse,
  ReferralUpdateBody,
  SeizureCreateBody,
  SeizureRegisterQuery,
  SeizureRegisterResponse,
  SeizureResponse,
} from "../../../common/schemas/incidents";
import { authorize } from "../../authz/engine";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import { createIncident, updateIncident } from "./create-incident";
import { nextIncidentStatus } from "./incident-workflow";
import {
  canRecordFor,
  incidentVisibilityKey,
  incidentsPolicy,
  mayTakeStep,
  referralsPolicy,
  seizuresPolicy,
  takesReferrals,
} from "./incidents.policy";
import { presentIncident, presentIncidentDetail, presentReferral, presentSeizure } from "./incidents.present";
import { incidentsCsv, incidentsGeoJson, incidentsXlsx } from "./incidents.export";
import { incidentMap } from "./incidents.map";
import {
  custodyOf,
  findIncident,
  incidentDetailParts,
  incidentFilters,
  listIncidents,
} from "./incidents.queries";
import { addSeizure, changeCustody } from "./record-seizure";
import { addReferral, updateReferral } from "./save-referral";
import { incidentImportRoutes } from "./import/incidents.import.routes";
import { findReferralForUpdate, findSeizureForUpdate, seizureTotals } from "./seizures.queries";
import { stepIncident } from "./step-incident";

export const incidentRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(incidentImportRoutes); // its own body parser (files) stays in its scope
  app.get(
    "/api/v1/incidents",
    {
      schema: { querystring: IncidentListQuery, response: { 200: IncidentListResponse } },
      config: { policy: "incidents.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { sort: _sort, page: _page, pageSize: _pageSize, ...filters } = request.query;
      // The total, kept per visibility class and filters until an incident (or a share of one) changes.
      const key = `incidents.total:${incidentVisibilityKey(actor)}:${JSON.stringify(filters)}`;
      const { rows, total } = await listIncidents(app.db, actor, request.query, (count) =>
        app.figures.get(key, ["incident"], count),
      );
      return { data: rows.map((r) => presentIncident(r, actor)), page: pageOf(request.query, total) };
    },
  );

  // Exports of the filtered list, streamed: the list's filters and visibility (incidentFilters), nothing more.
  for (const [ext, type, write] of [
    ["csv", "text/csv; charset=utf-8", incidentsCsv],
    ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", incidentsXlsx],
    ["geojson", "application/geo+json", incidentsGeoJson],
  ] as const) {
    app.get(
      `/api/v1/incidents/export.${ext}`,
      { schema: { querystring: IncidentFilterQuery }, config: { policy: "incidents.read" } },
      async (request, reply) => {
        const actor = actorOf(request);
        const name = `incidents-${app.clock.now().toISOString().slice(0, 10)}.${ext}`;
        return reply
          .type(type)
          .header("content-disposition", `attachment; filename="${name}"`)
          .send(write(app.database, incidentFilters(actor, request.query), actor.language));
      },
    );
  }

  // The map: counts by district and clusters for the list's filters, never the incidents themselves.
  app.get(
    "/api/v1/incidents/map",
    {
      schema: { querystring: IncidentMapQuery, response: { 200: IncidentMapResponse } },
      config: { policy: "incidents.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      // Kept per visibility class and filters until an incident (or a share of one) changes.
      const key = `incidents.map:${incidentVisibilityKey(actor)}:${JSON.stringify(request.query)}`;
      return app.figures.get(key, ["incident"], () => incidentMap(app.db, actor, request.query));
    },
  );

  app.get(
    "/api/v1/incidents/:id",
    {
      schema: { params: IdParams, response: { 200: IncidentDetailResponse } },
      config: { policy: "incidents.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const incident = await findIncident(app.db, actor, request.params.id);
      const parts = await incidentDetailParts(app.db, actor, incident.id);
      return { data: presentIncidentDetail(incident, actor, parts) };
    },
  );

  app.post(
    "/api/v1/incidents",
    {
      schema: { body: IncidentCreateBody, response: { 201: IncidentResponse } },
      config: { policy: "incidents.create" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canRecordFor(actor, request.body)) throw new AppError("forbidden");
      const row = await app.db.transaction((tx) => createIncident(tx, ctxOf(app, request), request.body));
      return reply.status(201).send({ data: presentIncident(row, actor) });
    },
  );

  app.patch(
    "/api/v1/incidents/:id",
    {
      schema: { params: IdParams, body: IncidentUpdateBody, response: { 200: IncidentResponse } },
      config: { policy: "incidents.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const incident = await findIncident(tx, actor, request.params.id, { forUpdate: true });
        if (!canRecordFor(actor, incident)) throw new AppError("forbidden");
        if (incident.status === "closed") throw new AppError("invalid_transition");
        authorize(actor, incidentsPolicy, "update", incident);
        return updateIncident(tx, ctxOf(app, request), incident, request.body);
      });
      return { data: presentIncident(row, actor) };
    },
  );

  // One route per status step: /incidents/:id/investigate, /refer, /close, /reopen. Refused to this person →
  // 403; not a step from the incident's status → 409 invalid_transition; closing or reopening without a reason → 400.
  app.post(
    "/api/v1/incidents/:id/:action",
    {
      schema: { params: IncidentStepParams, body: IncidentStepBody, response: { 200: IncidentResponse } },
      config: { policy: "incidents.step" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id, action } = request.params;
      const row = await app.db.transaction(async (tx) => {
        const incident = await findIncident(tx, actor, id, { forUpdate: true });
        if (!mayTakeStep(actor, incident, action)) throw new AppError("forbidden");
        if (!nextIncidentStatus(incident.status, action)) throw new AppError("invalid_transition");
        authorize(actor, incidentsPolicy, action, incident);
        return stepIncident(tx, ctxOf(app, request), incident, action, request.body.reason);
      });
      return { data: presentIncident(row, actor) };
    },
  );

  app.post(
    "/api/v1/incidents/:id/seizures",
    {
      schema: { params: IdParams, body: SeizureCreateBody, response: { 201: SeizureResponse } },
      config: { policy: "incidents.seizures" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { seizure, incident } = await app.db.transaction(async (tx) => {
        const incident = await findIncident(tx, actor, request.params.id, { forUpdate: true });
        if (!canRecordFor(actor, incident)) throw new AppError("forbidden");
        if (incident.status === "closed") throw new AppError("invalid_transition");
        authorize(actor, incidentsPolicy, "addSeizure", incident);
        return { incident, seizure: await addSeizure(tx, ctxOf(app, request), incident, request.body) };
      });
      const custody = await custodyOf(app.db, [seizure.id]);
      return reply
        .status(201)
        .send({ data: presentSeizure(seizure, custody.get(seizure.id) ?? [], incident, actor) });
    },
  );

  app.get(
    "/api/v1/seizures/register",
    {
      schema: { querystring: SeizureRegisterQuery, response: { 200: SeizureRegisterResponse } },
      config: { policy: "seizures.read" },
    },
    async (request) => ({ data: await seizureTotals(app.db, actorOf(request), request.query) }),
  );

  app.post(
    "/api/v1/seizures/:id/custody",
    {
      schema: { params: IdParams, body: CustodyBody, response: { 200: SeizureResponse } },
      config: { policy: "seizures.custody" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { after, agencyId } = await app.db.transaction(async (tx) => {
        const seizure = await findSeizureForUpdate(tx, actor, request.params.id);
        authorize(actor, seizuresPolicy, "custody", seizure);
        const after = await changeCustody(tx, ctxOf(app, request), seizure, request.body);
        return { after, agencyId: seizure.agencyId };
      });
      const custody = await custodyOf(app.db, [after.id]);
      return { data: presentSeizure(after, custody.get(after.id) ?? [], { agencyId }, actor) };
    },
  );

  app.post(
    "/api/v1/incidents/:id/referrals",
    {
      schema: { params: IdParams, body: ReferralCreateBody, response: { 201: ReferralResponse } },
      config: { policy: "incidents.referrals" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const incident = await findIncident(tx, actor, request.params.id, { forUpdate: true });
        if (!canRecordFor(actor, incident)) throw new AppError("forbidden");
        if (!takesReferrals(incident)) throw new AppError("invalid_transition");
        authorize(actor, incidentsPolicy, "addReferral", incident);
        return addReferral(tx, ctxOf(app, request), incident, request.body);
      });
      return reply.status(201).send({ data: presentReferral(row, actor) });
    },
  );

  app.patch(
    "/api/v1/referrals/:id",
    {
      schema: { params: IdParams, body: ReferralUpdateBody, response: { 200: ReferralResponse } },
      config: { policy: "referrals.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const referral = await findReferralForUpdate(tx, actor, request.params.id);
        authorize(actor, referralsPolicy, "update", referral);
        return updateReferral(tx, ctxOf(app, request), referral, request.body);
      });
      return { data: presentReferral(row, actor) };
    },
  );
};
