import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../app/i18n";
import { ErrorAlert } from "../../app/error-alert";
import { toApiError } from "../../app/api-client";

const FORMATS = ["tansiq", "acled", "iom"] as const;
type Format = (typeof FORMATS)[number];
type Summary = {
  rows: number;
  created: number;
  skipped: number;
  written: boolean;
  refused: { row: number; column: string; reason: string; message: string }[];
};

async function upload(file: File, format: Format, dryRun: boolean): Promise<Summary> {
  const response = await fetch(`/api/v1/incidents/import?format=${format}&dryRun=${dryRun}`, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      Accept: "application/json",
      "Accept-Language": currentLanguage(),
      "Content-Type": "application/octet-stream",
    },
    body: file,
  });
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, payload);
  return (payload as { data: Summary }).data;
}

/** Import incidents from a file: a dry run first (what would be created, skipped, refused), then the import. */
export function ImportIncidentsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<Format>("tansiq");
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setSummary(await upload(file, format, dryRun));
      if (!dryRun) await queryClient.invalidateQueries({ queryKey: ["incidents"] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => setSummary(null);

  return (
    <Modal opened={opened} onClose={onClose} title={t("incidentImport.title")} size="lg">
      <Stack gap="sm">
        <NativeSelect
          label={t("incidentImport.format")}
          value={format}
          onChange={(e) => {
            setFormat(e.currentTarget.value as Format);
            reset();
          }}
          data={FORMATS.map((f) => ({ value: f, label: t(`incidentImport.formats.${f}`) }))}
          data-testid="incident-import-format"
        />
        {format === "tansiq" ? (
          <Group gap="sm">
            <Text size="sm">{t("incidentImport.template")}</Text>
            <Anchor href="/api/v1/incidents/import/template.xlsx">{t("incidentImport.templateXlsx")}</Anchor>
            <Anchor href="/api/v1/incidents/import/template.csv">{t("incidentImport.templateCsv")}</Anchor>
          </Group>
        ) : null}
        {format === "iom" ? <Text size="sm">{t("incidentImport.iomAttribution")}</Text> : null}
        <FileInput
          label={t("incidentImport.file")}
          accept=".csv,.xlsx"
          value={file}
          onChange={(f) => {
            setFile(f);
            reset();
          }}
          data-testid="incident-import-file"
        />
        {error ? <ErrorAlert error={error} /> : null}
        {summary ? (
          <Alert
            color={summary.refused.length > 0 && !summary.written ? "yellow" : "teal"}
            data-testid="incident-import-summary"
          >
            <Text size="sm">
              {t(summary.written ? "incidentImport.done" : "incidentImport.preview", {
                created: summary.created,
                skipped: summary.skipped,
                refused: summary.refused.length,
              })}
            </Text>
          </Alert>
        ) : null}
        {summary && summary.refused.length > 0 ? (
          <Table.ScrollContainer minWidth={360} mah={240}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("incidentImport.row")}</Table.Th>
                  <Table.Th>{t("incidentImport.column")}</Table.Th>
                  <Table.Th>{t("incidentImport.reason")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.refused.slice(0, 500).map((r) => (
                  <Table.Tr key={`${r.row}-${r.column}`}>
                    <Table.Td>
                      <bdi>{r.row}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <bdi>{r.column}</bdi>
                    </Table.Td>
                    <Table.Td>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!file}
            loading={busy}
            onClick={() => void run(true)}
            data-testid="incident-import-check"
          >
            {t("incidentImport.check")}
          </Button>
          <Button
            disabled={!file || !summary || summary.written}
            loading={busy}
            onClick={() => void run(false)}
            data-testid="incident-import-run"
          >
            {t("incidentImport.run")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
