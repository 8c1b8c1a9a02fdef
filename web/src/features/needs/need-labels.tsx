import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { NeedStatus } from "../../../../common/enums";

const STATUS_COLOR: Record<NeedStatus, string> = {
  draft: "gray",
  submitted: "blue",
  endorsed: "cyan",
  under_review: "indigo",
  approved: "teal",
  rejected: "red",
  in_progress: "yellow",
  fulfilled: "green",
  partially_fulfilled: "orange",
};

export function NeedStatusBadge({ status, testId }: { status: NeedStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid={testId} data-status={status}>
      {t(`needs.status.${status}`)}
    </Badge>
  );
}
