import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  AttendeeBody,
  AttendeeUpdateBody,
  CommitmentBody,
  CommitmentResponse,
  MeetingPartParams,
  MeetingResponse,
  PartOrderBody,
  StatementBody,
  StatementUpdateBody,
} from "../../../common/schemas/meetings";
import type { Ctx } from "../../authz/actor";
import { authorize } from "../../authz/engine";
import type { Db } from "../../db/client";
import { actorOf, ctxOf } from "../../http/context";
import { findCommitment } from "./commitments.queries";
import { meetingsPolicy } from "./meetings.policy";
import { presentCommitment } from "./meetings.present";
import { findMeeting } from "./meetings.queries";
import type { MeetingRow } from "./meetings.table";
import { meetingDetail } from "./meetings.routes";
import { addCommitment } from "./save-commitment";
import {
  addAttendee,
  addStatement,
  findAttendee,
  findStatement,
  orderAttendees,
  orderStatements,
  updateAttendee,
  updateStatement,
} from "./update-meeting";

/**
 * The parts of a saved meeting: attendees and statements added and edited one at a time, kept and ordered as a
 * list (nothing has a DELETE route: leaving a part out of the list removes it); commitments added. Each change is
 * made by whoever may edit the meeting (its agency's managers, leadership) and answers with the meeting page.
 */
export const meetingPartRoutes: FastifyPluginAsyncZod = async (app) => {
  const now = () => app.clock.now();

  /** Finds and locks the meeting, checks the actor may edit it, and runs the change in one transaction. */
  const editing = async <T>(
    request: Parameters<typeof actorOf>[0],
    id: string,
    change: (tx: Db, ctx: Ctx, meeting: MeetingRow) => Promise<T>,
  ) => {
    const actor = actorOf(request);
    const meeting = await app.db.transaction(async (tx) => {
      const found = await findMeeting(tx, actor, id, { forUpdate: true });
      authorize(actor, meetingsPolicy, "update", found);
      await change(tx, ctxOf(app, request), found);
      return findMeeting(tx, actor, id);
    });
    return { data: await meetingDetail(app.db, actor, meeting, now()) };
  };

  app.post(
    "/api/v1/meetings/:id/attendees",
    {
      schema: { params: IdParams, body: AttendeeBody, response: { 201: MeetingResponse } },
      config: { policy: "meetings.update" },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await editing(request, request.params.id, (tx, ctx, m) => addAttendee(tx, ctx, m, request.body)),
        ),
  );

  app.patch(
    "/api/v1/meetings/:id/attendees/:partId",
    {
      schema: { params: MeetingPartParams, body: AttendeeUpdateBody, response: { 200: MeetingResponse } },
      config: { policy: "meetings.update" },
    },
    async (request) =>
      editing(request, request.params.id, async (tx, ctx, m) =>
        updateAttendee(tx, ctx, m, await findAttendee(tx, m.id, request.params.partId), request.body),
      ),
  );

  app.put(
    "/api/v1/meetings/:id/attendees",
    {
      schema: { params: IdParams, body: PartOrderBody, response: { 200: MeetingResponse } },
      config: { policy: "meetings.update" },
    },
    async (request) =>
      editing(request, request.params.id, (tx, ctx, m) => orderAttendees(tx, ctx, m, request.body.ids)),
  );

  app.post(
    "/api/v1/meetings/:id/statements",
    {
      schema: { params: IdParams, body: StatementBody, response: { 201: MeetingResponse } },
      config: { policy: "meetings.update" },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await editing(request, request.params.id, (tx, ctx, m) => addStatement(tx, ctx, m, request.body)),
        ),
  );

  app.patch(
    "/api/v1/meetings/:id/statements/:partId",
    {
      schema: { params: MeetingPartParams, body: StatementUpdateBody, response: { 200: MeetingResponse } },
      config: { policy: "meetings.update" },
    },
    async (request) =>
      editing(request, request.params.id, async (tx, ctx, m) =>
        updateStatement(tx, ctx, m, await findStatement(tx, m.id, request.params.partId), request.body),
      ),
  );

  app.put(
    "/api/v1/meetings/:id/statements",
    {
      schema: { params: IdParams, body: PartOrderBody, response: { 200: MeetingResponse } },
      config: { policy: "meetings.update" },
    },
    async (request) =>
      editing(request, request.params.id, (tx, ctx, m) => orderStatements(tx, ctx, m, request.body.ids)),
  );

  app.post(
    "/api/v1/meetings/:id/commitments",
    {
      schema: { params: IdParams, body: CommitmentBody, response: { 201: CommitmentResponse } },
      config: { policy: "meetings.update" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const record = await app.db.transaction(async (tx) => {
        const meeting = await findMeeting(tx, actor, request.params.id, { forUpdate: true });
        authorize(actor, meetingsPolicy, "addCommitment", meeting);
        const row = await addCommitment(tx, ctxOf(app, request), meeting, request.body);
        return findCommitment(tx, actor, row.id);
      });
      return reply.status(201).send({ data: presentCommitment(record, actor, now()) });
    },
  );
};
