export { IncidentsPage } from "./incidents-page";
export { IncidentPage } from "./incident-page";
export { IncidentTypesPage } from "./incident-types-page";
