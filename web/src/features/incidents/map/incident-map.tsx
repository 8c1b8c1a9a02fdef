import { Alert, Box, Group, Text } from "@mantine/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IncidentMapResponse } from "../../../../../common/schemas/incidents";
import { ErrorAlert } from "../../../app/error-alert";
import { currentLanguage } from "../../../app/i18n";
import { PageLoader } from "../../../app/page-loader";
import type { QueryParams } from "../../../app/api-client";
import { useFormat } from "../../../app/use-format";
import "./incident-map.css";
import {
  MapLibreMap,
  Marker,
  NavigationControl,
  Popup,
  type GeoJSONSource,
  type StyleSpecification,
} from "./maplibre";
import { useIncidentMap, useLibyaGeo, type LibyaGeo } from "./map-queries";

/** What a click on the map chose: a district (its area on the choropleth, or its count in the country view) or an area. */
import type { MapSelection } from "./selection";
export type { MapSelection };

/** Libya and its waters, as the map first shows them. */
const LIBYA: [[number, number], [number, number]] = [
  [9.3, 19.4],
  [25.3, 33.4],
];
/** Below this zoom (MapLibre's, of 512-pixel tiles) the server counts per district: server/features/incidents/incidents.map.ts. */
const COUNTRY_ZOOM = 6;
const SEA = "#dcebf5";
const LAND = "#f8f5ee";
const HIGH = "#b42318";

function baseStyle(geo: LibyaGeo): StyleSpecification {
  return {
    version: 8,
    sources: {
      districts: { type: "geojson", data: geo.districts, promoteId: "pcode" },
      places: { type: "geojson", data: geo.places },
    },
    layers: [
      { id: "sea", type: "background", paint: { "background-color": SEA } },
      {
        id: "district-fill",
        type: "fill",
        source: "districts",
        paint: { "fill-color": LAND, "fill-opacity": 0.85 },
      },
      {
        id: "district-line",
        type: "line",
        source: "districts",
        paint: { "line-color": "#7c7466", "line-width": 0.8 },
      },
      {
        id: "places",
        type: "circle",
        source: "places",
        minzoom: 5,
        paint: {
          "circle-radius": 2.5,
          "circle-color": "#475467",
          "circle-stroke-color": "#ffffff",
          "circle-stroke-width": 1,
        },
      },
    ],
  };
}

/** The choropleth's colour: from land (none) to deep red at the highest count of the filters. */
function fillColour(max: number) {
  if (max <= 0) return LAND;
  const count = ["coalesce", ["get", "count"], 0];
  // The stops must rise strictly: with a highest count of 1 there are two.
  if (max <= 1) return ["interpolate", ["linear"], count, 0, LAND, 1, HIGH] as never;
  return ["interpolate", ["linear"], count, 0, LAND, 1, "#fde2cf", max, HIGH] as never;
}

/** The area in view, a little wider (a cluster at the edge is whole), as the list's bbox filter reads it. */
function viewOf(map: MapLibreMap) {
  const bounds = map.getBounds();
  const padX = (bounds.getEast() - bounds.getWest()) * 0.1;
  const padY = (bounds.getNorth() - bounds.getSouth()) * 0.1;
  const clamp = (n: number, limit: number) => Math.max(-limit, Math.min(limit, n));
  const bbox = [
    clamp(bounds.getWest() - padX, 180),
    clamp(bounds.getSouth() - padY, 90),
    clamp(bounds.getEast() + padX, 180),
    clamp(bounds.getNorth() + padY, 90),
  ]
    .map((n) => n.toFixed(4))
    .join(",");
  return { zoom: Math.max(0, Math.floor(map.getZoom())), bbox };
}

type Props = {
  /** The incidents list's filters (without an area): the map counts what the list would hold. */
  filters: QueryParams;
  onSelect: (selection: MapSelection) => void;
  height: number | string;
  /** Clusters of incidents over the choropleth (the dashboard shows the choropleth alone). */
  clusters?: boolean;
  /** Where the map first looks (else all of Libya), and where it looks after each move. */
  initialView?: MapView | null;
  onViewChange?: (view: MapView) => void;
};

