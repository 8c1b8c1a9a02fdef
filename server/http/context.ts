import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Actor, Ctx } from "../authz/actor";
import { AppError } from "./app-error";

/** The signed-in actor of a guarded route (the guard has already refused anonymous requests). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated");
  return request.actor;
}

export function ctxOf(app: FastifyInstance, request: FastifyRequest): Ctx {
  return { actor: request.actor, now: app.clock.now() };
}
