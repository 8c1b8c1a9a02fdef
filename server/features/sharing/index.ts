// Sharing restricted records with other agencies (record_shares; see authz/visibility.ts).
export { sharingRoutes } from "./sharing.routes";
export { sharingPolicy } from "./sharing.policy";
