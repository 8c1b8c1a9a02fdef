export { MeetingImportPage } from "./meeting-import-page";
export { MeetingNewPage } from "./meeting-new-page";
export { MeetingsPage } from "./meetings-page";
export { MeetingPage } from "./meeting-page";
export { CommitmentsPage } from "./commitments-page";
export { HonoursPage } from "./honours-page";
