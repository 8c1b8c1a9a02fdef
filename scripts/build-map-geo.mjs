// Builds web/src/features/incidents/map/libya-geo.json, the map's bundled geography, from the OCHA COD files in
// ../shared/fixtures/geo (see NOTICE for their attribution): the 22 district boundaries and the 100 P-coded
// major places, with only the properties the map shows and coordinates rounded to 1/1000 of a degree (about
// 100 m; a country map needs no finer) with repeated points dropped.
// Run: node scripts/build-map-geo.mjs [path/to/fixtures/geo]
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const from = process.argv[2] ?? join(import.meta.dirname, "../../shared/fixtures/geo");
const read = (name) => JSON.parse(readFileSync(join(from, name), "utf8"));
const round = (n) => Math.round(n * 1000) / 1000;

function ring(points) {
  const out = [];
  for (const [x, y] of points) {
    const p = [round(x), round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}
const polygon = (rings) => rings.map(ring).filter(Boolean);

const districts = read("lby_admbnda_adm2_unosat_lbsc_20180507.geojson").features.map((f) => ({
  type: "Feature",
  properties: { pcode: f.properties.admin2Pcod, nameAr: f.properties.admin2Na_1, nameEn: f.properties.admin2Name },
  geometry:
    f.geometry.type === "Polygon"
      ? { type: "Polygon", coordinates: polygon(f.geometry.coordinates) }
      : { type: "MultiPolygon", coordinates: f.geometry.coordinates.map(polygon).filter((p) => p.length > 0) },
}));
const places = read("lby_adm3_major_cities_points.geojson").features.map((f) => ({
  type: "Feature",
  properties: {
    pcode: f.properties.pcode,
    nameAr: f.properties.featureN_1,
    nameEn: f.properties.featureNam,
    district: f.properties.admin2Pcod,
  },
  geometry: { type: "Point", coordinates: f.geometry.coordinates.map(round) },
}));

const out = join(import.meta.dirname, "../web/src/features/incidents/map/libya-geo.json");
writeFileSync(
  out,
  JSON.stringify({
    source: "OCHA, UNOSAT, Libya Bureau of Statistics and Census (cod-ab-lby, 2018-05-07)",
    districts: { type: "FeatureCollection", features: districts },
    places: { type: "FeatureCollection", features: places },
  }),
);
console.log(`${out}: ${districts.length} districts, ${places.length} places`);