/** A centre and a zoom (MapLibre's), as the map page keeps them in its address: `?at=25.05,31.59,9`. */
export type MapView = { longitude: number; latitude: number; zoom: number };

/**
 * Libya's districts coloured by how many incidents match the filters, with the incidents gathered into clusters
 * that the server counts for the visible area (never the incidents themselves). Offline: the boundaries and places
 * are bundled files; clusters are buttons, so they read and work without the canvas.
 */
export function IncidentMap({
  filters,
  onSelect,
  height,
  clusters = true,
  initialView,
  onViewChange,
}: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const geo = useLibyaGeo();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const markers = useRef<Marker[]>([]);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const viewRef = useRef(onViewChange);
  viewRef.current = onViewChange;
  const countsRef = useRef<Map<string, number>>(new Map());
  const [view, setView] = useState<{ zoom: number; bbox: string } | null>(null);
  const closeIn = clusters && view !== null && view.zoom >= COUNTRY_ZOOM;
  const params = { ...filters, zoom: view?.zoom ?? 0, bbox: closeIn ? view?.bbox : undefined };
  const data = useIncidentMap(params, view !== null);
  const language = currentLanguage();

  useEffect(() => {
    if (!geo.data || !container.current) return;
    const map = new MapLibreMap({
      container: container.current,
      style: baseStyle(geo.data),
      ...(initialView
        ? {
            center: [initialView.longitude, initialView.latitude] as [number, number],
            zoom: initialView.zoom,
          }
        : { bounds: LIBYA, fitBoundsOptions: { padding: 8 } }),
      attributionControl: { compact: false, customAttribution: t("incidentMap.attribution") },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxZoom: 16,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), "top-left");
    const report = () => {
      setView(viewOf(map));
      const centre = map.getCenter();
      viewRef.current?.({ longitude: centre.lng, latitude: centre.lat, zoom: map.getZoom() });
    };
    map.on("load", report);
    map.on("moveend", report);
    const popup = new Popup({ closeButton: false, closeOnClick: false, className: "tansiq-map-popup" });
    map.on("mousemove", "district-fill", (event) => {
      const feature = event.features?.[0];
      if (!feature) return;
      const p = feature.properties as { pcode: string; nameAr: string; nameEn: string };
      const count = countsRef.current.get(p.pcode) ?? 0;
      const name = currentLanguage() === "en" ? p.nameEn : p.nameAr;
      map.getCanvas().style.cursor = "pointer";
      popup
        .setLngLat(event.lngLat)
        .setText(t("incidentMap.districtCount", { name, n: format.number(count) }))
        .addTo(map);
    });
    map.on("mouseleave", "district-fill", () => {
      map.getCanvas().style.cursor = "";
      popup.remove();
    });
    map.on("click", "district-fill", (event) => {
      const pcode = (event.features?.[0]?.properties as { pcode?: string } | undefined)?.pcode;
      if (pcode) selectRef.current({ kind: "district", pcode, count: countsRef.current.get(pcode) ?? 0 });
    });
    mapRef.current = map;
    return () => {
      popup.remove();
      map.remove();
      mapRef.current = null;
    };
    // The map is made once per geography; the language and formats are read when they are used.
  }, [geo.data]);

  // The choropleth: each district's count on its feature, the colour scaled to the highest.
  const districtCounts = data.data?.districts;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !geo.data || !districtCounts) return;
    const counts = new Map<string, number>(districtCounts.map((d) => [d.pcode, d.count]));
    countsRef.current = counts;
    const apply = () => {
      const source = map.getSource<GeoJSONSource>("districts");
      source?.setData({
        ...geo.data!.districts,
        features: geo.data!.districts.features.map((f) => ({
          ...f,
          properties: { ...f.properties, count: counts.get(f.properties.pcode) ?? 0 },
        })),
      });
      map.setPaintProperty("district-fill", "fill-color", fillColour(Math.max(0, ...counts.values())));
    };
    if (map.isStyleLoaded()) apply();
    else map.once("load", apply);
  }, [districtCounts, geo.data]);

  // Clusters as buttons over the map: a count in the user's digits, sized by it.
  const clusterData = clusters ? data.data?.clusters : undefined;
  const countryView = data.data?.mode === "districts";
  useEffect(() => {
    const map = mapRef.current;
    for (const marker of markers.current) marker.remove();
    markers.current = [];
    if (!map || !clusterData) return;
    const largest = Math.max(1, ...clusterData.map((c) => c.count));
    for (const cluster of clusterData) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "tansiq-map-cluster";
      button.dataset.testid = "map-cluster";
      button.dataset.count = String(cluster.count);
      if (cluster.district) button.dataset.district = cluster.district;
      const size = Math.round(26 + 22 * Math.sqrt(cluster.count / largest));
      Object.assign(button.style, { width: `${size}px`, height: `${size}px` });
      button.textContent = format.number(cluster.count);
      button.setAttribute("aria-label", t("incidentMap.cluster", { n: format.number(cluster.count) }));
      button.addEventListener("click", (event) => {
        event.stopPropagation();
        selectRef.current(
          cluster.district
            ? { kind: "district", pcode: cluster.district, count: cluster.count }
            : { kind: "area", bbox: cluster.bbox ?? "", count: cluster.count, offMap: countryView },
        );
      });
      markers.current.push(
        new Marker({ element: button }).setLngLat([cluster.longitude, cluster.latitude]).addTo(map),
      );
    }
  }, [clusterData, countryView, format, t, language]);

  const max = useMemo(() => Math.max(0, ...(districtCounts ?? []).map((d) => d.count)), [districtCounts]);
  if (geo.error) return <ErrorAlert error={geo.error} onRetry={() => void geo.refetch()} />;
  return (
    <Box>
      <Box pos="relative" h={height} style={{ borderRadius: 8, overflow: "hidden" }}>
        <div
          ref={container}
          style={{ position: "absolute", inset: 0 }}
          data-testid="incident-map"
          data-mode={data.data?.mode ?? ""}
          role="region"
          aria-label={t("incidentMap.label")}
        />
        {geo.isPending ? <PageLoader /> : null}
      </Box>
      {data.error ? <ErrorAlert error={data.error} onRetry={() => void data.refetch()} /> : null}
      <MapLegend data={data.data} max={max} />
    </Box>
  );
}

