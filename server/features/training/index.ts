export {
  courses,
  courseSessions,
  courseQuotas,
  nominations,
  attendance,
  certificates,
  trainingTargets,
} from "./training.table";
export type { CourseRow, NominationRow, CertificateRow } from "./training.table";
export { courseRoutes } from "./courses.routes";
export { certificateRoutes, publicVerifyRoutes } from "./certificates.routes";
export { trainingRoutes } from "./training.routes";
export { coursesPolicy, nominationsPolicy, certificatesPolicy, trainingPolicy } from "./training.policy";
export { createCourse } from "./save-course";
export { stepCourse } from "./step-course";
export { nominatePerson } from "./nominate-person";
export { decideNomination, withdrawNomination } from "./decide-nomination";
export { recordAttendance, recordResults, setQuotas } from "./record-attendance";
export { setTargets } from "./coverage";
