/**
 * Community reports: what residents send from the public page (/report) and follow by a tracking code (/track),
 * and the staff inbox that triages them into incidents. What other features may use.
 */
export { communityReports, communityMessages, communitySalts } from "./community.table";
export type { CommunityReportRow } from "./community.table";
export { communityPolicy, communityVisibleTo } from "./community.policy";
export { forgetClientAddresses } from "./client-guard";
export { communityRoutes } from "./community.routes";
export { publicCommunityRoutes } from "./public.routes";
