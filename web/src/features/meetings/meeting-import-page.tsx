import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MeetingExtractResponse } from "../../../../common/schemas/meetings";
import { EXTRACTION_MAX_CHARS } from "../../../../common/extraction";
import { ErrorAlert } from "../../app/error-alert";
import { useFormat } from "../../app/use-format";
import { PageHeader } from "../../app/page-header";
import { useCurrentUser } from "../auth";
import { draftFromProposal, type MeetingDraft } from "./meeting-draft";
import { MeetingEditor } from "./meeting-editor";
import { MeetingsNav } from "./meetings-nav";
import { useExtractMeeting } from "./meetings-queries";
import { DateField } from "../../app/date-field";

/**
 * Paste a report and its publication date; the proposed meeting opens as a form to correct beside the
 * report, and "Save meeting" records it with all its parts.
 */
export function MeetingImportPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [text, setText] = useState("");
  const [publicationDate, setPublicationDate] = useState("");
  const [draft, setDraft] = useState<MeetingDraft | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [duplicates, setDuplicates] = useState<MeetingExtractResponse["data"]["duplicates"]>([]);
  const extract = useExtractMeeting();
  const format = useFormat();

  const read = () =>
    extract.mutate(
      { text, publicationDate: publicationDate === "" ? null : publicationDate },
      {
        onSuccess: (result) => {
          setWarnings(result.warnings);
          setDuplicates(result.duplicates);
          setDraft(
            draftFromProposal(result.proposal, {
              agencyId: me.agencyId,
              sourceText: text,
              publicationDate: publicationDate || null,
            }),
          );
        },
      },
    );

  return (
    <Stack>
      <PageHeader title={t("meetings.importTitle")} />
      <MeetingsNav />
      {draft === null ? (
        <Paper withBorder p="md">
          <Stack>
            <Textarea
              label={t("meetings.reportText")}
              description={t("meetingPages.importHint")}
              minRows={8}
              autosize
              maxRows={20}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={EXTRACTION_MAX_CHARS}
              data-testid="import-text"
              dir="rtl"
            />
            <Group align="end">
              <DateField
                label={t("meetings.publicationDate")}
                value={publicationDate}
                onChange={(v) => setPublicationDate(v ?? "")}
                data-testid="import-date"
              />
              <Button onClick={read} loading={extract.isPending} data-testid="import-extract">
                {t("meetings.extract")}
              </Button>
            </Group>
            {extract.error ? <ErrorAlert error={extract.error} /> : null}
          </Stack>
        </Paper>
      ) : duplicates.length > 0 ? (
        // The same meeting may be recorded already: open it, or say it is another one, before any review.
        <Alert color="orange" title={t("meetingPages.duplicateTitle")} data-testid="import-duplicate">
          <Stack gap="xs">
            <Text size="sm">{t("meetingPages.duplicateBody")}</Text>
            {duplicates.map((m) => (
              <Group key={m.id} gap="sm">
                <Text size="sm">
                  <bdi>{m.reference}</bdi> — {m.titleAr} — <bdi>{format.dateTime(m.startsAt)}</bdi>
                </Text>
                <Button
                  component={Link}
                  to={`/meetings/${m.id}`}
                  size="xs"
                  data-testid="import-open-existing"
                >
                  {t("meetingPages.openExisting")}
                </Button>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => setDuplicates([])}
                data-testid="import-anyway"
              >
                {t("meetingPages.importAnyway")}
              </Button>
              <Button variant="subtle" size="xs" onClick={() => setDraft(null)}>
                {t("meetingPages.readAgain")}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Stack data-testid="import-proposal">
          <Group justify="space-between">
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t("meetingPages.reviewHint")}
              </Text>
              {warnings.map((w) => (
                <Badge key={w} color="orange" variant="light">
                  {t(`extraction.warnings.${w}` as "extraction.warnings.no_date")}
                </Badge>
              ))}
            </Group>
            <Button variant="default" size="xs" onClick={() => setDraft(null)} data-testid="import-restart">
              {t("meetingPages.readAgain")}
            </Button>
          </Group>
          <MeetingEditor
            draft={draft}
            onChange={(update) => setDraft((d) => (d ? update(d) : d))}
            canChooseAgency
          />
        </Stack>
      )}
    </Stack>
  );
}
