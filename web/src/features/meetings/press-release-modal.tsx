import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MeetingDetail } from "../../../../common/schemas/meetings";
import { saveFile } from "../../app/download";
import { ErrorAlert } from "../../app/error-alert";
import { PageLoader } from "../../app/page-loader";
import { useExportPressReleasePdf, usePressRelease } from "./meetings-queries";

/**
 * The press release the server drafts from the meeting record, in an editable text area; the edited text
 * downloads as text, or as a PDF the server typesets.
 */
export function PressReleaseModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const draft = usePressRelease(meeting.id, true);
  const pdf = useExportPressReleasePdf(meeting.id);
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (draft.data !== undefined && text === null) setText(draft.data);
  }, [draft.data, text]);
  const name = `${meeting.reference}-press-release`;
  return (
    <Modal opened onClose={onClose} title={t("meetingPages.pressRelease")} size="xl" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("meetingPages.pressReleaseHint")}
        </Text>
        {draft.error ? <ErrorAlert error={draft.error} onRetry={() => void draft.refetch()} /> : null}
        {text === null && !draft.error ? <PageLoader /> : null}
        {text !== null ? (
          <Textarea
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={10}
            maxRows={24}
            dir="rtl"
            aria-label={t("meetingPages.pressRelease")}
            data-testid="press-release-text"
          />
        ) : null}
        {pdf.error ? <ErrorAlert error={pdf.error} /> : null}
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={text === null || text.trim() === ""}
            onClick={() =>
              text !== null && saveFile(new Blob([text], { type: "text/plain;charset=utf-8" }), `${name}.txt`)
            }
            data-testid="press-release-txt"
          >
            {t("meetingPages.downloadText")}
          </Button>
          <Button
            disabled={text === null || text.trim() === ""}
            loading={pdf.isPending}
            onClick={() => text !== null && pdf.mutate({ text, filename: `${name}.pdf` })}
            data-testid="press-release-pdf"
          >
            {t("meetingPages.downloadPdf")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
