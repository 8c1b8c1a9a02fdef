import { Anchor, Badge, Group, Paper, Progress, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Task } from "../../../../common/schemas/tasks";
import { currentLanguage } from "../../app/i18n";
import { useFormat } from "../../app/use-format";
import { usePhone } from "../../app/use-phone";
import { agencyName, useAgencyLookup } from "../agencies";
import { titleIn } from "./task-title";

const STATUS_COLOR = {
  todo: "gray",
  in_progress: "blue",
  blocked: "orange",
  done: "green",
  cancelled: "dark",
} as const;

/** The tasks as a table; on a phone, where seven columns cannot be read, as a card per task. */
export function TaskTable({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const phone = usePhone();
  const format = useFormat();
  const agencies = useAgencyLookup();
  const name = (id: string) => (agencies.get(id) ? agencyName(agencies.get(id)!, language) : "");
  if (tasks.length === 0) return <p>{t("tasks.noTasks")}</p>;
  if (phone) return <TaskCards tasks={tasks} agencyName={name} />;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover data-testid="task-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("common.reference")}</Table.Th>
            <Table.Th>{t("fields.title")}</Table.Th>
            <Table.Th>{t("tasks.lead")}</Table.Th>
            <Table.Th>{t("tasks.supporting")}</Table.Th>
            <Table.Th>{t("tasks.dueOn")}</Table.Th>
            <Table.Th>{t("tasks.status")}</Table.Th>
            <Table.Th>{t("tasks.progress")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((task) => (
            <Table.Tr key={task.id} data-testid="task-row">
              <Table.Td>
                <bdi>{task.reference}</bdi>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/tasks/${task.id}`}>
                  {titleIn(task, language)}
                </Anchor>
              </Table.Td>
              <Table.Td>{name(task.agencyId)}</Table.Td>
              <Table.Td>{task.supports.map((s) => name(s.agencyId)).join("، ")}</Table.Td>
              <Table.Td>
                <bdi>{task.dueOn ? format.date(task.dueOn) : "—"}</bdi>
                {task.isOverdue ? (
                  <Badge color="red" ms="xs">
                    {t("tasks.overdue")}
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                <Badge color={STATUS_COLOR[task.status]} variant="light" style={{ overflow: "visible" }}>
                  {t(`enums.taskStatus.${task.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td miw={110}>
                <Progress value={task.progress} /> <bdi>{task.progress}%</bdi>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A task per card: its title (the link), reference, status, due date, lead agency and progress. */
function TaskCards({ tasks, agencyName }: { tasks: Task[]; agencyName: (id: string) => string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const format = useFormat();
  return (
    <Stack gap="xs" data-testid="task-cards">
      {tasks.map((task) => (
        <Paper key={task.id} withBorder p="sm" data-testid="task-card">
          <Anchor component={Link} to={`/tasks/${task.id}`} fw={600} display="block">
            {titleIn(task, language)}
          </Anchor>
          <Group gap="xs" mt={6} wrap="wrap">
            <Badge color={STATUS_COLOR[task.status]} variant="light" style={{ overflow: "visible" }}>
              {t(`enums.taskStatus.${task.status}`)}
            </Badge>
            {task.isOverdue ? <Badge color="red">{t("tasks.overdue")}</Badge> : null}
            <Text size="xs" c="dimmed" ff="monospace">
              <bdi>{task.reference}</bdi>
            </Text>
          </Group>
          <Text size="sm" mt={6}>
            <Text span c="dimmed" size="sm">
              {t("tasks.dueOn")}:
            </Text>{" "}
            <bdi>{task.dueOn ? format.date(task.dueOn) : "—"}</bdi>
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t("tasks.lead")}:
            </Text>{" "}
            {agencyName(task.agencyId)}
          </Text>
          <Group gap="xs" mt={6} wrap="nowrap">
            <Text size="sm" c="dimmed" flex="none">
              {t("tasks.progress")}
            </Text>
            <Progress value={task.progress} flex="1" aria-hidden="true" />
            <Text size="sm" flex="none">
              <bdi>{task.progress}%</bdi>
            </Text>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
