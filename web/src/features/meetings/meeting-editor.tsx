import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { MeetingCreateBody } from "../../../../common/schemas/meetings";
import { ErrorAlert } from "../../app/error-alert";
import { serverFieldErrors, validateDeep, type FieldErrors } from "../../app/form-state";
import { AttendeesEditor } from "./editor-attendees";
import { CommitmentsEditor, HonoursEditor, StatementsEditor } from "./editor-parts";
import { toCreateBody, type MeetingDraft, type Span } from "./meeting-draft";
import { AgendaEditor, MeetingFields, type DraftChange } from "./meeting-fields";
import { useCreateMeeting } from "./meetings-queries";
import { SourceText, type SourceMark } from "./source-text";

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {title}
        {count !== undefined ? (
          <Text span c="dimmed" size="sm" ms="xs">
            (<bdi>{count}</bdi>)
          </Text>
        ) : null}
      </Title>
      {children}
    </Paper>
  );
}

function marksOf(draft: MeetingDraft): SourceMark[] {
  const marks: SourceMark[] = [];
  const add = (span: Span | null, kind: SourceMark["kind"]) => {
    if (span) marks.push({ ...span, kind });
  };
  for (const a of draft.attendees) add(a.span, "person");
  for (const a of draft.agenda) add(a.span, "agenda");
  for (const s of draft.statements) add(s.span, "statement");
  for (const c of draft.commitments) add(c.span, "commitment");
  for (const h of draft.honours) add(h.span, "honour");
  return marks;
}

/**
 * The whole meeting as one form — the import review (with the report beside it, the part being edited
 * highlighted) and the hand-made create form — saved in one request; the saved meeting opens.
 */
export function MeetingEditor({
  draft,
  onChange,
  canChooseAgency,
}: {
  draft: MeetingDraft;
  onChange: DraftChange;
  canChooseAgency: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [active, setActive] = useState<Span | null>(null);
  const wide = useMediaQuery("(min-width: 75em)");

  const save = () => {
    const checked = validateDeep(MeetingCreateBody, toCreateBody(draft));
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: (meeting) => void navigate(`/meetings/${meeting.id}`),
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };
  const parts = { draft, onChange, errors, onFocusSpan: setActive };
  const messages = Object.values(errors).filter((m): m is string => Boolean(m));

  const form = (
    <Stack gap="md" data-testid="meeting-editor">
      <Section title={t("meetings.meeting")}>
        <MeetingFields draft={draft} onChange={onChange} errors={errors} canChooseAgency={canChooseAgency} />
      </Section>
      <Section title={t("meetings.attendees")} count={draft.attendees.length}>
        <AttendeesEditor {...parts} />
      </Section>
      <Section title={t("meetings.agenda")} count={draft.agenda.length}>
        <AgendaEditor {...parts} />
      </Section>
      <Section title={t("meetings.statements")} count={draft.statements.length}>
        <StatementsEditor {...parts} />
      </Section>
      <Section title={t("meetings.commitments")} count={draft.commitments.length}>
        <CommitmentsEditor {...parts} />
      </Section>
      <Section title={t("meetings.honours")} count={draft.honours.length}>
        <HonoursEditor {...parts} />
      </Section>
      {create.error ? <ErrorAlert error={create.error} /> : null}
      {!create.error && messages.length > 0 ? (
        <Alert color="red" variant="light" role="alert" title={t("meetingPages.fixFields")}>
          <List size="sm">
            {messages.slice(0, 10).map((m, i) => (
              <List.Item key={i}>{m}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={save} loading={create.isPending} size="md" data-testid="meeting-save">
          {t("meetingPages.saveMeeting")}
        </Button>
      </Group>
    </Stack>
  );

  if (draft.sourceText === null) return form;
  // The report stays in view while the form scrolls: beside the form on a wide screen, above it (shorter)
  // on a phone. Sticky needs the panel and the form in one container, hence two layouts.
  const source = (
    <Paper
      withBorder
      p="md"
      style={{
        position: "sticky",
        zIndex: 2,
        top: "calc(var(--app-shell-header-offset, 60px) + var(--mantine-spacing-xs))",
        maxHeight: wide ? "calc(100vh - var(--app-shell-header-offset, 60px) - 32px)" : "30vh",
        overflowY: "auto",
      }}
    >
      <Title order={5}>{t("meetingPages.source")}</Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t("meetingPages.sourceHint")}
      </Text>
      <SourceText text={draft.sourceText} marks={marksOf(draft)} active={active} />
    </Paper>
  );
  if (!wide)
    return (
      <Stack gap="md">
        {source}
        {form}
      </Stack>
    );
  return (
    <SimpleGrid cols={2} spacing="md">
      <div>{source}</div>
      {form}
    </SimpleGrid>
  );
}
