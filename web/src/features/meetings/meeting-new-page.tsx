import { Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/error-alert";
import { PageHeader } from "../../app/page-header";
import { useCurrentUser } from "../auth";
import { emptyDraft, type MeetingDraft } from "./meeting-draft";
import { MeetingEditor } from "./meeting-editor";
import { MeetingsNav } from "./meetings-nav";

/** A meeting recorded by hand: the same form as the import review, without a report beside it. */
export function MeetingNewPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [draft, setDraft] = useState<MeetingDraft>(() => emptyDraft(me.agencyId));
  if (!me.permissions.includes("meetings.create")) return <ErrorAlert message={t("app.moduleUnavailable")} />;
  return (
    <Stack>
      <PageHeader title={t("meetingPages.newTitle")} />
      <MeetingsNav />
      <MeetingEditor draft={draft} onChange={setDraft} canChooseAgency />
    </Stack>
  );
}
