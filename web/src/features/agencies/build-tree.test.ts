import { describe, expect, it } from "vitest";
import type { Agency } from "../../../../common/schemas/agencies";
import { buildAgencyTree, filterTree, flattenTree, subtreeIds } from "./build-tree";

function agency(id: string, parentId: string | null, nameAr = id): Agency {
  return {
    id,
    reference: `AGY-${id}`,
    kind: "agency",
    parentId,
    code: id.toUpperCase(),
    nameAr,
    nameEn: id,
    districtPcode: null,
    sensitivity: "internal",
    isActive: true,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    abilities: { update: false, deactivate: false, reactivate: false },
  };
}

const byCode = (a: Agency, b: Agency) => a.code.localeCompare(b.code);
const LIST = [
  agency("moi", null),
  agency("tbk", "moi"),
  agency("isa", "moi"),
  agency("emsaed", "tbk"),
  agency("x", "hidden"),
];
const ids = (rows: { agency: Agency; depth: number }[]) => rows.map((r) => `${r.depth}:${r.agency.id}`);

describe("buildAgencyTree", () => {
  it("nests by parent, sorts siblings, and roots an agency whose parent is not visible", () => {
    const rows = flattenTree(buildAgencyTree(LIST, byCode), () => true);
    expect(ids(rows)).toEqual(["0:moi", "1:isa", "1:tbk", "2:emsaed", "0:x"]);
  });

  it("skips the children of collapsed agencies", () => {
    const rows = flattenTree(buildAgencyTree(LIST, byCode), (id) => id !== "tbk");
    expect(ids(rows)).toEqual(["0:moi", "1:isa", "1:tbk", "0:x"]);
    expect(rows.find((r) => r.agency.id === "tbk")?.hasChildren).toBe(true);
  });

  it("still shows agencies caught in a parent cycle, once each", () => {
    const rows = flattenTree(buildAgencyTree([agency("a", "b"), agency("b", "a")], byCode), () => true);
    expect(rows.map((r) => r.agency.id).sort()).toEqual(["a", "b"]);
  });
});

describe("filterTree", () => {
  it("keeps a match with its ancestors", () => {
    const tree = filterTree(buildAgencyTree(LIST, byCode), (a) => a.id === "emsaed");
    expect(ids(flattenTree(tree, () => true))).toEqual(["0:moi", "1:tbk", "2:emsaed"]);
  });
});

describe("subtreeIds", () => {
  it("holds the agency and all its descendants", () => {
    expect([...subtreeIds(LIST, "tbk")].sort()).toEqual(["emsaed", "tbk"]);
    expect(subtreeIds(LIST, "moi").size).toBe(4);
  });
});
