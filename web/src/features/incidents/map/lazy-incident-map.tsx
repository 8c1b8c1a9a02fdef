import { lazy } from "react";

export type { MapArea, MapView } from "./incident-map";
export { selectionFilters, type MapSelection } from "./selection";

/** The incident map, loaded (with MapLibre, ≈250 kB gzipped) when it is first drawn: docs/decisions/0012. */
export const IncidentMap = lazy(() => import("./incident-map").then((m) => ({ default: m.IncidentMap })));
