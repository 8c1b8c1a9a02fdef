import { createHash, createHmac } from "node:crypto";

/** JSON with keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export const GENESIS_HASH = "0".repeat(64);

export type ChainedContent = {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
};

/** An event written before the chain was keyed: its SHA-256 link over the previous one and its content. */
export function eventHash(prevHash: string, content: ChainedContent): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(content)).digest("hex");
}

/** A keyed event's `hash`: an HMAC of its content, made by the writer (a keyed event cannot be rewritten). */
export function eventMac(key: Buffer, content: ChainedContent): string {
  return createHmac("sha256", key).update("event\n").update(canonicalJson(content)).digest("hex");
}

/** A keyed event's `link`: an HMAC of the previous link, its place in the chain and its own hash. */
export function chainLink(key: Buffer, prevLink: string, position: number, hash: string): string {
  return createHmac("sha256", key).update(`link\n${prevLink}\n${position}\n${hash}`).digest("hex");
}
