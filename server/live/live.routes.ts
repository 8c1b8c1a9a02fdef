import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mayReadRecord } from "../authz/readable-records";
import { actorOf } from "../http/context";
import type { LiveChange } from "./publish-change";

/** The record a change names, as the entity the visibility rules know it by. */
const RECORD_OF: Record<string, string> = {
  task: "task",
  plan: "plan",
  course: "courses",
  meeting: "meetings",
  incident: "incidents",
  border_report: "border_reports",
  need: "needs",
};

/**
 * Server-sent events: one `change` event per committed change to a record the client may read, naming it
 * (`{entity, id, planId}`; checked per client, in order), `{entity: "notification", id}` to the user who has a new
 * notification, and
 * `resync` when this instance was cut off from the database and may have missed changes (refetch everything).
 */
export const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  const streams = new Set<() => void>();
  // Open streams never go idle: end them before the server waits for its connections to close.
  app.addHook("preClose", async () => {
    for (const end of streams) end();
  });
  app.get(
    "/api/v1/live",
    { schema: { hide: true }, config: { policy: "live.read" } },
    async (request, reply) => {
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.write("retry: 3000\n: connected\n\n");
      const actor = actorOf(request);
      const mayRead = (change: LiveChange) => {
        // A new notification is news to its recipient alone.
        if (change.entity === "notification") return Promise.resolve(change.id === actor.userId);
        const entity = RECORD_OF[change.entity];
        return entity ? mayReadRecord(app.db, actor, entity, change.id) : Promise.resolve(false);
      };
      // One check after another, so that events keep their order; a failed check sends nothing.
      let queue = Promise.resolve();
      const unsubscribe = app.live.subscribe((event) => {
        queue = queue
          .then(async () => {
            if (res.writableEnded) return;
            if (event.type === "resync") res.write("event: resync\ndata: {}\n\n");
            else if ((await mayRead(event.change)) && !res.writableEnded)
              res.write(`event: change\ndata: ${JSON.stringify(event.change)}\n\n`);
          })
          .catch((error: unknown) => request.log.warn({ err: error }, "live change not checked"));
      });
      const heartbeat = setInterval(() => res.write(": ping\n\n"), 25_000).unref();
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        res.end();
      };
      streams.add(end);
      request.raw.on("close", end);
    },
  );
};
