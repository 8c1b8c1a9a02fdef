import { Alert, Box, Group, Text } from "@mantine/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IncidentMapResponse } from "../../../../../common/schemas/incidents";
import { ErrorAlert } from "../../../app/error-alert";
import { currentLanguage } from "../../../app/i18n";
import { PageLoader } from "../../../app/page-loader";
import type { QueryParams } from "../../../app/api-client";
import { useFormat } from "../../../app/use-format";
import { districtName } from "../incident-labels";
import "./incident-map.css";
import { gatherBubbles, type Bubble } from "./gather-bubbles";
import { mapLocale } from "./map-locale";
import {
  LngLatBounds,
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

/**
 * Libya (9.39–25.15° E, 19.50–33.17° N) and the sea just off it, where boats are counted, as the map first shows
 * them; the padding keeps a bubble at the edge whole and clear of the zoom buttons.
 */
const LIBYA: [[number, number], [number, number]] = [
  [9.2, 19.4],
  [25.4, 34.8],
];
const LIBYA_PADDING = { top: 28, bottom: 28, left: 48, right: 28 };
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

type Cluster = IncidentMapResponse["clusters"][number];

/** The area in view, a little wider (a cluster at the edge is whole), as the list's bbox filter reads it. */
function viewOf(map: MapLibreMap) {
  const bounds = map.getBounds();
  // What the map shows, for whoever reads the page (a test): west,south,east,north.
  const shown = bounds
    .toArray()
    .flat()
    .map((n) => n.toFixed(4))
    .join(",");
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
  return { zoom: Math.max(0, Math.floor(map.getZoom())), bbox, shown };
}

type Props = {
  /** The incidents list's filters (without an area): the map counts what the list would hold. */
  filters: QueryParams;
  onSelect: (selection: MapSelection) => void;
  height: number | string;
  /** Clusters of incidents over the choropleth (the dashboard shows the choropleth alone). */
  clusters?: boolean;
  /** Where the map first looks (else all of Libya), and where it looks after each move. */
  initialView?: MapView | MapArea | null;
  onViewChange?: (view: MapView) => void;
};

/** A centre and a zoom (MapLibre's), as the map page keeps them in its address: `?at=25.05,31.59,9`. */
export type MapView = { longitude: number; latitude: number; zoom: number };
/** An area the map opens fitted to (west, south, east, north), as an area of the list: `?fit=24.9,31.5,25.2,31.7`. */
export type MapArea = { area: [number, number, number, number] };

/** The camera of a first view: a centre and zoom, an area fitted, or all of Libya. */
function startingCamera(view: MapView | MapArea | null | undefined) {
  if (view && "area" in view) {
    const [west, south, east, north] = view.area;
    const area: [[number, number], [number, number]] = [
      [west, south],
      [east, north],
    ];
    // A single incident's area is a point: close in, not to the map's last zoom.
    return { bounds: area, fitBoundsOptions: { padding: { ...LIBYA_PADDING, left: 56 }, maxZoom: 13 } };
  }
  if (view) return { center: [view.longitude, view.latitude] as [number, number], zoom: view.zoom };
  return { bounds: LIBYA, fitBoundsOptions: { padding: LIBYA_PADDING } };
}

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
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const viewRef = useRef(onViewChange);
  viewRef.current = onViewChange;
  // Where the map looks now: a map made again (in another language) looks there too.
  const lookingAt = useRef<MapView | MapArea | null | undefined>(initialView);
  const countsRef = useRef<Map<string, number>>(new Map());
  const [view, setView] = useState<ReturnType<typeof viewOf> | null>(null);
  const closeIn = clusters && view !== null && view.zoom >= COUNTRY_ZOOM;
  const params = { ...filters, zoom: view?.zoom ?? 0, bbox: closeIn ? view?.bbox : undefined };
  const data = useIncidentMap(params, view !== null);
  const language = currentLanguage();

  useEffect(() => {
    if (!geo.data || !container.current) return;
    const map = new MapLibreMap({
      container: container.current,
      style: baseStyle(geo.data),
      ...startingCamera(lookingAt.current),
      // Its controls' titles and labels in the user's language.
      locale: mapLocale(t),
      attributionControl: { compact: false, customAttribution: t("incidentMap.attribution") },
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxZoom: 16,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), "top-left");
    const report = () => {
      // A page left: its map, taken out of the document before it is removed, reports the move to no size.
      if (!map.getContainer().isConnected) return;
      setView(viewOf(map));
      const centre = map.getCenter();
      lookingAt.current = { longitude: centre.lng, latitude: centre.lat, zoom: map.getZoom() };
      viewRef.current?.(lookingAt.current);
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
    setMap(map);
    return () => {
      popup.remove();
      map.remove();
      setMap(null);
    };
    // The map is made once per geography and language (MapLibre takes its strings when it is made), where the last
    // one looked; formats are read when they are used.
  }, [geo.data, language]);

  // The choropleth: each district's count on its feature, the colour scaled to the highest.
  const districtCounts = data.data?.districts;
  useEffect(() => {
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
  }, [map, districtCounts, geo.data]);

  // Clusters as buttons over the map: a count in the user's digits, sized by it; clusters that would overlap at this
  // zoom are one bubble, which zooms in to them.
  const clusterData = clusters ? data.data?.clusters : undefined;
  const countryView = data.data?.mode === "districts";
  useEffect(() => {
    if (!map || !clusterData) return;
    let markers: Marker[] = [];
    const chooser = new Popup({ className: "tansiq-map-popup", maxWidth: "280px" });
    const selectCluster = (cluster: Cluster) =>
      selectRef.current(
        cluster.district
          ? { kind: "district", pcode: cluster.district, count: cluster.count }
          : { kind: "area", bbox: cluster.bbox ?? "", count: cluster.count, offMap: countryView },
      );
    // A gathered bubble of the country view that zooming cannot part (districts whose centres are close, as
    // Tripoli's and Jafara's): each of its clusters to choose, by name.
    const choose = (bubble: Bubble<Cluster>) => {
      const menu = document.createElement("div");
      menu.className = "tansiq-map-menu";
      menu.dataset.testid = "map-cluster-menu";
      menu.setAttribute("role", "group");
      menu.setAttribute("aria-label", t("incidentMap.choose"));
      for (const cluster of [...bubble.members].sort((a, b) => b.count - a.count)) {
        const item = document.createElement("button");
        item.type = "button";
        item.className = "tansiq-map-choice";
        item.dataset.testid = "map-cluster-choice";
        if (cluster.district) item.dataset.district = cluster.district;
        item.textContent = t("incidentMap.districtCount", {
          name: cluster.district ? districtName(cluster.district) : t("incidentMap.outsideDistricts"),
          n: format.number(cluster.count),
        });
        item.addEventListener("click", () => {
          chooser.remove();
          selectCluster(cluster);
        });
        menu.append(item);
      }
      chooser
        .setLngLat(map.unproject([bubble.x, bubble.y]))
        .setDOMContent(menu)
        .addTo(map);
      menu.querySelector("button")?.focus();
    };
    const zoomInto = (bubble: Bubble<Cluster>) => {
      const bounds = new LngLatBounds();
      for (const c of bubble.members) {
        bounds.extend([c.longitude, c.latitude]);
        const [west, south, east, north] = (c.bbox ?? "").split(",").map(Number);
        if (c.bbox && [west, south, east, north].every(Number.isFinite)) {
          bounds.extend([west!, south!]);
          bounds.extend([east!, north!]);
        }
      }
      const { clientWidth, clientHeight } = map.getContainer();
      const padding = Math.min(60, clientWidth / 4, clientHeight / 4);
      const camera = map.cameraForBounds(bounds, { padding, maxZoom: map.getMaxZoom() });
      const now = map.getZoom();
      let zoom = camera?.zoom ?? now + 2;
      // The country view zooms as far as it goes (its bubbles are districts); those it cannot part are chosen from.
      if (countryView && zoom >= COUNTRY_ZOOM) {
        if (now >= COUNTRY_ZOOM - 0.5) {
          choose(bubble);
          return;
        }
        zoom = COUNTRY_ZOOM - 0.1;
      }
      if (zoom - now >= 0.25) {
        map.easeTo({ center: camera?.center ?? bounds.getCenter(), zoom });
        return;
      }
      if (countryView) {
        choose(bubble);
        return;
      }
      // As close as the map goes and still together: the area that holds them all.
      const [west, south, east, north] = bounds.toArray().flat();
      selectRef.current({
        kind: "area",
        bbox: [west! - 1e-5, south! - 1e-5, east! + 1e-5, north! + 1e-5].map((n) => n.toFixed(5)).join(","),
        count: bubble.count,
        offMap: countryView,
      });
    };
    const draw = () => {
      chooser.remove();
      for (const marker of markers) marker.remove();
      const small = map.getContainer().clientWidth < 500;
      const placed = clusterData.map((cluster) => {
        const { x, y } = map.project([cluster.longitude, cluster.latitude]);
        return { item: cluster, x, y, count: cluster.count };
      });
      markers = gatherBubbles(placed, small).map((bubble) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "tansiq-map-cluster";
        button.dataset.count = String(bubble.count);
        Object.assign(button.style, { width: `${bubble.size}px`, height: `${bubble.size}px` });
        button.textContent = format.number(bubble.count);
        const [only] = bubble.members;
        if (bubble.members.length === 1 && only) {
          button.dataset.testid = "map-cluster";
          if (only.district) button.dataset.district = only.district;
          button.setAttribute("aria-label", t("incidentMap.cluster", { n: format.number(bubble.count) }));
        } else {
          button.dataset.testid = "map-cluster-group";
          button.dataset.districts = bubble.members.flatMap((c) => c.district ?? []).join(" ");
          button.setAttribute(
            "aria-label",
            t("incidentMap.clusterGroup", { n: format.number(bubble.count) }),
          );
        }
        button.addEventListener("click", (event) => {
          event.stopPropagation();
          if (bubble.members.length === 1 && only) selectCluster(only);
          else zoomInto(bubble);
        });
        return new Marker({ element: button }).setLngLat(map.unproject([bubble.x, bubble.y])).addTo(map);
      });
    };
    draw();
    // Bubbles apart at one zoom overlap at another: gathered again at each (the data may not change).
    map.on("zoomend", draw);
    map.on("resize", draw);
    return () => {
      map.off("zoomend", draw);
      map.off("resize", draw);
      chooser.remove();
      for (const marker of markers) marker.remove();
    };
  }, [map, clusterData, countryView, format, t]);

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
          data-bounds={view?.shown ?? ""}
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
        // The credit (English names) on its own line, isolated: inside the Arabic sentence a phone's narrow panel
        // broke it with its bracket on the wrong side («(4.0»).
        <Text size="xs" c="dimmed" key={i.source} data-testid={`map-imported-${i.source}`}>
          {t(`incidentMap.imported.${i.source}`, { n: format.number(i.count) })}
          <br />
          <bdi lang="en" translate="no" data-testid={`map-credit-${i.source}`}>
            {t(`incidentMap.credit.${i.source}`)}
          </bdi>
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
