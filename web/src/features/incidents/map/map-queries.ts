import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import type { IncidentMapResponse } from "../../../../../common/schemas/incidents";
import { api, type QueryParams } from "../../../app/api-client";
import geoUrl from "../../../../../common/geo/libya-geo.json?url";

export type DistrictProperties = { pcode: string; nameAr: string; nameEn: string };
export type PlaceProperties = DistrictProperties & { district: string };
export type LibyaGeo = {
  source: string;
  districts: FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;
  places: FeatureCollection<Point, PlaceProperties>;
};

/** The bundled district boundaries and places (a file of our own origin, fetched once and kept). */
export function useLibyaGeo() {
  return useQuery({
    queryKey: ["libya-geo"],
    queryFn: async () => {
      const response = await fetch(geoUrl);
      if (!response.ok) throw new Error(`map geography: HTTP ${response.status}`);
      return (await response.json()) as LibyaGeo;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** The map's counts and clusters for the list's filters (under the incidents key: a live change refreshes them). */
export function useIncidentMap(params: QueryParams, enabled: boolean) {
  return useQuery({
    queryKey: ["incidents", "map", params],
    queryFn: () => api.get<IncidentMapResponse>("/api/v1/incidents/map", params),
    placeholderData: keepPreviousData,
    enabled,
  });
}
