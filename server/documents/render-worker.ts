import { parentPort } from "node:worker_threads";
import { RENDERERS, type DocumentKind } from "./renderers";
import type { DocumentOptions } from "./document-context";

export type RenderJob = { id: number; kind: DocumentKind; input: unknown; options: DocumentOptions };
export type RenderOutcome = { id: number; pdf: Uint8Array } | { id: number; error: string };

// A render pool worker: draws one PDF at a time, off the server's event loop.
const port = parentPort;
if (!port) throw new Error("render-worker runs in a worker thread");
port.on("message", (job: RenderJob) => {
  const render = RENDERERS[job.kind] as (input: unknown, options: DocumentOptions) => Promise<Buffer>;
  render(job.input, job.options).then(
    (pdf) => {
      // A copy in its own memory, so that the transfer never detaches a buffer Node pools.
      const own = new Uint8Array(pdf.byteLength);
      own.set(pdf);
      port.postMessage({ id: job.id, pdf: own } satisfies RenderOutcome, [own.buffer]);
    },
    (error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      port.postMessage({ id: job.id, error: message } satisfies RenderOutcome);
    },
  );
});
