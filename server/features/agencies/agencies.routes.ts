import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ActiveFilter, IdParams } from "../../../common/schemas/base";
import {
  AgencyCreateBody,
  AgencyListQuery,
  AgencyListResponse,
  AgencyResponse,
  AgencyUpdateBody,
  Agency,
} from "../../../common/schemas/agencies";
import { authorize } from "../../authz/engine";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import { AppError } from "../../http/app-error";
import { agenciesPolicy } from "./agencies.policy";
import { presentAgency } from "./agencies.present";
import { findAgency, listAgencies, listAgencyTree } from "./agencies.queries";
import { createAgency } from "./create-agency";
import { setAgencyActive, updateAgency } from "./update-agency";

export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/agencies",
    {
      schema: { querystring: AgencyListQuery, response: { 200: AgencyListResponse } },
      config: { policy: "agencies.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listAgencies(app.db, actor, request.query);
      return { data: rows.map((r) => presentAgency(r, actor)), page: pageOf(request.query, total) };
    },
  );

  app.get(
    "/api/v1/agencies/tree",
    {
      schema: {
        querystring: z.strictObject({ status: ActiveFilter }),
        response: { 200: z.object({ data: z.array(Agency) }) },
      },
      config: { policy: "agencies.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await listAgencyTree(app.db, actor, request.query.status);
      return { data: rows.map((r) => presentAgency(r, actor)) };
    },
  );

  app.get(
    "/api/v1/agencies/:id",
    { schema: { params: IdParams, response: { 200: AgencyResponse } }, config: { policy: "agencies.read" } },
    async (request) => {
      const actor = actorOf(request);
      return { data: presentAgency(await findAgency(app.db, actor, request.params.id), actor) };
    },
  );

  app.post(
    "/api/v1/agencies",
    {
      schema: { body: AgencyCreateBody, response: { 201: AgencyResponse } },
      config: { policy: "agencies.create" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await app.db.transaction((tx) => createAgency(tx, ctxOf(app, request), request.body));
      return reply.status(201).send({ data: presentAgency(row, actor) });
    },
  );

  app.patch(
    "/api/v1/agencies/:id",
    {
      schema: { params: IdParams, body: AgencyUpdateBody, response: { 200: AgencyResponse } },
      config: { policy: "agencies.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const agency = await findAgency(tx, actor, request.params.id);
        authorize(actor, agenciesPolicy, "update", agency);
        return updateAgency(tx, ctxOf(app, request), agency, request.body);
      });
      return { data: presentAgency(row, actor) };
    },
  );

  for (const [verb, isActive] of [
    ["deactivate", false],
    ["reactivate", true],
  ] as const) {
    app.post(
      `/api/v1/agencies/:id/${verb}`,
      {
        schema: { params: IdParams, response: { 200: AgencyResponse } },
        config: { policy: "agencies.deactivate" },
      },
      async (request) => {
        const actor = actorOf(request);
        const row = await app.db.transaction(async (tx) => {
          const agency = await findAgency(tx, actor, request.params.id);
          if (agency.isActive === isActive) throw new AppError("conflict");
          authorize(actor, agenciesPolicy, verb, agency);
          return setAgencyActive(tx, ctxOf(app, request), agency, isActive);
        });
        return { data: presentAgency(row, actor) };
      },
    );
  }
};
