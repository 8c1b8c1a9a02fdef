export { CommunityInboxPage } from "./community-inbox-page";
export { CommunityReportPage } from "./community-report-page";
