/**
 * Border crossings and their daily reports: what other features may use.
 *
 * Crossings have a responsible agency (its manager approves reports, which locks the day) and the agencies that
 * work there (their staff enter reports). A report covers a crossing, a day and a shift; its figures are counts
 * of people by nationality and direction, vehicles, trucks, refusals, interceptions and hand-overs.
 */
export { crossings, crossingAgencies, borderReports } from "./border.table";
export type { CrossingRow, BorderReportRow } from "./border.table";
export { borderReportsPolicy, crossingsPolicy, canReportAt } from "./border.policy";
export { listCrossings, figureWarnings } from "./border.queries";
export { createCrossing } from "./save-crossing";
export { createReport } from "./save-report";
export { stepReport } from "./step-report";
export { borderRoutes } from "./border.routes";
export { borderDayFigures } from "./border-rollups.table";
export { borderFigures, type BorderFigureFilter, type BorderFigures } from "./border-rollups.queries";
