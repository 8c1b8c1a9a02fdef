import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  ResetPasswordBody,
  UserCreateBody,
  UserListQuery,
  UserListResponse,
  UserResponse,
  UserUpdateBody,
} from "../../../common/schemas/users";
import { authorize } from "../../authz/engine";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import { createUser } from "./create-user";
import { resetPassword, setUserActive, updateUser } from "./update-user";
import { canManageAccount, usersPolicy } from "./users.policy";
import { presentUser } from "./users.present";
import { findUser, listUsers } from "./users.queries";

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/users",
    {
      schema: { querystring: UserListQuery, response: { 200: UserListResponse } },
      config: { policy: "users.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listUsers(app.db, actor, request.query);
      return { data: rows.map((r) => presentUser(r, actor)), page: pageOf(request.query, total) };
    },
  );

  app.get(
    "/api/v1/users/:id",
    { schema: { params: IdParams, response: { 200: UserResponse } }, config: { policy: "users.read" } },
    async (request) => {
      const actor = actorOf(request);
      return { data: presentUser(await findUser(app.db, actor, request.params.id), actor) };
    },
  );

  app.post(
    "/api/v1/users",
    { schema: { body: UserCreateBody, response: { 201: UserResponse } }, config: { policy: "users.create" } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canManageAccount(actor, request.body)) throw new AppError("forbidden");
      const row = await app.db.transaction((tx) =>
        createUser(tx, ctxOf(app, request), request.body, { mustChangePassword: true }),
      );
      return reply.status(201).send({ data: presentUser(row, actor) });
    },
  );

  app.patch(
    "/api/v1/users/:id",
    {
      schema: { params: IdParams, body: UserUpdateBody, response: { 200: UserResponse } },
      config: { policy: "users.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const user = await findUser(tx, actor, request.params.id);
        authorize(actor, usersPolicy, "update", user);
        return updateUser(tx, ctxOf(app, request), actor, user, request.body);
      });
      return { data: presentUser(row, actor) };
    },
  );

  for (const [verb, isActive] of [
    ["deactivate", false],
    ["reactivate", true],
  ] as const) {
    app.post(
      `/api/v1/users/:id/${verb}`,
      {
        schema: { params: IdParams, response: { 200: UserResponse } },
        config: { policy: "users.deactivate" },
      },
      async (request) => {
        const actor = actorOf(request);
        const row = await app.db.transaction(async (tx) => {
          const user = await findUser(tx, actor, request.params.id);
          // Permission before state: someone who may not manage the account learns nothing of its state.
          if (!canManageAccount(actor, user)) throw new AppError("forbidden");
          if (user.isActive === isActive) throw new AppError("conflict");
          authorize(actor, usersPolicy, verb, user);
          return setUserActive(tx, ctxOf(app, request), user, isActive);
        });
        return { data: presentUser(row, actor) };
      },
    );
  }

  app.post(
    "/api/v1/users/:id/reset-password",
    {
      schema: { params: IdParams, body: ResetPasswordBody, response: { 200: UserResponse } },
      config: { policy: "users.resetPassword" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const user = await findUser(tx, actor, request.params.id);
        authorize(actor, usersPolicy, "resetPassword", user);
        return resetPassword(tx, ctxOf(app, request), user, request.body.password);
      });
      return { data: presentUser(row, actor) };
    },
  );
};
