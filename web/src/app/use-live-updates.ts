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
    const source = new EventSource("/api/v1/live");
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
      if (change.entity === "plan" || change.planId)
        void queryClient.invalidateQueries({ queryKey: ["plans"] });
      void queryClient.invalidateQueries({ queryKey: ["notifications"] });
    };
    source.addEventListener("change", onChange);
    return () => {
      source.removeEventListener("change", onChange);
      source.close();
    };
  }, [queryClient]);
}
