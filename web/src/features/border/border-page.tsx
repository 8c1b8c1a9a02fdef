import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  BORDER_REPORT_STATUSES,
  type BorderReportAction,
  type BorderReportStatus,
} from "../../../../common/enums";
import type { BorderReport, FigureWarning } from "../../../../common/schemas/border";
import { ErrorAlert } from "../../app/error-alert";
import { FormModal } from "../../app/form-modal";
import { currentLanguage } from "../../app/i18n";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { useCurrentUser } from "../auth";
import { useBorderReports, useCrossings, useStepReport } from "./border-queries";
import { ReportForm } from "./report-form";

const STATUS_COLOURS: Record<BorderReportStatus, string> = {
  draft: "gray",
  submitted: "blue",
  approved: "green",
};

/** "3.4× the 30-day median (7)" for each figure far from its usual level. */
function Warnings({ warnings }: { warnings: FigureWarning[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (warnings.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={t("border.warningsTitle")} data-testid="border-warnings">
      <List size="sm">
        {warnings.map((w) => (
          <List.Item key={w.field}>
            {t("border.warning", {
              field: t(`fields.${w.field}`),
              value: format.number(w.value),
              ratio: format.number(w.ratio),
              median: format.number(w.median),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** A return needs a reason: asked in a small form. */
function ReasonForm({ report, onClose }: { report: BorderReport; onClose: () => void }) {
  const { t } = useTranslation();
  const step = useStepReport();
  const [reason, setReason] = useState("");
  return (
    <FormModal
      opened
      title={t("border.returnTitle", { reference: report.reference })}
      onClose={onClose}
      onSubmit={() => step.mutate({ id: report.id, action: "return", reason }, { onSuccess: onClose })}
      isPending={step.isPending}
      error={step.error}
      fields={[]}
      submitLabel={t("border.actions.return")}
    >
      <TextInput
        label={t("fields.reason")}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </FormModal>
  );
}

/**
 * A crossing's daily reports per shift: staff who work there enter and submit them (a phone is enough), the
 * responsible agency's manager approves (the day is locked) or returns them, leadership corrects with a reason.
 */
export function BorderPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const crossings = useCrossings();
  const list = useListState({ crossingId: "", status: "" });
  const crossingId = list.filters.crossingId || crossings.data?.[0]?.id || "";
  const { data, isPending, error, refetch } = useBorderReports(
    { ...list.params, crossingId },
    crossingId !== "",
  );
  const step = useStepReport();
  const [editing, setEditing] = useState<BorderReport | "new" | null>(null);
  const [returning, setReturning] = useState<BorderReport | null>(null);
  const [saved, setSaved] = useState<BorderReport | null>(null);
  const name = (c: { nameAr: string; nameEn: string }) => (currentLanguage() === "en" ? c.nameEn : c.nameAr);
  const act = (report: BorderReport, action: BorderReportAction) =>
    step.mutate({ id: report.id, action, reason: null }, { onSuccess: (r) => setSaved(r) });

  return (
    <Stack gap="md">
      <PageHeader
        title={t("border.title")}
        actions={
          me.permissions.includes("borderReports.create") && crossingId ? (
            <Button onClick={() => setEditing("new")} data-testid="border-new">
              {t("border.new")}
            </Button>
          ) : null
        }
      />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <NativeSelect
          aria-label={t("fields.crossingId")}
          value={crossingId}
          onChange={(e) => list.setFilter("crossingId", e.currentTarget.value)}
          data={(crossings.data ?? []).map((c) => ({ value: c.id, label: name(c) }))}
          data-testid="border-crossing"
        />
        <NativeSelect
          aria-label={t("fields.status")}
          value={list.filters.status}
          onChange={(e) => list.setFilter("status", e.currentTarget.value)}
          data={[
            { value: "", label: t("border.allStatuses") },
            ...BORDER_REPORT_STATUSES.map((s) => ({ value: s, label: t(`enums.borderReportStatus.${s}`) })),
          ]}
          data-testid="border-filter-status"
        />
      </Group>
      {saved ? (
        <Stack gap="xs" data-testid="border-saved">
          <Alert color="green" variant="light" withCloseButton onClose={() => setSaved(null)}>
            {t("border.saved", {
              reference: saved.reference,
              status: t(`enums.borderReportStatus.${saved.status}`),
            })}
          </Alert>
          <Warnings warnings={saved.warnings} />
        </Stack>
      ) : null}
      {step.error ? <ErrorAlert error={step.error} /> : null}
      {error || crossings.error ? (
        <ErrorAlert error={error ?? crossings.error} onRetry={() => void refetch()} />
      ) : null}
      {isPending && crossingId ? <PageLoader /> : null}
      {crossings.data?.length === 0 || data?.data.length === 0 ? (
        <Text c="dimmed">{t("common.noResults")}</Text>
      ) : null}
      {data && data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="border-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("fields.day")}</Table.Th>
                <Table.Th>{t("fields.shift")}</Table.Th>
                <Table.Th>{t("fields.status")}</Table.Th>
                <Table.Th>{t("border.arrivals")}</Table.Th>
                <Table.Th>{t("border.departures")}</Table.Th>
                <Table.Th>{t("border.vehicles")}</Table.Th>
                <Table.Th>{t("fields.migrantsIntercepted")}</Table.Th>
                <Table.Th>{t("border.actionsTitle")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((r) => (
                <Table.Tr key={r.id} data-testid="border-row">
                  <Table.Td>
                    <bdi>{format.date(r.day)}</bdi>
                  </Table.Td>
                  <Table.Td>{t(`enums.borderShift.${r.shift}`)}</Table.Td>
                  <Table.Td miw={110}>
                    <Badge variant="light" color={STATUS_COLOURS[r.status]} miw="max-content">
                      {t(`enums.borderReportStatus.${r.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format.number(r.arrivalsLibyan + r.arrivalsForeign)}</Table.Td>
                  <Table.Td>{format.number(r.departuresLibyan + r.departuresForeign)}</Table.Td>
                  <Table.Td>{format.number(r.vehiclesIn + r.vehiclesOut)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {format.number(r.migrantsIntercepted)}
                      {r.warnings.length > 0 ? (
                        <Badge
                          color="orange"
                          variant="light"
                          miw="max-content"
                          title={t("border.warningsTitle")}
                        >
                          {t("border.unusual")}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {r.can.update || r.can.correct ? (
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(r)}>
                          {t(r.can.correct ? "border.actions.correct" : "border.actions.edit")}
                        </Button>
                      ) : null}
                      {r.can.submit ? (
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => act(r, "submit")}
                          data-testid="border-submit"
                        >
                          {t("border.actions.submit")}
                        </Button>
                      ) : null}
                      {r.can.approve ? (
                        <Button
                          size="compact-sm"
                          color="green"
                          onClick={() => act(r, "approve")}
                          data-testid="border-approve"
                        >
                          {t("border.actions.approve")}
                        </Button>
                      ) : null}
                      {r.can.return ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          onClick={() => setReturning(r)}
                        >
                          {t("border.actions.return")}
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? <ListFooter {...data.page} onPage={list.setPage} /> : null}
      {editing ? (
        <ReportForm
          crossingId={crossingId}
          report={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(r) => {
            setEditing(null);
            setSaved(r);
          }}
        />
      ) : null}
      {returning ? <ReasonForm report={returning} onClose={() => setReturning(null)} /> : null}
    </Stack>
  );
}
