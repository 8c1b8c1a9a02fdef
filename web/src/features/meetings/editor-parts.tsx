import {
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  COMMITMENT_TOPICS,
  HONOUR_KINDS,
  type CommitmentTopic,
  type HonourKind,
} from "../../../../common/enums";
import { LIMITS } from "../../../../common/limits";
import type { FieldErrors } from "../../app/form-state";
import { AgencySelect, useAgencyNamer } from "../agencies";
import { useAttendeeOptions } from "./editor-attendees";
import {
  emptyCommitment,
  emptyHonour,
  emptyStatement,
  type DraftCommitment,
  type DraftHonour,
  type DraftStatement,
  type MeetingDraft,
  type Span,
} from "./meeting-draft";
import type { DraftChange } from "./meeting-fields";
import { DateField } from "../../app/date-field";

type Props = {
  draft: MeetingDraft;
  onChange: DraftChange;
  errors: FieldErrors;
  onFocusSpan: (span: Span | null) => void;
};

type ListName = "statements" | "commitments" | "honours";
type ItemOf<L extends ListName> = MeetingDraft[L][number];

/** Patch and remove one item of a list of the draft, by key. */
function itemChanges<L extends ListName>(onChange: DraftChange, list: L, key: string) {
  return {
    patch: (patch: Partial<ItemOf<L>>) =>
      onChange((d) => ({
        ...d,
        [list]: (d[list] as ItemOf<L>[]).map((x) => (x.key === key ? { ...x, ...patch } : x)),
      })),
    remove: () => onChange((d) => ({ ...d, [list]: (d[list] as ItemOf<L>[]).filter((x) => x.key !== key) })),
  };
}

function ItemCard({
  title,
  onRemove,
  onFocus,
  testId,
  children,
}: {
  title: ReactNode;
  onRemove: () => void;
  onFocus: () => void;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" onFocusCapture={onFocus} data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
          {t("meetingPages.remove")}
        </Button>
      </Group>
      <Stack gap="xs">{children}</Stack>
    </Paper>
  );
}

function AddButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <Group>
      <Button variant="light" size="xs" onClick={onClick} data-testid={testId}>
        {label}
      </Button>
    </Group>
  );
}

/** What each speaker said, one statement per sentence. */
export function StatementsEditor({ draft, onChange, errors, onFocusSpan }: Props) {
  const { t } = useTranslation();
  const speakers = useAttendeeOptions(draft, t("meetings.unknownPerson"), { nameFirst: true });
  return (
    <Stack gap="sm">
      {draft.statements.map((s: DraftStatement, i) => {
        const { patch, remove } = itemChanges(onChange, "statements", s.key);
        return (
          <Paper
            key={s.key}
            withBorder
            p="xs"
            onFocusCapture={() => onFocusSpan(s.span)}
            data-testid="statement-card"
          >
            {/* The speaker on a line of its own, the card's whole width, name first: a select shows one line only. */}
            <Stack gap="xs">
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <NativeSelect
                  aria-label={t("meetingPages.fields.speaker")}
                  value={s.speakerKey ?? ""}
                  onChange={(e) => patch({ speakerKey: e.currentTarget.value || null })}
                  data={speakers}
                  error={errors[`statements.${i}.speakerKey`]}
                  title={speakers.find((o) => o.value === (s.speakerKey ?? ""))?.label}
                  style={{ flex: 1, minWidth: 0 }}
                  data-testid="statement-speaker"
                />
                <Button variant="subtle" color="red" size="compact-sm" mt={6} onClick={remove}>
                  {t("meetingPages.remove")}
                </Button>
              </Group>
              <Textarea
                aria-label={t("meetingPages.statementN", { n: i + 1 })}
                value={s.text}
                onChange={(e) => patch({ text: e.currentTarget.value })}
                error={errors[`statements.${i}.text`]}
                autosize
                minRows={1}
                maxLength={LIMITS.text}
                data-testid="statement-text"
              />
            </Stack>
          </Paper>
        );
      })}
      <AddButton
        label={t("meetingPages.addStatement")}
        onClick={() => onChange((d) => ({ ...d, statements: [...d.statements, emptyStatement()] }))}
        testId="statement-add"
      />
    </Stack>
  );
}

