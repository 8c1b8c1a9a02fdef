import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { MeetingExtractBody, MeetingExtractResponse } from "../../../common/schemas/meetings";
import { actorOf } from "../../http/context";
import { proposeMeeting } from "./propose-meeting";

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/v1/meetings/extract",
    {
      schema: { body: MeetingExtractBody, response: { 200: MeetingExtractResponse } },
      config: { policy: "meetings.extract" },
    },
    async (request) => ({ data: await proposeMeeting(app.db, actorOf(request), request.body) }),
  );
};
