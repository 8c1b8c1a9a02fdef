/* eslint-disable @typescript-eslint/consistent-type-definitions -- module augmentation needs interfaces */
import type { RouteOptions } from "fastify";
import type { Actor } from "../authz/actor";
import type { Config } from "../config";
import type { Database, Db } from "../db/client";
import type { Clock } from "../clock";
import type { DocumentService } from "../documents/document-service";
import type { FiguresCache } from "../live/figures-cache";
import type { LiveHub } from "../live/live-hub";
import type { Mailer } from "../notifications/mailer";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The policy guarding the route, `<entity>.<route rule>` (see server/authz). */
    policy?: string;
    /** The route needs no signed-in user. */
    public?: boolean;
    /** Open to a signed-in user who still has to enrol a second factor or change their password. */
    duringSetup?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
    clock: Clock;
    /** Committed changes, from every instance (LISTEN/NOTIFY), for server-sent events. */
    live: LiveHub;
    /** Figures many readers ask for, kept until the live hub hears a change of what they count. */
    figures: FiguresCache;
    /** PDFs, drawn in worker threads and limited per user. */
    documents: DocumentService;
    /** The e-mail outbox sender, or null when SMTP_URL is unset. */
    mailer: Mailer | null;
    /** Every route as registered, for the route-guard test and the OpenAPI check. */
    registeredRoutes: RouteOptions[];
  }
}

export {};
