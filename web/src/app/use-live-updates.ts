import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { queriesTouchedBy, type LiveChange } from "./live-queries";

/**
 * Listens to the server's live changes (server-sent events) and refreshes the queries the change touches
 * (live-queries.ts): lists and boards of its kind, the record's own page, its plan, and the notification bell when
 * this user has a new notification. The event names the record only; data is refetched through the API, under the
 * user's own permissions. After a resync (changes may have been missed) everything shown is refetched.
 */
export function useLiveUpdates() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    const onChange = (event: MessageEvent<string>) => {
      let change: LiveChange = {};
      try {
        change = JSON.parse(event.data) as LiveChange;
      } catch {
        return;
      }
      for (const queryKey of queriesTouchedBy(change)) void queryClient.invalidateQueries({ queryKey });
    };
    // Changes may have been missed (the server was cut off, or this stream was): refetch what is shown.
    const refetchAll = () => void queryClient.invalidateQueries();
    const open = () => {
      const next = new EventSource("/api/v1/live");
      source = next;
      next.addEventListener("change", onChange);
      next.addEventListener("resync", refetchAll);
      next.addEventListener("open", () => {
        if (failures > 0) refetchAll();
        failures = 0;
      });
      // The browser retries a dropped stream itself, but gives up on an error answer (a 503 during a database
      // outage): then subscribe again, waiting longer each time, for as long as the page is open.
      next.addEventListener("error", () => {
        failures++;
        if (next.readyState !== EventSource.CLOSED || stopped) return;
        retry = setTimeout(open, Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5)));
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [queryClient]);
}
