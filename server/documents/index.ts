// Arabic-first PDF documents: pure functions from plain inputs to a PDF buffer (see ARCHITECTURE.md).
export { renderHonourCertificate, type HonourCertificateInput } from "./honour-certificate";
export { renderMeetingMinutes, type MeetingMinutesInput } from "./meeting-minutes";
export { renderTrainingCertificate, type TrainingCertificateInput } from "./training-certificate";
export { renderPressReleasePdf, type PressReleaseDocumentInput } from "./press-release-pdf";
export type { DocumentOptions } from "./document-context";
export { pdfToText } from "./pdf-to-text";
export { renderWeeklyReport, type WeeklyReportInput } from "./weekly-report";
