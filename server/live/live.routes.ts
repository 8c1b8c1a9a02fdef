import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { definePolicy } from "../authz/engine";

export const livePolicy = definePolicy({ entity: "live", routes: { read: () => true }, record: {} });

/**
 * Server-sent events: one `change` event per committed change, naming the record (`{entity, id, planId}`), and
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
      const unsubscribe = app.live.subscribe((event) => {
        if (event.type === "resync") res.write("event: resync\ndata: {}\n\n");
        else res.write(`event: change\ndata: ${JSON.stringify(event.change)}\n\n`);
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
