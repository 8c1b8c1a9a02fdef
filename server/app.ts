import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { logRequests } from "./http/request-log";
import { LIMITS } from "../common/limits";
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
import { taskRoutes } from "./features/tasks";
import { createLiveHub } from "./live/live-hub";
import { liveRoutes } from "./live/live.routes";
import { createMailer, notificationRoutes } from "./notifications";
import { userRoutes } from "./features/users";
import { registerErrorHandler } from "./http/error-handler";
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

/** The features, in order. A new module adds its routes here: no auto-loading. */
const FEATURES = [
  authRoutes,
  agencyRoutes,
  userRoutes,
  personnelRoutes,
  auditRoutes,
  planRoutes,
  taskRoutes,
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
  const mailer = createMailer({
    db: database.db,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    publicUrl: config.publicUrl,
    clock: app.clock,
    log: (error) => app.log.warn({ err: error }, "mail outbox"),
  });
  app.decorate("mailer", mailer);
  // E-mails leave after the commit that queued them: any successful write asks the outbox to drain.
  app.addHook("onResponse", async (request, reply) => {
    if (mailer && request.method !== "GET" && reply.statusCode < 300) mailer.kick();
  });
  app.addHook("onClose", async () => {
    mailer?.close();
    await live.close();
  });

  registerErrorHandler(app);
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
          200: z.object({
            status: z.literal("ok"),
            engine: z.enum(["pglite", "postgres"]),
            version: z.string(),
          }),
        },
      },
      config: { public: true },
    },
    async () => {
      await database.db.execute("select 1");
      return { status: "ok" as const, engine: database.engine, version: VERSION };
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
