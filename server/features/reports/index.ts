/**
 * The weekly security report: the week's incidents and crossings and the follow-up as it stands, each figure with
 * the list it counts — as data, a PDF (server/documents/weekly-report.tsx), a workbook, and `tansiq report weekly`.
 */
export { reportRoutes } from "./reports.routes";
export { reportsPolicy } from "./reports.policy";
export { defaultReportWeek, weeklyReportOf } from "./weekly-report";
export { weeklyReportInput } from "./weekly-report.document";
export { weeklyReportWorkbook } from "./weekly-report.xlsx";
export { sendWeeklyReports } from "./report-subscriptions";
