import type { Actor } from "../authz/actor";
import type { Clock } from "../clock";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { takeRateLimit } from "../http/rate-limit";
import type { DocumentOptions } from "./document-context";
import { createRenderPool } from "./render-pool";
import type { DocumentInputs, DocumentKind } from "./renderers";

export type DocumentService = {
  /**
   * Draws a PDF for a signed-in user: at most `config.documents.perUserPerMinute` per user per minute across every
   * instance (429 with Retry-After beyond), in a worker thread (the event loop stays free).
   */
  render<K extends DocumentKind>(
    actor: Actor,
    kind: K,
    input: DocumentInputs[K],
    options?: DocumentOptions,
  ): Promise<Buffer>;
  close(): Promise<void>;
};

export function createDocumentService(db: Db, clock: Clock, config: Config): DocumentService {
  const pool = createRenderPool(config.documents.workers ? { size: config.documents.workers } : {});
  return {
    async render(actor, kind, input, options) {
      await takeRateLimit(db, `documents:${actor.userId}`, clock.now(), {
        max: config.documents.perUserPerMinute,
        windowMs: 60_000,
      });
      return pool.render(kind, input, options);
    },
    close: () => pool.close(),
  };
}
