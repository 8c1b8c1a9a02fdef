import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  PersonCreateBody,
  PersonListQuery,
  PersonListResponse,
  PersonResponse,
  PersonUpdateBody,
} from "../../../common/schemas/personnel";
import { authorize } from "../../authz/engine";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import { canKeepPerson, personnelPolicy } from "./personnel.policy";
import { presentPerson } from "./personnel.present";
import { findPerson, listPersonnel } from "./personnel.queries";
import { createPerson, setPersonActive, updatePerson } from "./save-person";

export const personnelRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/personnel",
    {
      schema: { querystring: PersonListQuery, response: { 200: PersonListResponse } },
      config: { policy: "personnel.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listPersonnel(app.db, actor, request.query);
      return { data: rows.map((r) => presentPerson(r, actor)), page: pageOf(request.query, total) };
    },
  );

  app.get(
    "/api/v1/personnel/:id",
    { schema: { params: IdParams, response: { 200: PersonResponse } }, config: { policy: "personnel.read" } },
    async (request) => {
      const actor = actorOf(request);
      return { data: presentPerson(await findPerson(app.db, actor, request.params.id), actor) };
    },
  );

  app.post(
    "/api/v1/personnel",
    {
      schema: { body: PersonCreateBody, response: { 201: PersonResponse } },
      config: { policy: "personnel.create" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canKeepPerson(actor, request.body)) throw new AppError("forbidden");
      const row = await app.db.transaction((tx) => createPerson(tx, ctxOf(app, request), request.body));
      return reply.status(201).send({ data: presentPerson(row, actor) });
    },
  );

  app.patch(
    "/api/v1/personnel/:id",
    {
      schema: { params: IdParams, body: PersonUpdateBody, response: { 200: PersonResponse } },
      config: { policy: "personnel.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const person = await findPerson(tx, actor, request.params.id);
        authorize(actor, personnelPolicy, "update", person);
        return updatePerson(tx, ctxOf(app, request), actor, person, request.body);
      });
      return { data: presentPerson(row, actor) };
    },
  );

  for (const [verb, isActive] of [
    ["deactivate", false],
    ["reactivate", true],
  ] as const) {
    app.post(
      `/api/v1/personnel/:id/${verb}`,
      {
        schema: { params: IdParams, response: { 200: PersonResponse } },
        config: { policy: "personnel.deactivate" },
      },
      async (request) => {
        const actor = actorOf(request);
        const row = await app.db.transaction(async (tx) => {
          const person = await findPerson(tx, actor, request.params.id);
          if (person.isActive === isActive) throw new AppError("conflict");
          authorize(actor, personnelPolicy, verb, person);
          return setPersonActive(tx, ctxOf(app, request), person, isActive);
        });
        return { data: presentPerson(row, actor) };
      },
    );
  }
};
