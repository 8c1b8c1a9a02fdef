export { IncidentsPage } from "./incidents-page";
export { IncidentPage } from "./incident-page";
export { IncidentTypesPage } from "./incident-types-page";
export { typeName } from "./incident-labels";
export { useIncidentTypes } from "./incidents-queries";
export { IncidentsMapPage } from "./incidents-map-page";
export { IncidentMap, selectionFilters, type MapSelection } from "./map/lazy-incident-map";
