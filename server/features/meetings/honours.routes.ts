import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  HonourCreateBody,
  HonourListQuery,
  HonourListResponse,
  HonourResponse,
  HonourUpdateBody,
} from "../../../common/schemas/meetings";
import type { Sensitivity } from "../../../common/enums";
import type { Actor } from "../../authz/actor";
import { authorize } from "../../authz/engine";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import { canRecordFor, honoursPolicy, meetingsPolicy } from "./meetings.policy";
import { presentHonour } from "./meetings.present";
import { findHonour, listHonours } from "./honours.queries";
import { findMeeting } from "./meetings.queries";
import { createHonour, updateHonour } from "./save-honour";

/** A meeting an honour is linked to must be one the actor sees. */
/**
 * An honour given at a meeting belongs with it: the meeting must be one the actor sees and may add honours to,
 * of the honour's own agency, and a restricted meeting's honours are restricted too (else they would show
 * what the meeting hides).
 */
async function assertMeetingLink(
  db: Db,
  actor: Actor,
  honour: { meetingId: string | null | undefined; agencyId: string; sensitivity: Sensitivity },
) {
  if (!honour.meetingId) return;
  const meeting = await findMeeting(db, actor, honour.meetingId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found")
      throw new AppError("validation_failed", { fields: [{ field: "meetingId", issue: "invalid_value" }] });
    throw error;
  });
  authorize(actor, meetingsPolicy, "addHonour", meeting);
  if (meeting.agencyId !== honour.agencyId)
    throw new AppError("validation_failed", { fields: [{ field: "meetingId", issue: "invalid_value" }] });
  if (meeting.sensitivity === "restricted" && honour.sensitivity !== "restricted")
    throw new AppError("validation_failed", { fields: [{ field: "sensitivity", issue: "invalid_value" }] });
}

export const honourRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/honours",
    {
      schema: { querystring: HonourListQuery, response: { 200: HonourListResponse } },
      config: { policy: "honours.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listHonours(app.db, actor, request.query);
      return { data: rows.map((r) => presentHonour(r, actor)), page: pageOf(request.query, total) };
    },
  );

  app.get(
    "/api/v1/honours/:id",
    { schema: { params: IdParams, response: { 200: HonourResponse } }, config: { policy: "honours.read" } },
    async (request) => {
      const actor = actorOf(request);
      return { data: presentHonour(await findHonour(app.db, actor, request.params.id), actor) };
    },
  );

  app.post(
    "/api/v1/honours",
    {
      schema: { body: HonourCreateBody, response: { 201: HonourResponse } },
      config: { policy: "honours.create" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canRecordFor(actor, request.body)) throw new AppError("forbidden");
      const row = await app.db.transaction(async (tx) => {
        await assertMeetingLink(tx, actor, request.body);
        return createHonour(tx, ctxOf(app, request), request.body);
      });
      return reply.status(201).send({ data: presentHonour(row, actor) });
    },
  );

  app.patch(
    "/api/v1/honours/:id",
    {
      schema: { params: IdParams, body: HonourUpdateBody, response: { 200: HonourResponse } },
      config: { policy: "honours.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await app.db.transaction(async (tx) => {
        const honour = await findHonour(tx, actor, request.params.id, { forUpdate: true });
        authorize(actor, honoursPolicy, "update", honour);
        await assertMeetingLink(tx, actor, {
          meetingId: request.body.meetingId === undefined ? honour.meetingId : request.body.meetingId,
          agencyId: honour.agencyId,
          sensitivity: request.body.sensitivity ?? honour.sensitivity,
        });
        return updateHonour(tx, ctxOf(app, request), honour, request.body);
      });
      return { data: presentHonour(row, actor) };
    },
  );
};
