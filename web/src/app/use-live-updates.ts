import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/**
 * Listens to the server's live changes (server-sent events) and refreshes the queries that show the changed
 * record: tasks, plans, the board, meetings (with their commitments and honours) and the notifications. The event names the record only; data is refetched
 * through the API, under the user's own permissions.
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
      let change: { entity?: string; planId?: string | null } = {};
      try {
        change = JSON.parse(event.data) as typeof change;
      } catch {
        return;
      }
      if (change.entity === "task") void queryClient.invalidateQueries({ queryKey: ["tasks"] });
      if (change.entity === "meeting")
        for (const key of ["meetings", "commitments", "honours"])
          void queryClient.invalidateQueries({ queryKey: [key] });
      // Computed plan indicators read incidents and border reports.
      if (
        change.entity === "plan" ||
        change.planId ||
        change.entity === "incident" ||
        change.entity === "border_report"
      )
        void queryClient.invalidateQueries({ queryKey: ["plans"] });
      void queryClient.invalidateQueries({ queryKey: ["notifications"] });
      // The dashboard sums many kinds of record: any change the reader may see refreshes it.
      void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
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
