import { Divider, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MeetingUpdateBody, type MeetingDetail } from "../../../../common/schemas/meetings";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, validateDeep, type FieldErrors } from "../../app/form-state";
import { draftFromMeeting, toUpdateBody, type MeetingDraft } from "./meeting-draft";
import { AgendaEditor, MeetingFields } from "./meeting-fields";
import { useUpdateMeeting } from "./meetings-queries";

const FIELDS = [
  "titleAr",
  "titleEn",
  "startsAt",
  "endsAt",
  "districtPcode",
  "placeText",
  "summary",
  "hostAgencyId",
  "sensitivity",
];

/** Edits a saved meeting's own fields and its agenda (attendees, statements, commitments have their own forms). */
export function MeetingEditModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(meeting.id);
  const [draft, setDraft] = useState<MeetingDraft>(() => draftFromMeeting(meeting));
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = () => {
    const checked = validateDeep(MeetingUpdateBody, toUpdateBody(draft));
    if (!checked.ok) return setErrors(checked.errors);
    update.mutate(checked.data, {
      onSuccess: onClose,
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };
  return (
    <FormModal
      opened
      title={t("meetingPages.editTitle")}
      onClose={onClose}
      onSubmit={submit}
      isPending={update.isPending}
      error={update.error}
      fields={FIELDS}
    >
      <MeetingFields draft={draft} onChange={setDraft} errors={errors} canChooseAgency={false} />
      <Divider />
      <Title order={5}>{t("meetings.agenda")}</Title>
      <AgendaEditor draft={draft} onChange={setDraft} errors={errors} />
    </FormModal>
  );
}
