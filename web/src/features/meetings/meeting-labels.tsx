import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DISTRICTS } from "../../../../common/districts";
import type { CommitmentStatus, Language } from "../../../../common/enums";

const STATUS_COLOR: Record<CommitmentStatus, string> = {
  open: "blue",
  in_progress: "yellow",
  done: "green",
  dropped: "gray",
};

export function CommitmentStatusBadge({ status, testId }: { status: CommitmentStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid={testId} data-status={status}>
      {t(`enums.commitmentStatus.${status}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" data-testid="commitment-overdue">
      {t("meetingPages.overdue")}
    </Badge>
  );
}

/** A meeting's title in the interface language (the Arabic title when there is no English one). */
export function meetingTitle(m: { titleAr: string; titleEn: string | null }, language: Language): string {
  return language === "en" ? m.titleEn || m.titleAr : m.titleAr;
}

export function districtName(pcode: string | null, language: Language): string | null {
  const district = DISTRICTS.find((d) => d.pcode === pcode);
  return district ? (language === "ar" ? district.nameAr : district.nameEn) : null;
}

export function districtOptions(language: Language) {
  return DISTRICTS.map((d) => ({ value: d.pcode, label: language === "ar" ? d.nameAr : d.nameEn }));
}
