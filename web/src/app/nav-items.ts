import type { ParseKeys } from "i18next";

/** `id` names an item when its module has more than one (the browser tests find it by `nav-<id>`). */
export type NavItem = { module: string; path: string; label: ParseKeys; id?: string };

/**
 * Every module the web knows, in menu order. The menu shows those the server lists in `Me.modules`;
 * a module the server lists but the web does not know yet is skipped.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  // Today's home: first, so every role given it lands there (leadership is not: its home is the dashboard).
  { module: "home", path: "/today", label: "nav.home" },
  { module: "dashboard", path: "/dashboard", label: "nav.dashboard" },
  { module: "plans", path: "/plans", label: "nav.plans" },
  { module: "tasks", path: "/tasks", label: "nav.board" },
  { module: "incidents", path: "/incidents", label: "nav.incidents" },
  { module: "incidents", path: "/incidents/map", label: "nav.incidentMap", id: "incidentMap" },
  { module: "border", path: "/border", label: "nav.border" },
  { module: "community", path: "/community", label: "nav.community" },
  { module: "needs", path: "/needs", label: "nav.needs" },
  { module: "problems", path: "/problems", label: "nav.problems" },
  { module: "meetings", path: "/meetings", label: "nav.meetings" },
  { module: "commitments", path: "/commitments", label: "nav.commitments" },
  { module: "honours", path: "/honours", label: "nav.honours" },
  { module: "meetingsImport", path: "/meetings/import", label: "nav.meetingsImport" },
  { module: "training", path: "/training", label: "nav.training" },
  { module: "agencies", path: "/agencies", label: "nav.agencies" },
  { module: "users", path: "/users", label: "nav.users" },
  { module: "personnel", path: "/personnel", label: "nav.personnel" },
  { module: "incidentTypes", path: "/incidents/types", label: "nav.incidentTypes" },
  { module: "audit", path: "/audit", label: "nav.audit" },
];

export function navItemsFor(modules: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => modules.includes(item.module));
}

/** Where a signed-in user lands: the first module they may open, else their account. */
export function homePathFor(modules: readonly string[]): string {
  return navItemsFor(modules)[0]?.path ?? "/account";
}
