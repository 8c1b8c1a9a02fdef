export { CoursesPage } from "./courses-page";
export { CoursePage } from "./course-page";
export { CertificatesPage } from "./certificates-page";
export { CoveragePage } from "./coverage-page";
export { TrainingCalendarPage } from "./training-calendar-page";
export { VerifyPage } from "./verify-page";
export { NeedCourses } from "./need-courses";
