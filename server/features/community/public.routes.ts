import { randomBytes } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  formatTrackingCode,
  normalizeTrackingCode,
  trackingCodeFrom,
} from "../../../common/community/tracking-code";
import { LIMITS } from "../../../common/limits";
import {
  CommunityChallengeResponse,
  CommunitySubmitBody,
  CommunitySubmitResponse,
  CommunityTrackBody,
  CommunityTrackResponse,
} from "../../../common/schemas/community";
import { AppError } from "../../http/app-error";
import { issueChallenge, spendChallenge, takeCommunityLimits } from "./client-guard";
import { trackReport } from "./community.queries";
import { hashTrackingCode, submitReport } from "./submit-report";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The public side of community reports (no sign-in, no cookie, never cached): a proof-of-work challenge, sending a
 * report, following it by its tracking code. Every route is rate-limited per client address and for everyone, in
 * the database every instance shares; the address itself is never stored (client-guard.ts).
 */
export const publicCommunityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook("onSend", async (_request, reply) => {
    reply.header("cache-control", "no-store").header("x-robots-tag", "noindex");
  });

  app.get(
    "/api/public/community/challenge",
    { schema: { response: { 200: CommunityChallengeResponse } }, config: { public: true } },
    async (request) => {
      const now = app.clock.now();
      await takeCommunityLimits(
        app.db,
        now,
        request.ip,
        "challenge",
        { max: LIMITS.communityChallengePerMinute, windowMs: MINUTE },
        { max: LIMITS.communityTrackGlobalPerMinute, windowMs: MINUTE },
      );
      return { data: { challenge: await issueChallenge(app.db, now), bits: LIMITS.communityWorkBits } };
    },
  );

  app.post(
    "/api/public/community/reports",
    {
      schema: { body: CommunitySubmitBody, response: { 201: CommunitySubmitResponse } },
      config: { public: true },
    },
    async (request, reply) => {
      const now = app.clock.now();
      await takeCommunityLimits(
        app.db,
        now,
        request.ip,
        "submit",
        { max: LIMITS.communitySubmitPerHour, windowMs: HOUR },
        { max: LIMITS.communitySubmitGlobalPerMinute, windowMs: MINUTE },
      );
      // A filled honeypot gets what a person would get, and nothing is stored: the script learns nothing.
      if (request.body.website !== "")
        return reply
          .status(201)
          .send({ data: { code: formatTrackingCode(trackingCodeFrom(randomBytes(10))) } });
      await spendChallenge(app.db, now, request.body.challenge, request.body.nonce);
      const { code } = await app.db.transaction((tx) =>
        submitReport(tx, { actor: null, now, actorLabel: "public" }, request.body),
      );
      return reply.status(201).send({ data: { code: formatTrackingCode(code) } });
    },
  );

  // The code travels in the body, not the URL, so it stays out of logs and browser history.
  app.post(
    "/api/public/community/track",
    {
      schema: { body: CommunityTrackBody, response: { 200: CommunityTrackResponse } },
      config: { public: true },
    },
    async (request) => {
      await takeCommunityLimits(
        app.db,
        app.clock.now(),
        request.ip,
        "track",
        { max: LIMITS.communityTrackPerMinute, windowMs: MINUTE },
        { max: LIMITS.communityTrackGlobalPerMinute, windowMs: MINUTE },
      );
      const code = normalizeTrackingCode(request.body.code);
      const found = code ? await trackReport(app.db, hashTrackingCode(code)) : null;
      if (!found) throw new AppError("not_found");
      return {
        data: {
          status: found.status,
          category: found.category,
          submittedAt: found.createdAt.toISOString(),
          replies: found.replies.map((r) => ({ text: r.text, at: r.at.toISOString() })),
        },
      };
    },
  );
};
