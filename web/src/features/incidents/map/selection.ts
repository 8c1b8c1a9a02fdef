/** A district's count, or a square of the map (`offMap`: in the country view, its incidents in no district). */
export type MapSelection =
  | { kind: "district"; pcode: string; count: number }
  | { kind: "area"; bbox: string; count: number; offMap: boolean };

/** What a selection lists, as the incidents list's filters: a district, or an area (without a district when off map). */
export const selectionFilters = (s: MapSelection): Record<string, string> =>
  s.kind === "district"
    ? { district: s.pcode }
    : s.offMap
      ? { bbox: s.bbox, district: "none" }
      : { bbox: s.bbox };
