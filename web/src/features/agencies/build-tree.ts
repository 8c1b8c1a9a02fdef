import type { Agency } from "../../../../common/schemas/agencies";

export type AgencyNode = { agency: Agency; children: AgencyNode[] };
export type TreeRow = { agency: Agency; depth: number; hasChildren: boolean };

/**
 * The flat list the API sends, as a tree. An agency whose parent the user cannot see becomes a root;
 * siblings are ordered by `compare`.
 */
export function buildAgencyTree(
  agencies: readonly Agency[],
  compare: (a: Agency, b: Agency) => number,
): AgencyNode[] {
  const nodes = new Map<string, AgencyNode>(agencies.map((a) => [a.id, { agency: a, children: [] }]));
  const roots: AgencyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.agency.parentId ? nodes.get(node.agency.parentId) : undefined;
    (parent && parent !== node ? parent.children : roots).push(node);
  }
  // Agencies caught in a parent cycle (which the server refuses, but data is data) still show, as roots.
  const reached = new Set<string>();
  const mark = (list: AgencyNode[]) =>
    list.forEach((n) => {
      if (reached.has(n.agency.id)) return;
      reached.add(n.agency.id);
      mark(n.children);
    });
  mark(roots);
  for (const node of nodes.values()) {
    if (reached.has(node.agency.id)) continue;
    const parent = node.agency.parentId ? nodes.get(node.agency.parentId) : undefined;
    if (parent) parent.children = parent.children.filter((c) => c !== node); // cut the cycle here
    roots.push(node);
    mark([node]);
  }
  const sort = (list: AgencyNode[]) => {
    list.sort((a, b) => compare(a.agency, b.agency));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The rows to draw, depth first; children of a collapsed agency are skipped. */
export function flattenTree(roots: readonly AgencyNode[], isExpanded: (id: string) => boolean): TreeRow[] {
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (list: readonly AgencyNode[], depth: number) => {
    for (const node of list) {
      if (seen.has(node.agency.id)) continue;
      seen.add(node.agency.id);
      rows.push({ agency: node.agency, depth, hasChildren: node.children.length > 0 });
      if (isExpanded(node.agency.id)) walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return rows;
}

/** The branches holding a match: each matching agency with its ancestors (and, under it, its whole subtree). */
export function filterTree(roots: readonly AgencyNode[], matches: (a: Agency) => boolean): AgencyNode[] {
  const keep = (node: AgencyNode, seen: Set<string>): AgencyNode | null => {
    if (seen.has(node.agency.id)) return null;
    seen.add(node.agency.id);
    if (matches(node.agency)) return node;
    const children = node.children.map((c) => keep(c, seen)).filter((c): c is AgencyNode => c !== null);
    return children.length > 0 ? { agency: node.agency, children } : null;
  };
  const seen = new Set<string>();
  return roots.map((r) => keep(r, seen)).filter((r): r is AgencyNode => r !== null);
}

/** An agency and everything under it: none of these may become its parent. */
export function subtreeIds(agencies: readonly Agency[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const a of agencies) {
    if (!a.parentId) continue;
    children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
  }
  const ids = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined || ids.has(next)) continue;
    ids.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return ids;
}

/** Every agency that has children, for "collapse all". */
export function parentIds(agencies: readonly Agency[]): Set<string> {
  return new Set(agencies.map((a) => a.parentId).filter((id): id is string => id !== null));
}
