import {
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ATTENDEE_ROLES, COMMITMENT_TOPICS } from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import {
  AttendeeBody,
  AttendeeUpdateBody,
  CommitmentBody,
  CommitmentUpdateBody,
  HonourCreateBody,
  StatementBody,
  StatementUpdateBody,
  type Attendee,
  type Commitment,
  type MeetingDetail,
  type Statement,
} from "../../../../common/schemas/meetings";
import { ApiError } from "../../app/api-client";
import { ErrorAlert } from "../../app/error-alert";
import { FormModal } from "../../app/form-modal";
import { serverFieldErrors, useFormState, validate } from "../../app/form-state";
import { AgencySelect } from "../agencies";
import { PersonSelect } from "../personnel";
import { HonourBasicsFields } from "./honour-form-modal";
import { zonedParts } from "./meeting-draft";
import { attendeeLine } from "./meeting-view";
import {
  useAddAttendee,
  useAddCommitment,
  useCreateHonour,
  useKeepParts,
  useAddStatement,
  useUpdateAttendee,
  useUpdateCommitment,
  useUpdateStatement,
} from "./meetings-queries";
import { DateField } from "../../app/date-field";

/** The meeting's attendees as options ("none" first); a saved attendee's key is its id. */
function useAttendeeChoices(meeting: MeetingDetail, none: string) {
  return [
    { value: "", label: none },
    ...meeting.attendees.map((a) => ({ value: a.id, label: attendeeLine(a) })),
  ];
}

const ATTENDEE_FIELDS = ["personnelId", "name", "title", "rank", "affiliation", "role"] as const;

