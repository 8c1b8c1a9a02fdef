import { and, count, desc, eq, gte, lte } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AuditListQuery, AuditListResponse } from "../../common/schemas/audit";
import { actorOf } from "../http/context";
import { pageOf, pageWindow } from "../http/pagination";
import { actorNames } from "../features/users";
import { readableEvents } from "../authz/readable-records";
import { auditEvents } from "./audit.table";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/v1/audit",
    {
      schema: { querystring: AuditListQuery, response: { 200: AuditListResponse } },
      config: { policy: "audit.read" },
    },
    async (request) => {
      const q = request.query;
      const where = and(
        q.entity ? eq(auditEvents.entity, q.entity) : undefined,
        q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
        q.actorId ? eq(auditEvents.actorId, q.actorId) : undefined,
        q.action ? eq(auditEvents.action, q.action) : undefined,
        q.from ? gte(auditEvents.at, new Date(q.from)) : undefined,
        q.to ? lte(auditEvents.at, new Date(q.to)) : undefined,
      );
      const { limit, offset } = pageWindow(q);
      const [rows, [total]] = await Promise.all([
        app.db
          .select()
          .from(auditEvents)
          .where(where)
          .orderBy(desc(auditEvents.seq))
          .limit(limit)
          .offset(offset),
        app.db.select({ n: count() }).from(auditEvents).where(where),
      ]);
      const names = await actorNames(
        app.db,
        rows.map((r) => r.actorId),
      );
      // Admin reads the log but not every record: snapshots of records the reader may not see are withheld.
      const readable = await readableEvents(app.db, actorOf(request), rows);
      return {
        data: rows.map((r) => ({
          seq: r.seq,
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorLabel: r.actorLabel,
          actorName: (r.actorId ? names.get(r.actorId) : undefined) ?? null,
          action: r.action,
          entity: r.entity,
          entityId: r.entityId,
          before: readable.has(r) ? r.before : null,
          after: readable.has(r) ? r.after : null,
          redacted: !readable.has(r),
          hash: r.hash,
        })),
        page: pageOf(q, total?.n ?? 0),
      };
    },
  );
};
