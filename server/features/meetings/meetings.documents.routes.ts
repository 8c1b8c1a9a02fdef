import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { draftPressRelease } from "../../../common/meetings/press-release";
import { IdParams } from "../../../common/schemas/base";
import { PressReleaseBody, PressReleaseResponse } from "../../../common/schemas/meetings";
import { AppError } from "../../http/app-error";
import { actorOf } from "../../http/context";
import { zonedDay } from "../../../common/dates";
import { findHonour } from "./honours.queries";
import {
  agencyNamesFor,
  honourCertificateInput,
  meetingAgencyIds,
  meetingDocumentInput,
} from "./meetings.documents";
import { presentHonour } from "./meetings.present";
import { findMeeting } from "./meetings.queries";
import { meetingDetail } from "./meetings.routes";

const PDF = "application/pdf";
const attachment = (name: string) => `attachment; filename="${name}"`;

/**
 * The documents of a meeting and of an honour, in the reader's language: the minutes (PDF), the draft press
 * release (text to edit, then typeset as a PDF), and the certificate of appreciation (PDF). Nothing is written;
 * each reads only what the reader may see.
 */
export const meetingDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const now = () => app.clock.now();

  async function meetingInput(request: Parameters<typeof actorOf>[0], id: string) {
    const actor = actorOf(request);
    const detail = await meetingDetail(app.db, actor, await findMeeting(app.db, actor, id), now());
    const names = await agencyNamesFor(app.db, meetingAgencyIds(detail), actor.language);
    return { actor, detail, input: meetingDocumentInput(detail, names, actor.language) };
  }
  const options = (actor: ReturnType<typeof actorOf>) => ({
    language: actor.language,
    numerals: actor.numerals,
  });

  app.get(
    "/api/v1/meetings/:id/minutes.pdf",
    { schema: { params: IdParams }, config: { policy: "meetings.read" } },
    async (request, reply) => {
      const { actor, detail, input } = await meetingInput(request, request.params.id);
      const pdf = await app.documents.render(actor, "meetingMinutes", input, options(actor));
      return reply
        .type(PDF)
        .header("content-disposition", attachment(`${detail.reference}-minutes.pdf`))
        .send(pdf);
    },
  );

  app.get(
    "/api/v1/meetings/:id/press-release",
    {
      schema: { params: IdParams, response: { 200: PressReleaseResponse } },
      config: { policy: "meetings.read" },
    },
    async (request) => {
      const { input } = await meetingInput(request, request.params.id);
      // Drafted as if published today: «صباح اليوم» for a meeting today, a full date otherwise.
      return { data: { text: draftPressRelease(input, { publicationDate: zonedDay(now()) }) } };
    },
  );

  app.post(
    "/api/v1/meetings/:id/press-release.pdf",
    { schema: { params: IdParams, body: PressReleaseBody }, config: { policy: "meetings.read" } },
    async (request, reply) => {
      const actor = actorOf(request);
      const meeting = await findMeeting(app.db, actor, request.params.id);
      const pdf = await app.documents.render(
        actor,
        "pressRelease",
        { text: request.body.text, date: now(), reference: meeting.reference },
        options(actor),
      );
      return reply
        .type(PDF)
        .header("content-disposition", attachment(`${meeting.reference}-press-release.pdf`))
        .send(pdf);
    },
  );

  app.get(
    "/api/v1/honours/:id/certificate.pdf",
    { schema: { params: IdParams }, config: { policy: "honours.read" } },
    async (request, reply) => {
      const actor = actorOf(request);
      const honour = presentHonour(await findHonour(app.db, actor, request.params.id), actor);
      // The meeting is named only when the reader may see it.
      const meeting = honour.meetingId
        ? await findMeeting(app.db, actor, honour.meetingId).catch((error: unknown) => {
            if (error instanceof AppError && error.code === "not_found") return null;
            throw error;
          })
        : null;
      const names = await agencyNamesFor(
        app.db,
        [honour.recipientAgencyId, honour.giverAgencyId],
        actor.language,
      );
      const pdf = await app.documents.render(
        actor,
        "honourCertificate",
        honourCertificateInput(honour, meeting, names, actor.language),
        options(actor),
      );
      return reply
        .type(PDF)
        .header("content-disposition", attachment(`${honour.reference}-certificate.pdf`))
        .send(pdf);
    },
  );
};
