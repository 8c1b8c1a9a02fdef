import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "../../../common/schemas/base";
import {
  CalendarQuery,
  MeetingCreateBody,
  MeetingExtractBody,
  MeetingExtractResponse,
  MeetingListQuery,
  MeetingListResponse,
  MeetingResponse,
  MeetingUpdateBody,
} from "../../../common/schemas/meetings";
import type { Actor } from "../../authz/actor";
import { authorize } from "../../authz/engine";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { actorOf, ctxOf } from "../../http/context";
import { pageOf } from "../../http/pagination";
import { createMeeting } from "./create-meeting";
import { meetingsCalendar } from "./meetings.calendar";
import { meetingMinutesXlsx } from "./meetings.minutes";
import { canRecordFor, meetingsPolicy } from "./meetings.policy";
import { presentMeeting, presentMeetingDetail } from "./meetings.present";
import { findMeeting, hostsOf, listMeetings, meetingParts } from "./meetings.queries";
import type { MeetingRow } from "./meetings.table";
import { proposeMeeting } from "./propose-meeting";
import { updateMeeting } from "./update-meeting";

const CALENDAR = "text/calendar; charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The meeting page as the actor sees it. */
export async function meetingDetail(db: Db, actor: Actor, meeting: MeetingRow, now: Date) {
  return presentMeetingDetail(meeting, await meetingParts(db, actor, meeting, now), actor, now);
}

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const now = () => app.clock.now();

  app.post(
    "/api/v1/meetings/extract",
    {
      schema: { body: MeetingExtractBody, response: { 200: MeetingExtractResponse } },
      config: { policy: "meetings.extract" },
    },
    async (request) => ({ data: await proposeMeeting(app.db, actorOf(request), request.body) }),
  );

  app.get(
    "/api/v1/meetings",
    {
      schema: { querystring: MeetingListQuery, response: { 200: MeetingListResponse } },
      config: { policy: "meetings.read" },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listMeetings(app.db, actor, request.query);
      const hosts = await hostsOf(
        app.db,
        rows.map((r) => r.id),
      );
      return {
        data: rows.map((r) => presentMeeting(r, hosts.get(r.id), actor)),
        page: pageOf(request.query, total),
      };
    },
  );

  // The meetings the actor may see and the due dates of their commitments, as an iCalendar feed.
  app.get(
    "/api/v1/meetings.ics",
    { schema: { querystring: CalendarQuery }, config: { policy: "meetings.read" } },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = await meetingsCalendar(app.db, actor, request.query, now());
      return reply
        .type(CALENDAR)
        .header("content-disposition", 'attachment; filename="tansiq-meetings.ics"')
        .send(body);
    },
  );

  app.get(
    "/api/v1/meetings/:id",
    { schema: { params: IdParams, response: { 200: MeetingResponse } }, config: { policy: "meetings.read" } },
    async (request) => {
      const actor = actorOf(request);
      const meeting = await findMeeting(app.db, actor, request.params.id);
      return { data: await meetingDetail(app.db, actor, meeting, now()) };
    },
  );

  app.get(
    "/api/v1/meetings/:id/calendar.ics",
    { schema: { params: IdParams }, config: { policy: "meetings.read" } },
    async (request, reply) => {
      const actor = actorOf(request);
      const meeting = await findMeeting(app.db, actor, request.params.id);
      const body = await meetingsCalendar(app.db, actor, { meetingId: meeting.id }, now());
      return reply
        .type(CALENDAR)
        .header("content-disposition", `attachment; filename="${meeting.reference}.ics"`)
        .send(body);
    },
  );

  app.get(
    "/api/v1/meetings/:id/minutes.xlsx",
    { schema: { params: IdParams }, config: { policy: "meetings.read" } },
    async (request, reply) => {
      const actor = actorOf(request);
      const meeting = await findMeeting(app.db, actor, request.params.id);
      const parts = await meetingParts(app.db, actor, meeting, now());
      const body = await meetingMinutesXlsx(app.db, actor, meeting, parts, actor.language);
      return reply
        .type(XLSX)
        .header("content-disposition", `attachment; filename="${meeting.reference}-minutes.xlsx"`)
        .send(body);
    },
  );

  // One request with every part: what the import review page saves.
  app.post(
    "/api/v1/meetings",
    {
      schema: { body: MeetingCreateBody, response: { 201: MeetingResponse } },
      config: { policy: "meetings.create" },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!canRecordFor(actor, request.body)) throw new AppError("forbidden");
      const meeting = await app.db.transaction((tx) => createMeeting(tx, ctxOf(app, request), request.body));
      return reply.status(201).send({ data: await meetingDetail(app.db, actor, meeting, now()) });
    },
  );

  app.patch(
    "/api/v1/meetings/:id",
    {
      schema: { params: IdParams, body: MeetingUpdateBody, response: { 200: MeetingResponse } },
      config: { policy: "meetings.update" },
    },
    async (request) => {
      const actor = actorOf(request);
      const meeting = await app.db.transaction(async (tx) => {
        const found = await findMeeting(tx, actor, request.params.id, { forUpdate: true });
        authorize(actor, meetingsPolicy, "update", found);
        return updateMeeting(tx, ctxOf(app, request), found, request.body);
      });
      return { data: await meetingDetail(app.db, actor, meeting, now()) };
    },
  );
};
