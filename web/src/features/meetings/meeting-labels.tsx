import { Badge } from "@mantine/core";
import { Fragment } from "react";
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

/** Parts joined by a dash, each isolated (an Arabic name beside an English one keeps its order). */
export function Parts({
  parts,
  empty = "—",
}: {
  parts: readonly (string | null | undefined)[];
  empty?: string;
}) {
  const shown = parts.filter((p): p is string => Boolean(p));
  if (shown.length === 0) return <>{empty}</>;
  return (
    <>
      {shown.map((p, i) => (
        <Fragment key={i}>
          {i > 0 ? " — " : null}
          <bdi>{p}</bdi>
        </Fragment>
      ))}
    </>
  );
}
