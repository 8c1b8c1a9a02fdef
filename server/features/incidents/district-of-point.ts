import { readFileSync } from "node:fs";
import { DISTRICT_PCODES, type DistrictPcode } from "../../../common/districts";

// The 22 districts' boundaries the map draws (common/geo/libya-geo.json, from OCHA's COD; see NOTICE), read once.
type Ring = [number, number][];
type Shape = { pcode: DistrictPcode; polygons: Ring[][]; box: [number, number, number, number] };
let shapes: Shape[] | undefined;

function load(): Shape[] {
  const geo = JSON.parse(
    readFileSync(new URL("../../../common/geo/libya-geo.json", import.meta.url), "utf8"),
  ) as {
    districts: {
      features: {
        properties: { pcode: string };
        geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
      }[];
    };
  };
  const known = new Set<string>(DISTRICT_PCODES);
  return geo.districts.features
    .filter((f) => known.has(f.properties.pcode))
    .map((f) => {
      const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      const points = polygons.flatMap((p) => p[0] ?? []);
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      return {
        pcode: f.properties.pcode as DistrictPcode,
        polygons,
        box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
      };
    });
}

/** Whether (x, y) lies inside a ring (even–odd rule). */
function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The distance in degrees of latitude from (x, y) to a ring's edges, longitude scaled by cos(latitude). */
function distanceToRing(ring: Ring, x: number, y: number, scale: number): number {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const ax = ring[j]![0] * scale,
      ay = ring[j]![1];
    const bx = ring[i]![0] * scale,
      by = ring[i]![1];
    const px = x * scale;
    const dx = bx - ax,
      dy = by - ay;
    const t =
      dx === 0 && dy === 0
        ? 0
        : Math.max(0, Math.min(1, ((px - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(px - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

/** How far outside every boundary a point may lie and still be the nearest district's: about 3 km (a shore). */
const SHORE = 0.03;

/**
 * The district a point lies in (its outer ring, not its holes); a point just off a boundary — a body washed ashore,
 * a boat caught at the harbour mouth; the boundaries are rounded to about 100 m — is the nearest district's within
 * about 3 km; null further out at sea and beyond the borders.
 */
export function districtOfPoint(latitude: number, longitude: number): DistrictPcode | null {
  shapes ??= load();
  const near: Shape[] = [];
  for (const s of shapes) {
    const [west, south, east, north] = s.box;
    if (
      longitude < west - SHORE * 2 ||
      longitude > east + SHORE * 2 ||
      latitude < south - SHORE ||
      latitude > north + SHORE
    )
      continue;
    near.push(s);
    for (const [outer, ...holes] of s.polygons)
      if (outer && inRing(outer, longitude, latitude) && !holes.some((h) => inRing(h, longitude, latitude)))
        return s.pcode;
  }
  const scale = Math.cos((latitude * Math.PI) / 180);
  let best: { pcode: DistrictPcode; distance: number } | null = null;
  for (const s of near)
    for (const [outer] of s.polygons) {
      if (!outer) continue;
      const distance = distanceToRing(outer, longitude, latitude, scale);
      if (distance <= SHORE && (!best || distance < best.distance)) best = { pcode: s.pcode, distance };
    }
  return best?.pcode ?? null;
}
