// The CSP build of MapLibre GL exports what its main build does (see maplibre.ts).
declare module "maplibre-gl/dist/maplibre-gl-csp.js" {
  export * from "maplibre-gl";
}
