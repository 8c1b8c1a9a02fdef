import type { QueryKey } from "@tanstack/react-query";

/** A change the live stream announces: the record, never its content. */
export type LiveChange = { entity?: string; id?: string; planId?: string | null };

/**
 * The queries a change touches, as key prefixes: lists and boards of its kind (a change may move a record in or
 * out of them), that record's own page, and its plan's. Other records' pages are left alone, and the
 * notification bell refetches only when the stream says this user has a new notification.
 */
export function queriesTouchedBy(change: LiveChange): QueryKey[] {
  const id = change.id;
  const keys: QueryKey[] = [];
  switch (change.entity) {
    case "task":
      keys.push(["tasks", "list"], ["tasks", "board"]);
      if (id) keys.push(["tasks", "one", id], ["tasks", "timeline", id]);
      break;
    case "plan":
      keys.push(["plans", "list"], ["plans", "overview"]);
      if (id) keys.push(["plans", "one", id]);
      break;
    case "meeting":
      keys.push(["meetings", "list"], ["commitments"], ["honours"]);
      if (id) keys.push(["meetings", "one", id], ["meetings", "press-release", id]);
      break;
    case "course":
      keys.push(["training", "courses"], ["training", "calendar"], ["training", "coverage"]);
      if (id) keys.push(["training", "course", id]);
      break;
    case "incident":
      // The list and the map count incidents (the dashboard's choropleth is the map's data).
      keys.push(["incidents", "list"], ["incidents", "map"]);
      if (id) keys.push(["incidents", "one", id]);
      // Computed plan indicators read incidents and border reports: any plan page may show one.
      keys.push(["plans", "one"]);
      break;
    case "border_report":
      keys.push(["plans", "one"]);
      break;
    case "notification":
      keys.push(["notifications", "list"]);
      break;
  }
  // The dashboard sums every kind of record the reader may see; today's home lists tasks, commitments, needs and
  // border reports.
  if (change.entity !== "notification") keys.push(["dashboard"], ["home"]);
  // A task or a plan change moves its plan's progress and the plans overview.
  if (change.planId && change.entity !== "plan")
    keys.push(["plans", "one", change.planId], ["plans", "overview"]);
  return keys;
}