function MapLegend({ data, max }: { data: IncidentMapResponse | undefined; max: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const format = useFormat();
  return (
    <Group gap="md" mt={6} wrap="wrap" data-testid="map-legend">
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {t("incidentMap.legend")}
        </Text>
        <Text size="xs">{format.number(0)}</Text>
        <Box
          w={96}
          h={10}
          style={{
            borderRadius: 3,
            background: `linear-gradient(to ${language === "en" ? "right" : "left"}, ${LAND}, #fde2cf, ${HIGH})`,
          }}
        />
        <Text size="xs">{format.number(max)}</Text>
      </Group>
      {data && data.withoutDistrict > 0 ? (
        <Text size="xs" c="dimmed">
          {t("incidentMap.withoutDistrict", { n: format.number(data.withoutDistrict) })}
        </Text>
      ) : null}
      {data?.imported.map((i) => (
        <Text size="xs" c="dimmed" key={i.source} data-testid={`map-imported-${i.source}`}>
          {t(`incidentMap.imported.${i.source}`, { n: format.number(i.count) })}{" "}
          <span lang="en" translate="no" dir="ltr">
            ({t(`incidentMap.credit.${i.source}`)})
          </span>
        </Text>
      ))}
      {data?.truncated ? (
        <Alert color="yellow" p={4}>
          <Text size="xs">{t("incidentMap.truncated")}</Text>
        </Alert>
      ) : null}
    </Group>
  );
}