/** Decisions and commitments: text, owner (an attendee and/or an agency the user picks), due date, topic. */
export function CommitmentsEditor({ draft, onChange, errors, onFocusSpan }: Props) {
  const { t } = useTranslation();
  const owners = useAttendeeOptions(draft, t("meetingPages.noOwner"));
  const nameOf = useAgencyNamer();
  return (
    <Stack gap="sm">
      {draft.commitments.map((c: DraftCommitment, i) => {
        const { patch, remove } = itemChanges(onChange, "commitments", c.key);
        const err = (f: string) => errors[`commitments.${i}.${f}`];
        return (
          <ItemCard
            key={c.key}
            title={t("meetingPages.commitmentN", { n: i + 1 })}
            onRemove={remove}
            onFocus={() => onFocusSpan(c.span)}
            testId="commitment-card"
          >
            <Textarea
              label={t("meetingPages.fields.commitment")}
              value={c.text}
              onChange={(e) => patch({ text: e.currentTarget.value })}
              error={err("text")}
              autosize
              minRows={2}
              maxLength={LIMITS.text}
              required
              data-testid="commitment-text"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t("meetingPages.fields.ownerPerson")}
                value={c.ownerKey ?? ""}
                onChange={(e) => patch({ ownerKey: e.currentTarget.value || null })}
                data={owners}
                error={err("ownerKey")}
              />
              <AgencySelect
                label={t("meetingPages.fields.ownerAgency")}
                value={c.ownerAgencyId}
                onChange={(v) => patch({ ownerAgencyId: v })}
                error={err("ownerAgencyId")}
                clearable
                data-testid="commitment-owner-agency"
              />
              <DateField
                label={t("meetingPages.fields.dueOn")}
                value={c.dueOn}
                onChange={(v) => patch({ dueOn: v ?? "" })}
                error={err("dueOn")}
                data-testid="commitment-due"
              />
              <NativeSelect
                label={t("meetingPages.fields.topic")}
                value={c.topic ?? ""}
                onChange={(e) => patch({ topic: (e.currentTarget.value || null) as CommitmentTopic | null })}
                data={[
                  { value: "", label: "—" },
                  ...COMMITMENT_TOPICS.map((x) => ({ value: x, label: t(`extraction.topics.${x}`) })),
                ]}
              />
            </SimpleGrid>
            {c.agencyMatches.length > 0 ? (
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {t("meetingPages.ownerBodySuggest", { body: c.ownerBody ?? "" })}
                </Text>
                {c.agencyMatches.map((m) => (
                  <Button
                    key={m.id}
                    size="compact-xs"
                    variant={c.ownerAgencyId === m.id ? "filled" : "light"}
                    onClick={() => patch({ ownerAgencyId: m.id })}
                    data-testid="commitment-agency-match"
                  >
                    <bdi>{nameOf(m.id) === "—" ? m.name : nameOf(m.id)}</bdi>
                  </Button>
                ))}
              </Group>
            ) : null}
          </ItemCard>
        );
      })}
      <AddButton
        label={t("meetingPages.addCommitment")}
        onClick={() => onChange((d) => ({ ...d, commitments: [...d.commitments, emptyCommitment()] }))}
        testId="commitment-add"
      />
    </Stack>
  );
}

/** Honours given at the meeting: kind, title, recipient and giver (attendees, or names as written), reason. */
export function HonoursEditor({ draft, onChange, errors, onFocusSpan }: Props) {
  const { t } = useTranslation();
  const people = useAttendeeOptions(draft, t("meetingPages.nameAsWritten"));
  return (
    <Stack gap="sm">
      {draft.honours.map((h: DraftHonour, i) => {
        const { patch, remove } = itemChanges(onChange, "honours", h.key);
        const err = (f: string) => errors[`honours.${i}.${f}`];
        return (
          <ItemCard
            key={h.key}
            title={t("meetingPages.honourN", { n: i + 1 })}
            onRemove={remove}
            onFocus={() => onFocusSpan(h.span)}
            testId="honour-card"
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t("meetingPages.fields.kind")}
                value={h.kind}
                onChange={(e) => patch({ kind: e.currentTarget.value as HonourKind })}
                data={HONOUR_KINDS.map((k) => ({ value: k, label: t(`enums.honourKind.${k}`) }))}
              />
              <TextInput
                label={t("meetingPages.fields.honourTitle")}
                value={h.title}
                onChange={(e) => patch({ title: e.currentTarget.value })}
                error={err("title")}
                maxLength={LIMITS.name}
                required
                data-testid="honour-title"
              />
              <NativeSelect
                label={t("meetingPages.fields.recipient")}
                value={h.recipientKey ?? ""}
                onChange={(e) => patch({ recipientKey: e.currentTarget.value || null })}
                data={people}
                data-testid="honour-recipient"
              />
              {h.recipientKey === null ? (
                <TextInput
                  label={t("meetingPages.fields.recipientName")}
                  value={h.recipientName}
                  onChange={(e) => patch({ recipientName: e.currentTarget.value })}
                  error={err("recipientName")}
                  maxLength={LIMITS.name}
                />
              ) : null}
              <TextInput
                label={t("meetingPages.fields.recipientTitle")}
                value={h.recipientTitle}
                onChange={(e) => patch({ recipientTitle: e.currentTarget.value })}
                error={err("recipientTitle")}
                maxLength={LIMITS.name}
              />
              <NativeSelect
                label={t("meetingPages.fields.giver")}
                value={h.giverKey ?? ""}
                onChange={(e) => patch({ giverKey: e.currentTarget.value || null })}
                data={people}
              />
              {h.giverKey === null ? (
                <TextInput
                  label={t("meetingPages.fields.giverName")}
                  value={h.giverName}
                  onChange={(e) => patch({ giverName: e.currentTarget.value })}
                  error={err("giverName")}
                  maxLength={LIMITS.name}
                />
              ) : null}
            </SimpleGrid>
            <Textarea
              label={t("meetingPages.fields.reason")}
              value={h.reason}
              onChange={(e) => patch({ reason: e.currentTarget.value })}
              error={err("reason")}
              autosize
              minRows={1}
              maxLength={LIMITS.text}
            />
          </ItemCard>
        );
      })}
      <AddButton
        label={t("meetingPages.addHonour")}
        onClick={() => onChange((d) => ({ ...d, honours: [...d.honours, emptyHonour()] }))}
        testId="honour-add"
      />
    </Stack>
  );
}
