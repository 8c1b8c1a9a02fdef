import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { queriesTouchedBy } from "./live-queries";

/** The keys of the queries that become stale when `change` arrives, among those a page has loaded. */
async function staleAfter(change: Parameters<typeof queriesTouchedBy>[0], loaded: unknown[][]) {
  const client = new QueryClient();
  for (const key of loaded) client.setQueryData(key, { loaded: true });
  for (const queryKey of queriesTouchedBy(change)) await client.invalidateQueries({ queryKey });
  return client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => q.queryKey);
}

const LOADED = [
  ["tasks", "list", { status: "open" }],
  ["tasks", "board", "agency-1"],
  ["tasks", "one", "task-1"],
  ["tasks", "timeline", "task-1"],
  ["tasks", "one", "task-2"],
  ["tasks", "timeline", "task-2"],
  ["plans", "list", {}],
  ["plans", "one", "plan-1"],
  ["plans", "one", "plan-2"],
  ["plans", "overview"],
  ["meetings", "one", "meeting-1"],
  ["notifications", "list"],
  ["notifications", "settings"],
  ["training", "course", "course-1"],
  ["incidents", "list", { district: "LY0104" }],
  ["incidents", "map", { zoom: 5 }],
  ["incidents", "one", "incident-1"],
  ["incidents", "one", "incident-2"],
];

describe("live updates refetch only what a change touches (issue 9, item 5)", () => {
  it("a task's change: task lists, the board, that task's page and its plan — not other tasks, nor the bell", async () => {
    expect(await staleAfter({ entity: "task", id: "task-1", planId: "plan-1" }, LOADED)).toEqual([
      ["tasks", "list", { status: "open" }],
      ["tasks", "board", "agency-1"],
      ["tasks", "one", "task-1"],
      ["tasks", "timeline", "task-1"],
      ["plans", "one", "plan-1"],
      ["plans", "overview"],
    ]);
  });

  it("a notification: the bell's list only; a meeting: its page; a course: its page", async () => {
    expect(await staleAfter({ entity: "notification", id: "user-1" }, LOADED)).toEqual([
      ["notifications", "list"],
    ]);
    expect(await staleAfter({ entity: "meeting", id: "meeting-1" }, LOADED)).toEqual([
      ["meetings", "one", "meeting-1"],
    ]);
    expect(await staleAfter({ entity: "course", id: "course-1" }, LOADED)).toEqual([
      ["training", "course", "course-1"],
    ]);
  });

  it("an incident's change: the list, the map (and the dashboard's choropleth), its page and plan pages — not other incidents", async () => {
    expect(await staleAfter({ entity: "incident", id: "incident-1" }, LOADED)).toEqual([
      ["plans", "one", "plan-1"],
      ["plans", "one", "plan-2"],
      ["incidents", "list", { district: "LY0104" }],
      ["incidents", "map", { zoom: 5 }],
      ["incidents", "one", "incident-1"],
    ]);
  });

  it("an unknown kind of change touches nothing", async () => {
    expect(await staleAfter({ entity: "something-new", id: "x" }, LOADED)).toEqual([]);
  });
});
