import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../../common/limits";
import type { FieldErrors } from "../../app/form-state";
import { useFormat } from "../../app/use-format";
import { PersonSelect, personName } from "../personnel";
import {
  emptyAttendee,
  removeAttendee,
  setHost,
  type DraftAttendee,
  type MeetingDraft,
  type Span,
} from "./meeting-draft";
import type { DraftChange } from "./meeting-fields";

const GUEST = "guest";

/** How an attendee reads in lists of the form: title, rank and name as written (or the linked record's name). */
export function attendeeLabel(a: DraftAttendee, fallback: string): string {
  const name = a.personnelId ? (a.linkedName ?? a.name) : a.name;
  return [a.title, a.rank, name].filter((x) => x.trim() !== "").join(" ") || fallback;
}

/**
 * The person first (rank and name), then the title: for a select that holds many of them in a narrow box (a
 * speaker's), so that what a phone's width cuts is the end of the title, never the name.
 */
export function attendeeNameFirst(a: DraftAttendee, fallback: string): string {
  const person = [a.rank, a.personnelId ? (a.linkedName ?? a.name) : a.name].filter((x) => x.trim() !== "");
  const title = a.title.trim();
  if (person.length === 0) return title || fallback;
  return title ? `${person.join(" ")} — ${title}` : person.join(" ");
}

/** Options of a "which attendee" select: the attendees, and "none" first. */
export function useAttendeeOptions(draft: MeetingDraft, none: string, { nameFirst = false } = {}) {
  const { t } = useTranslation();
  const label = nameFirst ? attendeeNameFirst : attendeeLabel;
  return [
    { value: "", label: none },
    ...draft.attendees.map((a, i) => ({
      value: a.key,
      label: label(a, t("meetingPages.attendeeN", { n: i + 1 })),
    })),
  ];
}

type Props = {
  draft: MeetingDraft;
  onChange: DraftChange;
  errors: FieldErrors;
  onFocusSpan: (span: Span | null) => void;
};

/** The people at the meeting: who hosted, and for each one a personnel record picked by the user or a guest. */
export function AttendeesEditor({ draft, onChange, errors, onFocusSpan }: Props) {
  const { t } = useTranslation();
  const host = draft.attendees.find((a) => a.role === "host");
  const hostOptions = useAttendeeOptions(draft, t("meetingPages.noHost"));
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t("meetings.host")}
        value={host?.key ?? ""}
        onChange={(e) => {
          const key = e.currentTarget.value || null;
          onChange((d) => setHost(d, key));
        }}
        data={hostOptions}
        data-testid="meeting-host"
      />
      {draft.attendees.map((a, i) => (
        <AttendeeCard
          key={a.key}
          attendee={a}
          index={i}
          errors={errors}
          onFocus={() => onFocusSpan(a.span)}
          onPatch={(patch) =>
            onChange((d) => ({
              ...d,
              attendees: d.attendees.map((x) => (x.key === a.key ? { ...x, ...patch } : x)),
            }))
          }
          onRemove={() => onChange((d) => removeAttendee(d, a.key))}
        />
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() => onChange((d) => ({ ...d, attendees: [...d.attendees, emptyAttendee()] }))}
          data-testid="attendee-add"
        >
          {t("meetingPages.addAttendee")}
        </Button>
      </Group>
    </Stack>
  );
}

function AttendeeCard({
  attendee: a,
  index,
  errors,
  onFocus,
  onPatch,
  onRemove,
}: {
  attendee: DraftAttendee;
  index: number;
  errors: FieldErrors;
  onFocus: () => void;
  onPatch: (patch: Partial<DraftAttendee>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { prefs, number } = useFormat();
  const err = (field: string) => errors[`attendees.${index}.${field}`];
  const matchIds = new Set(a.matches.map((m) => m.id));
  const linkedElsewhere = a.personnelId !== null && !matchIds.has(a.personnelId);
  const field = (name: "name" | "title" | "rank" | "affiliation", label: string, max: number) => (
    <TextInput
      label={label}
      value={a[name]}
      onChange={(e) => onPatch({ [name]: e.currentTarget.value })}
      error={err(name)}
      maxLength={max}
      data-testid={`attendee-${name}`}
    />
  );
  return (
    <Paper withBorder p="sm" onFocusCapture={onFocus} data-testid="attendee-card" data-key={a.key}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600} size="sm">
            <bdi>{attendeeLabel(a, t("meetingPages.attendeeN", { n: index + 1 }))}</bdi>
          </Text>
          {a.role === "host" ? <Badge variant="light">{t("enums.attendeeRole.host")}</Badge> : null}
          <Badge variant="outline" color={a.personnelId ? "green" : "gray"} data-testid="attendee-link-state">
            {a.personnelId ? t("meetingPages.linked") : t("meetingPages.guest")}
          </Badge>
        </Group>
        <Button
          variant="subtle"
          color="red"
          size="compact-sm"
          onClick={onRemove}
          data-testid="attendee-remove"
        >
          {t("meetingPages.remove")}
        </Button>
      </Group>
      <Radio.Group
        label={t("meetingPages.personnelRecord")}
        description={a.matches.length > 0 ? t("meetingPages.matchesHint") : t("meetingPages.noMatches")}
        value={a.personnelId === null ? GUEST : a.personnelId}
        onChange={(value) => {
          const match = a.matches.find((m) => m.id === value);
          onPatch(
            match
              ? { personnelId: match.id, linkedName: match.name }
              : { personnelId: null, linkedName: null },
          );
        }}
        mb="xs"
      >
        <Stack gap={6} mt={6}>
          {a.matches.map((m) => (
            <Radio
              key={m.id}
              value={m.id}
              label={
                <>
                  <bdi>{m.name}</bdi> —{" "}
                  {t("meetingPages.score", { score: number(Math.round(m.score * 100)) })}
                  {m.exact ? ` (${t("meetingPages.exact")})` : ""}
                </>
              }
              data-testid="attendee-match"
            />
          ))}
          {linkedElsewhere ? <Radio value={a.personnelId!} label={<bdi>{a.linkedName}</bdi>} /> : null}
          <Radio value={GUEST} label={t("meetingPages.keepGuest")} data-testid="attendee-guest" />
        </Stack>
      </Radio.Group>
      <PersonSelect
        label={t("meetingPages.otherPerson")}
        value={linkedElsewhere ? a.personnelId : null}
        onChange={(person) =>
          onPatch(
            person
              ? { personnelId: person.id, linkedName: personName(person, prefs.language) }
              : { personnelId: null, linkedName: null },
          )
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
        {a.personnelId === null ? field("name", t("meetingPages.fields.name"), LIMITS.name) : null}
        {field("title", t("meetingPages.fields.position"), LIMITS.name)}
        {field("rank", t("meetingPages.fields.rank"), LIMITS.code * 2)}
        {field("affiliation", t("meetingPages.fields.affiliation"), LIMITS.name)}
      </SimpleGrid>
    </Paper>
  );
}
