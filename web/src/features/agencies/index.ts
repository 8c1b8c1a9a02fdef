export { AgenciesPage } from "./agencies-page";
export { AgencySelect } from "./agency-select";
export { useAgencyLookup } from "./agencies-queries";
export { agencyName } from "./agency-name";
export { useAgencyNamer, useAgencyOptions } from "./agency-options";
