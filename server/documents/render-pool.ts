import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AppError } from "../http/app-error";
import type { DocumentOptions } from "./document-context";
import type { DocumentInputs, DocumentKind } from "./renderers";
import type { RenderJob, RenderOutcome } from "./render-worker";

type Pending = { job: RenderJob; resolve: (pdf: Buffer) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; busy: Pending | null };

export type RenderPool = {
  /** Draws a PDF in a worker thread; refuses with 503 `unavailable` when `maxQueue` jobs already wait. */
  render<K extends DocumentKind>(
    kind: K,
    input: DocumentInputs[K],
    options?: DocumentOptions,
  ): Promise<Buffer>;
  close(): Promise<void>;
};

/**
 * PDFs are drawn off the event loop: a 50,000-character press release takes about a second of CPU, which in the
 * server's own thread would hold every other request (and /api/health) for that second. `size` worker threads,
 * started on first use and kept; jobs beyond them wait in order, at most `maxQueue` of them.
 */
export function createRenderPool({
  size = Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxQueue = 32,
}: { size?: number; maxQueue?: number } = {}): RenderPool {
  const slots: Slot[] = [];
  const waiting: Pending[] = [];
  let nextId = 1;
  let closed = false;

  function start(): Slot {
    const worker = new Worker(new URL("./render-worker-entry.js", import.meta.url));
    worker.unref(); // an idle pool never keeps the process alive
    const slot: Slot = { worker, busy: null };
    worker.on("message", (outcome: RenderOutcome) => {
      const done = slot.busy;
      if (!done || done.job.id !== outcome.id) return;
      slot.busy = null;
      if ("pdf" in outcome)
        done.resolve(Buffer.from(outcome.pdf.buffer, outcome.pdf.byteOffset, outcome.pdf.byteLength));
      else done.reject(new Error(`PDF rendering failed: ${outcome.error}`));
      dispatch();
    });
    const lost = (error: Error) => {
      // The thread died: its job fails, the slot is dropped, and the next job starts a new thread.
      slots.splice(slots.indexOf(slot), 1);
      slot.busy?.reject(error);
      slot.busy = null;
      if (!closed) dispatch();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => {
      if (slots.includes(slot)) lost(new Error(`PDF worker exited with code ${code}`));
    });
    slots.push(slot);
    return slot;
  }

  function dispatch() {
    while (waiting.length > 0) {
      const slot = slots.find((s) => s.busy === null) ?? (slots.length < size ? start() : undefined);
      if (!slot) return;
      const next = waiting.shift()!;
      slot.busy = next;
      slot.worker.postMessage(next.job);
    }
  }

  return {
    render(kind, input, options = {}) {
      if (closed) return Promise.reject(new Error("the render pool is closed"));
      if (waiting.length >= maxQueue) return Promise.reject(new AppError("unavailable"));
      return new Promise<Buffer>((resolve, reject) => {
        waiting.push({ job: { id: nextId++, kind, input, options }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const p of waiting.splice(0)) p.reject(new Error("the render pool is closed"));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