/** Adds an attendee to a saved meeting, or edits one: a personnel record, or a guest by name. */
export function AttendeeModal({
  meetingId,
  attendee,
  onClose,
}: {
  meetingId: string;
  attendee: Attendee | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddAttendee(meetingId);
  const update = useUpdateAttendee(meetingId);
  const mutation = attendee ? update : add;
  const form = useFormState({
    personnelId: attendee?.personnelId ?? "",
    name: attendee?.name ?? "",
    title: attendee?.title ?? "",
    rank: attendee?.rank ?? "",
    affiliation: attendee?.affiliation ?? "",
    role: attendee?.role ?? "attendee",
  });
  const v = form.values;
  const submit = () => {
    const body = {
      personnelId: v.personnelId || null,
      name: v.personnelId ? null : v.name,
      title: v.title,
      rank: v.rank,
      affiliation: v.affiliation,
      role: v.role,
    };
    const onError = (error: Error) => form.setErrors(serverFieldErrors(error));
    if (attendee) {
      const checked = validate(AttendeeUpdateBody, body);
      if (!checked.ok) return form.setErrors(checked.errors);
      return update.mutate({ partId: attendee.id, body: checked.data }, { onSuccess: onClose, onError });
    }
    const checked = validate(AttendeeBody, body);
    if (!checked.ok) return form.setErrors(checked.errors);
    add.mutate(checked.data, { onSuccess: onClose, onError });
  };
  return (
    <FormModal
      opened
      title={attendee ? t("meetingPages.editAttendee") : t("meetingPages.addAttendee")}
      onClose={onClose}
      onSubmit={submit}
      isPending={mutation.isPending}
      error={mutation.error}
      fields={ATTENDEE_FIELDS}
    >
      <PersonSelect
        label={t("meetingPages.personnelRecord")}
        value={v.personnelId || null}
        onChange={(person) => form.set("personnelId", person?.id ?? "")}
      />
      {attendee?.personnelId && v.personnelId === attendee.personnelId ? (
        <Text size="sm">
          {t("meetingPages.linkedTo")}: <bdi>{attendee.name}</bdi>
        </Text>
      ) : null}
      {v.personnelId ? null : (
        <TextInput
          label={t("meetingPages.fields.name")}
          {...form.text("name")}
          maxLength={LIMITS.name}
          description={t("meetingPages.guestHint")}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("meetingPages.fields.position")}
          {...form.text("title")}
          maxLength={LIMITS.name}
        />
        <TextInput label={t("meetingPages.fields.rank")} {...form.text("rank")} maxLength={LIMITS.code * 2} />
        <TextInput
          label={t("meetingPages.fields.affiliation")}
          {...form.text("affiliation")}
          maxLength={LIMITS.name}
        />
        <NativeSelect
          label={t("meetings.columns.role")}
          value={v.role}
          onChange={(e) => form.set("role", e.currentTarget.value)}
          data={ATTENDEE_ROLES.map((r) => ({ value: r, label: t(`enums.attendeeRole.${r}`) }))}
        />
      </SimpleGrid>
    </FormModal>
  );
}

/** Adds a statement to a saved meeting, or edits one. */
export function StatementModal({
  meeting,
  statement,
  onClose,
}: {
  meeting: MeetingDetail;
  statement: Statement | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddStatement(meeting.id);
  const update = useUpdateStatement(meeting.id);
  const mutation = statement ? update : add;
  const speakers = useAttendeeChoices(meeting, t("meetings.unknownPerson"));
  const form = useFormState({
    speakerKey: statement?.speakerId ?? "",
    topic: statement?.topic ?? "",
    text: statement?.text ?? "",
  });
  const submit = () => {
    const body = { ...form.values, speakerKey: form.values.speakerKey || null };
    const onError = (error: Error) => form.setErrors(serverFieldErrors(error));
    if (statement) {
      const checked = validate(StatementUpdateBody, body);
      if (!checked.ok) return form.setErrors(checked.errors);
      return update.mutate({ partId: statement.id, body: checked.data }, { onSuccess: onClose, onError });
    }
    const checked = validate(StatementBody, body);
    if (!checked.ok) return form.setErrors(checked.errors);
    add.mutate(checked.data, { onSuccess: onClose, onError });
  };
  return (
    <FormModal
      opened
      title={statement ? t("meetingPages.editStatement") : t("meetingPages.addStatement")}
      onClose={onClose}
      onSubmit={submit}
      isPending={mutation.isPending}
      error={mutation.error}
      fields={["speakerKey", "topic", "text"]}
    >
      <NativeSelect
        label={t("meetingPages.fields.speaker")}
        value={form.values.speakerKey}
        onChange={(e) => form.set("speakerKey", e.currentTarget.value)}
        data={speakers}
        error={form.errors.speakerKey}
      />
      <TextInput label={t("meetingPages.fields.topic")} {...form.text("topic")} maxLength={LIMITS.name} />
      <Textarea
        label={t("meetingPages.fields.statement")}
        {...form.text("text")}
        autosize
        minRows={3}
        maxLength={LIMITS.text}
        required
      />
    </FormModal>
  );
}

const COMMITMENT_FIELDS = ["text", "ownerKey", "ownerAgencyId", "dueOn", "topic"] as const;

/** Adds a decision or commitment to a saved meeting, or edits one (while it is open). */
export function CommitmentModal({
  meeting,
  commitment,
  onClose,
}: {
  meeting: MeetingDetail;
  commitment: Commitment | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddCommitment(meeting.id);
  const update = useUpdateCommitment();
  const mutation = commitment ? update : add;
  const owners = useAttendeeChoices(meeting, t("meetingPages.noOwner"));
  const form = useFormState({
    text: commitment?.text ?? "",
    ownerKey: commitment?.ownerAttendeeId ?? "",
    ownerAgencyId: commitment?.ownerAgencyId ?? "",
    dueOn: commitment?.dueOn ?? "",
    topic: commitment?.topic ?? "",
  });
  const v = form.values;
  const submit = () => {
    const body = {
      text: v.text,
      ownerKey: v.ownerKey || null,
      ownerAgencyId: v.ownerAgencyId || null,
      dueOn: v.dueOn || null,
      topic: v.topic || null,
    };
    const onError = (error: Error) => form.setErrors(serverFieldErrors(error));
    if (commitment) {
      const checked = validate(CommitmentUpdateBody, body);
      if (!checked.ok) return form.setErrors(checked.errors);
      return update.mutate({ id: commitment.id, body: checked.data }, { onSuccess: onClose, onError });
    }
    const checked = validate(CommitmentBody, body);
    if (!checked.ok) return form.setErrors(checked.errors);
    add.mutate(checked.data, { onSuccess: onClose, onError });
  };
  return (
    <FormModal
      opened
      title={commitment ? t("meetingPages.editCommitment") : t("meetingPages.addCommitment")}
      onClose={onClose}
      onSubmit={submit}
      isPending={mutation.isPending}
      error={mutation.error}
      fields={COMMITMENT_FIELDS}
    >
      <Textarea
        label={t("meetingPages.fields.commitment")}
        {...form.text("text")}
        autosize
        minRows={2}
        maxLength={LIMITS.text}
        required
        data-testid="commitment-form-text"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("meetingPages.fields.ownerPerson")}
          value={v.ownerKey}
          onChange={(e) => form.set("ownerKey", e.currentTarget.value)}
          data={owners}
          error={form.errors.ownerKey}
        />
        <AgencySelect
          label={t("meetingPages.fields.ownerAgency")}
          value={v.ownerAgencyId || null}
          onChange={(id) => form.set("ownerAgencyId", id ?? "")}
          error={form.errors.ownerAgencyId}
          clearable
        />
        <DateField
          label={t("meetingPages.fields.dueOn")}
          {...form.choice("dueOn")}
          data-testid="commitment-form-due"
        />
        <NativeSelect
          label={t("meetingPages.fields.topic")}
          value={v.topic}
          onChange={(e) => form.set("topic", e.currentTarget.value)}
          data={[
            { value: "", label: "—" },
            ...COMMITMENT_TOPICS.map((x) => ({ value: x, label: t(`extraction.topics.${x}`) })),
          ]}
        />
      </SimpleGrid>
    </FormModal>
  );
}

const HONOUR_FIELDS = [
  "kind",
  "title",
  "reason",
  "awardedOn",
  "recipientPersonId",
  "recipientName",
  "recipientTitle",
  "giverPersonId",
  "giverName",
] as const;

/** Who an honour goes to (or is given by): an attendee's personnel record, else their name and title as recorded. */
function personFields(meeting: MeetingDetail, attendeeId: string, name: string) {
  const a = meeting.attendees.find((x) => x.id === attendeeId);
  if (!a) return { personId: null, name, title: null };
  return a.personnelId
    ? { personId: a.personnelId, name: null, title: a.title }
    : { personId: null, name: a.name, title: a.title };
}

/**
 * Records an honour given at a saved meeting (in the honours register, linked to the meeting, with its agency
 * and sensitivity): to an attendee or someone named, by an attendee or someone named.
 */
export function HonourModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useCreateHonour();
  const people = useAttendeeChoices(meeting, t("meetingPages.nameAsWritten"));
  const form = useFormState({
    kind: "shield",
    title: "",
    reason: "",
    awardedOn: zonedParts(meeting.startsAt).day,
    recipientKey: "",
    recipientName: "",
    recipientTitle: "",
    giverKey: "",
    giverName: "",
  });
  const v = form.values;
  const submit = () => {
    const recipient = personFields(meeting, v.recipientKey, v.recipientName);
    const giver = personFields(meeting, v.giverKey, v.giverName);
    const checked = validate(HonourCreateBody, {
      kind: v.kind,
      title: v.title,
      reason: v.reason,
      awardedOn: v.awardedOn,
      recipientPersonId: recipient.personId,
      recipientName: recipient.name,
      recipientTitle: v.recipientTitle.trim() || recipient.title,
      giverPersonId: giver.personId,
      giverName: giver.name,
      meetingId: meeting.id,
      agencyId: meeting.agencyId,
      sensitivity: meeting.sensitivity,
    });
    if (!checked.ok) return form.setErrors(checked.errors);
    add.mutate(checked.data, {
      onSuccess: onClose,
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };
  return (
    <FormModal
      opened
      title={t("meetingPages.addHonour")}
      onClose={onClose}
      onSubmit={submit}
      isPending={add.isPending}
      error={add.error}
      fields={HONOUR_FIELDS}
    >
      <HonourBasicsFields form={form} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t("meetingPages.fields.recipient")}
          value={v.recipientKey}
          onChange={(e) => form.set("recipientKey", e.currentTarget.value)}
          data={people}
        />
        {v.recipientKey ? null : (
          <TextInput
            label={t("meetingPages.fields.recipientName")}
            {...form.text("recipientName")}
            maxLength={LIMITS.name}
          />
        )}
        <TextInput
          label={t("meetingPages.fields.recipientTitle")}
          {...form.text("recipientTitle")}
          maxLength={LIMITS.name}
        />
        <NativeSelect
          label={t("meetingPages.fields.giver")}
          value={v.giverKey}
          onChange={(e) => form.set("giverKey", e.currentTarget.value)}
          data={people}
        />
        {v.giverKey ? null : (
          <TextInput
            label={t("meetingPages.fields.giverName")}
            {...form.text("giverName")}
            maxLength={LIMITS.name}
          />
        )}
      </SimpleGrid>
      <Textarea label={t("meetingPages.fields.reason")} {...form.text("reason")} autosize minRows={2} />
    </FormModal>
  );
}

/**
 * Removes one attendee or statement of a saved meeting (the server keeps the others, in order). An attendee
 * a statement or commitment still names is refused, and the message says so.
 */
export function RemovePartModal({
  meeting,
  part,
  partId,
  label,
  onClose,
}: {
  meeting: MeetingDetail;
  part: "attendees" | "statements";
  partId: string;
  label: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const keep = useKeepParts(meeting.id, part);
  const rest = (part === "attendees" ? meeting.attendees : meeting.statements)
    .filter((x) => x.id !== partId)
    .sort((a, b) => a.position - b.position)
    .map((x) => x.id);
  return (
    <Modal opened onClose={onClose} title={t("common.confirmTitle")} centered>
      <Stack>
        <Text>{t("meetingPages.confirmRemove", { name: label })}</Text>
        {keep.error ? (
          <ErrorAlert
            error={keep.error}
            message={
              part === "attendees" && keep.error instanceof ApiError && keep.error.code === "conflict"
                ? t("meetingPages.attendeeInUse")
                : undefined
            }
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            loading={keep.isPending}
            onClick={() => keep.mutate(rest, { onSuccess: onClose })}
          >
            {t("meetingPages.remove")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
