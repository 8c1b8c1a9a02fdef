import {
  Anchor,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Button,
  UnstyledButton,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { zonedDay } from "../../../../common/dates";
import type { TrainingTopic } from "../../../../common/enums";
import { withQuery } from "../../app/api-client";
import { ErrorAlert } from "../../app/error-alert";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer } from "../agencies";
import { useCurrentUser } from "../auth";
import { TrainingNav } from "./training-nav";
import { useCoverage, useSetTargets } from "./training-queries";

type Editing = { agencyId: string; topic: TrainingTopic; target: string };

/** Per agency and topic: personnel holding a valid certificate against the trainer's target, for a year. */
export function CoveragePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const nameOf = useAgencyNamer();
  const thisYear = Number(zonedDay(new Date()).slice(0, 4));
  const [year, setYear] = useState(String(thisYear));
  const { data, isPending, error, refetch } = useCoverage({ year });
  const save = useSetTargets();
  const [editing, setEditing] = useState<Editing | null>(null);
  const mayEdit = me.permissions.includes("training.setTargets");
  const topics = data?.rows[0]?.cells.map((c) => c.topic) ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t("trainingPages.coverage")} />
      <TrainingNav />
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t("fields.year")}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          data={[0, 1, 2, 3, 4].map((i) => ({
            value: String(thisYear - i),
            label: format.number(thisYear - i),
          }))}
        />
        <Anchor
          href={withQuery("/api/v1/training/coverage.xlsx", { year })}
          size="sm"
          data-testid="coverage-export"
        >
          {t("trainingPages.exportExcel")}
        </Anchor>
      </Group>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data ? (
        <Text size="sm" c="dimmed">
          {t("trainingPages.asOf", { date: format.date(data.asOf) })}
        </Text>
      ) : null}
      {data && data.rows.length > 0 ? (
        <Table.ScrollContainer minWidth={240 + topics.length * 110}>
          <Table withColumnBorders verticalSpacing={4} data-testid="coverage-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("training.coverage.agency")}</Table.Th>
                <Table.Th>{t("training.coverage.personnel")}</Table.Th>
                {topics.map((topic) => (
                  <Table.Th key={topic}>
                    <Text size="xs">{t(`enums.trainingTopic.${topic}`)}</Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rows.map((row) => (
                <Table.Tr key={row.agencyId} data-testid="coverage-row">
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{nameOf(row.agencyId)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.number(row.personnel)}</Table.Td>
                  {row.cells.map((c) => {
                    const label =
                      c.target === null
                        ? format.number(c.holders)
                        : `${format.number(c.holders)} / ${format.number(c.target)}`;
                    const short = c.target !== null && c.holders < c.target;
                    return (
                      <Table.Td key={c.topic}>
                        {mayEdit ? (
                          <UnstyledButton
                            onClick={() =>
                              setEditing({
                                agencyId: c.agencyId,
                                topic: c.topic,
                                target: String(c.target ?? ""),
                              })
                            }
                            aria-label={t("trainingPages.setTarget")}
                          >
                            <Text size="sm" c={short ? "red" : undefined}>
                              <bdi>{label}</bdi>
                            </Text>
                          </UnstyledButton>
                        ) : (
                          <Text size="sm" c={short ? "red" : undefined}>
                            <bdi>{label}</bdi>
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t("trainingPages.setTarget")}
        centered
      >
        {editing ? (
          <Stack>
            <Text size="sm">
              <bdi>{nameOf(editing.agencyId)}</bdi> — {t(`enums.trainingTopic.${editing.topic}`)}
            </Text>
            {save.error ? <ErrorAlert error={save.error} /> : null}
            <TextInput
              type="number"
              min={0}
              label={t("training.coverage.target")}
              value={editing.target}
              onChange={(e) => setEditing({ ...editing, target: e.currentTarget.value })}
            />
            <Button
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  {
                    targets: [
                      {
                        agencyId: editing.agencyId,
                        topic: editing.topic,
                        target: Number(editing.target || 0),
                      },
                    ],
                  },
                  { onSuccess: () => setEditing(null) },
                )
              }
            >
              {t("common.save")}
            </Button>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
