import http from "node:http";

export type SseEvent = { event: string; data: string };
export type SseStream = {
  /** Resolves with the first event (already received or still to come) that matches. */
  next(match: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Forgets the events received so far. */
  forget(): void;
  close(): void;
};

/** Opens a server-sent event stream and resolves once the server says it is connected (it has subscribed). */
export function openSse(port: number, path: string, cookie: string): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const seen: SseEvent[] = [];
    const waiters: { match: (e: SseEvent) => boolean; done: (e: SseEvent) => void }[] = [];
    const req = http.get(
      { host: "127.0.0.1", port, path, headers: { cookie, accept: "text/event-stream" } },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding("utf8");
        let buffer = "";
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.includes(": connected")) resolve(stream);
            const lines = block.split("\n");
            const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
            if (data === undefined) continue;
            const event = { event: lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message", data };
            seen.push(event);
            for (const w of [...waiters])
              if (w.match(event)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.done(event);
              }
          }
        });
      },
    );
    req.on("error", reject);
    const stream: SseStream = {
      next: (match, timeoutMs = 30_000) => {
        const earlier = seen.find(match);
        if (earlier) return Promise.resolve(earlier);
        return new Promise((done, fail) => {
          const timer = setTimeout(() => fail(new Error("no matching event in time")), timeoutMs);
          waiters.push({
            match,
            done: (e) => {
              clearTimeout(timer);
              done(e);
            },
          });
        });
      },
      forget: () => void seen.splice(0),
      close: () => req.destroy(),
    };
  });
}
