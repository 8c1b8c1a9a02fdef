import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CourseStatus, NominationStatus } from "../../../../common/enums";
import type { Course } from "../../../../common/schemas/training";
import { currentLanguage } from "../../app/i18n";

const COURSE_COLOR: Record<CourseStatus, string> = {
  planned: "gray",
  open: "blue",
  in_progress: "orange",
  completed: "green",
  cancelled: "red",
};
const NOMINATION_COLOR: Record<NominationStatus, string> = {
  nominated: "gray",
  accepted: "green",
  waitlisted: "yellow",
  declined: "red",
  withdrawn: "dark",
};

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COURSE_COLOR[status]} variant="light" miw="max-content" data-testid="course-status">
      {t(`enums.courseStatus.${status}`)}
    </Badge>
  );
}

export function NominationStatusBadge({ status }: { status: NominationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={NOMINATION_COLOR[status]} variant="light" miw="max-content" data-testid="nomination-status">
      {t(`enums.nominationStatus.${status}`)}
    </Badge>
  );
}

/** A course's title in the interface language (Arabic when it has no English title). */
export const courseTitle = (c: Pick<Course, "titleAr" | "titleEn">) =>
  currentLanguage() === "en" ? (c.titleEn ?? c.titleAr) : c.titleAr;
