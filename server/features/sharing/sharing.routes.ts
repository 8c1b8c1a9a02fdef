import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ShareParams, SharesBody, SharesResponse } from "../../../common/schemas/sharing";
import { authorize, can } from "../../authz/engine";
import { actorOf, ctxOf } from "../../http/context";
import { setShares, sharesOf } from "./set-shares";
import { findShareable, type SharedRecord } from "./shared-records";
import { sharingPolicy } from "./sharing.policy";

/** Whom a restricted record is shared with (`GET`), and setting that list (`PUT`, the whole list). */
export const sharingRoutes: FastifyPluginAsyncZod = async (app) => {
  const present = async (actor: ReturnType<typeof actorOf>, record: SharedRecord) => ({
    data: {
      agencies: await sharesOf(app.db, actor, record),
      abilities: { manage: can(actor, sharingPolicy, "manage", record) },
    },
  });

  app.get(
    "/api/v1/shares/:entity/:id",
    {
      schema: { params: ShareParams, response: { 200: SharesResponse } },
      config: { policy: "sharing.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const record = await findShareable(app.db, actor, request.params.entity, request.params.id);
      return present(actor, record);
    },
  );

  app.put(
    "/api/v1/shares/:entity/:id",
    {
      schema: { params: ShareParams, body: SharesBody, response: { 200: SharesResponse } },
      config: { policy: "sharing.manage" },
    },
    async (request) => {
      const actor = actorOf(request);
      const record = await app.db.transaction(async (tx) => {
        const found = await findShareable(tx, actor, request.params.entity, request.params.id);
        authorize(actor, sharingPolicy, "manage", found);
        await setShares(tx, ctxOf(app, request), actor, found, request.body.agencyIds);
        return found;
      });
      return present(actor, record);
    },
  );
};
