import type { TFunction } from "i18next";
import type { MapLibreMap } from "./maplibre";

type ControlKey = keyof (typeof import("../../../../../common/i18n/ar.json"))["incidentMap"]["controls"];

/** Each string MapLibre shows or reads out (its default locale's keys: the compiler checks none is missing). */
const CONTROL_STRINGS: Record<Parameters<MapLibreMap["_getUIString"]>[0], ControlKey> = {
  "AttributionControl.ToggleAttribution": "attributionToggle",
  "AttributionControl.MapFeedback": "attributionFeedback",
  "FullscreenControl.Enter": "fullscreenEnter",
  "FullscreenControl.Exit": "fullscreenExit",
  "GeolocateControl.FindMyLocation": "geolocateFind",
  "GeolocateControl.LocationNotAvailable": "geolocateUnavailable",
  "LogoControl.Title": "logo",
  "Map.Title": "map",
  "Marker.Title": "marker",
  "NavigationControl.ResetBearing": "resetBearing",
  "NavigationControl.ZoomIn": "zoomIn",
  "NavigationControl.ZoomOut": "zoomOut",
  "Popup.Close": "popupClose",
  "ScaleControl.Feet": "scaleFeet",
  "ScaleControl.Meters": "scaleMeters",
  "ScaleControl.Kilometers": "scaleKilometers",
  "ScaleControl.Miles": "scaleMiles",
  "ScaleControl.NauticalMiles": "scaleNauticalMiles",
  "GlobeControl.Enable": "globeEnable",
  "GlobeControl.Disable": "globeDisable",
  "TerrainControl.Enable": "terrainEnable",
  "TerrainControl.Disable": "terrainDisable",
  "CooperativeGesturesHandler.WindowsHelpText": "gesturesWindows",
  "CooperativeGesturesHandler.MacHelpText": "gesturesMac",
  "CooperativeGesturesHandler.MobileHelpText": "gesturesMobile",
};

/** MapLibre's `locale` option in the user's language: its controls' titles, labels and units. */
export function mapLocale(t: TFunction): Record<string, string> {
  return Object.fromEntries(
    Object.entries(CONTROL_STRINGS).map(([id, key]) => [id, t(`incidentMap.controls.${key}`)]),
  );
}
