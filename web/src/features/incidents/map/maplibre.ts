// MapLibre GL through its CSP build, with its worker as a file of our own origin: the default build makes its
// worker from a blob of its own bundled source, which breaks once Vite re-bundles it for production. The worker's
// address must be set before the first map is made.
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-csp-worker.js?url";
import { setWorkerUrl } from "maplibre-gl/dist/maplibre-gl-csp.js";

setWorkerUrl(workerUrl);

export {
  LngLatBounds,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  Popup,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type StyleSpecification,
} from "maplibre-gl/dist/maplibre-gl-csp.js";
