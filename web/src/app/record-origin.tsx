import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { RecordOrigin } from "../../../common/schemas/origins";

/** Where a record came from (a meeting's commitment), linking to the meeting when the reader may see it. */
export function RecordOriginLine({ origin }: { origin: RecordOrigin | null | undefined }) {
  const { t } = useTranslation();
  if (!origin) return null;
  const meeting = origin.parent ? (
    <Anchor component={Link} to={`/meetings/${origin.parent.id}`} data-testid="origin-meeting-link">
      <bdi>{origin.parent.label}</bdi> (<bdi>{origin.parent.reference}</bdi>)
    </Anchor>
  ) : (
    "—"
  );
  return (
    <Text size="sm" data-testid="record-origin">
      {t("meetingPages.originCommitment", { reference: origin.reference })} <bdi>{origin.label}</bdi> —{" "}
      {t("meetingPages.originMeeting")} {meeting}
    </Text>
  );
}
