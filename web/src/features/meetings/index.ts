export { MeetingImportPage } from "./meeting-import-page";
