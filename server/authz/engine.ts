import { AppError } from "../http/app-error";
import type { Actor } from "./actor";

type RouteRule = (actor: Actor) => boolean;
type RecordRule<R> = (actor: Actor, record: R) => boolean;

export type Policy<R, K extends string, A extends string> = {
  entity: string;
  /** Coarse checks made before a handler runs: may this actor use the route at all? */
  routes: Record<K, RouteRule>;
  /** Checks made with the record loaded; their results are the record's `abilities`. */
  record: Record<A, RecordRule<R>>;
};

const routeRules = new Map<string, RouteRule>();

/** Registers a feature's policy. Route names become `<entity>.<name>` for a route's `config.policy`. */
export function definePolicy<R, const K extends string, const A extends string>(
  policy: Policy<R, K, A>,
): Policy<R, K, A> {
  for (const [name, rule] of Object.entries(policy.routes) as [K, RouteRule][]) {
    const key = `${policy.entity}.${name}`;
    if (routeRules.has(key)) throw new Error(`policy ${key} defined twice`);
    routeRules.set(key, rule);
  }
  return policy;
}

export function isPolicyName(name: string): boolean {
  return routeRules.has(name);
}

export function policyNames(): string[] {
  return [...routeRules.keys()].sort();
}

/** May the actor use a route guarded by this policy name? */
export function allow(name: string, actor: Actor): boolean {
  const rule = routeRules.get(name);
  if (!rule) throw new Error(`unknown policy ${name}`);
  return rule(actor);
}

export function can<R, A extends string>(
  actor: Actor,
  policy: Policy<R, string, A>,
  action: A,
  record: R,
): boolean {
  return policy.record[action](actor, record);
}

/** Throws `forbidden` unless the actor may do `action` on `record`. */
export function authorize<R, A extends string>(
  actor: Actor,
  policy: Policy<R, string, A>,
  action: A,
  record: R,
): void {
  if (!can(actor, policy, action, record)) throw new AppError("forbidden");
}

export function abilitiesFor<R, A extends string>(
  actor: Actor,
  policy: Policy<R, string, A>,
  record: R,
): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const action of Object.keys(policy.record) as A[]) out[action] = policy.record[action](actor, record);
  return out;
}
