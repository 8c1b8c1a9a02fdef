import type { DocumentOptions } from "./document-context";
import { renderHonourCertificate, type HonourCertificateInput } from "./honour-certificate";
import { renderMeetingMinutes, type MeetingMinutesInput } from "./meeting-minutes";
import { renderPressReleasePdf, type PressReleaseDocumentInput } from "./press-release-pdf";
import { renderTrainingCertificate, type TrainingCertificateInput } from "./training-certificate";
import { renderWeeklyReport, type WeeklyReportInput } from "./weekly-report";

/** Every PDF Tansiq renders, by kind: what the render pool's workers run. */
export const RENDERERS = {
  meetingMinutes: renderMeetingMinutes,
  pressRelease: renderPressReleasePdf,
  honourCertificate: renderHonourCertificate,
  trainingCertificate: renderTrainingCertificate,
  weeklyReport: renderWeeklyReport,
} satisfies Record<string, (input: never, options: DocumentOptions) => Promise<Buffer>>;

export type DocumentKind = keyof typeof RENDERERS;

/** The input each kind of document is drawn from (plain data: it crosses to a worker thread). */
export type DocumentInputs = {
  meetingMinutes: MeetingMinutesInput;
  pressRelease: PressReleaseDocumentInput;
  honourCertificate: HonourCertificateInput;
  trainingCertificate: TrainingCertificateInput;
  weeklyReport: WeeklyReportInput;
};
