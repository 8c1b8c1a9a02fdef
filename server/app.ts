import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { logRequests } from "./http/request-log";
import { serializerCompiler } from "./http/serializer";
import { LIMITS } from "../common/limits";
import { ErrorResponse } from "../common/schemas/base";
import "./authz/index";
import "./links/index";
import "./http/fastify-types";
import { auditRoutes } from "./audit/audit.routes";
import { authRoutes } from "./auth/auth.routes";
import { registerAuthentication } from "./auth/authenticate";
import { systemClock, type Clock } from "./clock";
import type { Config } from "./config";
import type { Database } from "./db/client";
import { agencyRoutes } from "./features/agencies";
import { borderRoutes } from "./features/border";
import { dashboardRoutes } from "./features/dashboard";
import { homeRoutes } from "./features/home";
import { reportRoutes } from "./features/reports";
import { communityRoutes, publicCommunityRoutes } from "./features/community";
import { incidentRoutes, incidentTypeRoutes } from "./features/incidents";
import { needRoutes, problemRoutes } from "./features/needs";
import {
  commitmentRoutes,
  honourRoutes,
  meetingDocumentRoutes,
  meetingPartRoutes,
  meetingRoutes,
} from "./features/meetings";
import { personnelRoutes } from "./features/personnel";
import { planRoutes } from "./features/plans";
import { searchRoutes } from "./features/search";
import { sharingRoutes } from "./features/sharing";
import { taskRoutes } from "./features/tasks";
import { certificateRoutes, courseRoutes, publicVerifyRoutes, trainingRoutes } from "./features/training";
import { createDocumentService } from "./documents/document-service";
import { createFiguresCache } from "./live/figures-cache";
import { createLiveHub } from "./live/live-hub";
import { liveRoutes } from "./live/live.routes";
import { createMailer, notificationRoutes } from "./notifications";
import { userRoutes } from "./features/users";
import { errorForLog } from "./db/failures";
import { RETRY_AFTER_SECONDS, registerErrorHandler } from "./http/error-handler";
import { registerInputGuard } from "./http/input-guard";
import { registerRouteGuard } from "./http/route-guard";
import { registerSecurityHeaders } from "./http/security-headers";
import { publicRoutes, registerWebApp } from "./http/web-app";
import { VERSION } from "./version";

export type AppOptions = {
  config: Config;
  database: Database;
  clock?: Clock;
  /** Extra plugins registered with the features (tests use it to add routes). */
  plugins?: ((app: FastifyInstance) => Promise<void>)[];
  /** Where logs go (standard output unless given; tests read them). */
  logStream?: NodeJS.WritableStream;
};

const HealthResponse = z.object({
  status: z.enum(["ok", "degraded"]),
  engine: z.enum(["pglite", "postgres"]),
  version: z.string(),
  database: z.enum(["up", "unavailable"]),
  live: z.enum(["listening", "reconnecting"]),
});

/** Whether the database answers within two seconds (a health check must answer even when it does not). */
async function isDatabaseReachable(database: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 2_000)));
  const probe = database.db.execute("select 1").then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The features, in order. A new module adds its routes here: no auto-loading. */
const FEATURES = [
  authRoutes,
  agencyRoutes,
  userRoutes,
  personnelRoutes,
  auditRoutes,
  planRoutes,
  taskRoutes,
  sharingRoutes,
  notificationRoutes,
  liveRoutes,
  needRoutes,
  problemRoutes,
  meetingRoutes,
  meetingPartRoutes,
  commitmentRoutes,
  honourRoutes,
  meetingDocumentRoutes,
  incidentTypeRoutes,
  incidentRoutes,
  borderRoutes,
  dashboardRoutes,
  homeRoutes,
  reportRoutes,
  courseRoutes,
  certificateRoutes,
  trainingRoutes,
  publicVerifyRoutes,
  communityRoutes,
  publicCommunityRoutes,
  searchRoutes,
];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      config.logLevel === "silent"
        ? false
        : {
            level: config.logLevel,
            redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
            serializers: { err: errorForLog }, // never a query's parameters: they are record content
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    disableRequestLogging: true,
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  logRequests(app);
  app.decorate("config", config);
  app.decorate("database", database);
  app.decorate("db", database.db);
  app.decorate("clock", options.clock ?? systemClock);
  const live = createLiveHub(database, (error) => app.log.warn({ err: error }, "live updates"));
  app.decorate("live", live);
  const figures = createFiguresCache(live);
  app.decorate("figures", figures);
  // A write answered here is seen by this instance's next read at once, before the hub hears its change.
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" && request.method !== "HEAD" && reply.statusCode < 400) figures.invalidate();
    return payload;
  });
  const mailer = createMailer({
    db: database.db,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    publicUrl: config.publicUrl,
    clock: app.clock,
    log: (error) => app.log.warn({ err: error }, "mail outbox"),
  });
  app.decorate("mailer", mailer);
  const documents = createDocumentService(database.db, app.clock, config);
  app.decorate("documents", documents);
  // E-mails leave after the commit that queued them: any successful write asks the outbox to drain.
  app.addHook("onResponse", async (request, reply) => {
    if (mailer && request.method !== "GET" && reply.statusCode < 300) mailer.kick();
  });
  app.addHook("onClose", async () => {
    mailer?.close();
    await live.close();
    await documents.close();
  });

  registerErrorHandler(app);
  registerInputGuard(app);
  app.decorate("registeredRoutes", registerRouteGuard(app));
  await app.register(cookie);
  await registerSecurityHeaders(app);
  registerAuthentication(app);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Tansiq API", version: VERSION, description: "Inter-agency security coordination" },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "tansiq_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (scope) => {
    publicRoutes(scope);
    await scope.register(swaggerUi, { routePrefix: "/api/docs" }); // our CSP applies: no upgrade-insecure-requests on LANs
  });

  app.get(
    "/api/health",
    {
      schema: {
        response: {
          200: HealthResponse,
          // A session cookie sent along is looked up first: during an outage that lookup answers the error.
          503: z.union([HealthResponse, ErrorResponse]),
        },
      },
      config: { public: true },
    },
    async (_request, reply) => {
      const databaseUp = await isDatabaseReachable(database);
      const body = {
        status: databaseUp ? ("ok" as const) : ("degraded" as const),
        engine: database.engine,
        version: VERSION,
        database: databaseUp ? ("up" as const) : ("unavailable" as const),
        live: live.isListening() ? ("listening" as const) : ("reconnecting" as const),
      };
      if (databaseUp) return body;
      return reply.status(503).header("retry-after", String(RETRY_AFTER_SECONDS)).send(body);
    },
  );
  app.get("/api/openapi.json", { schema: { hide: true }, config: { public: true } }, async () =>
    app.swagger(),
  );

  for (const feature of FEATURES) await app.register(feature);
  for (const plugin of options.plugins ?? []) await plugin(app);
  await registerWebApp(app, config.webDist);
  return app;
}
