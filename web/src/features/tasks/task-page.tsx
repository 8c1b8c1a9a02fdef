import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  CONTRIBUTION_STATUSES,
  TASK_STATUSES,
  type ContributionStatus,
  type TaskStatus,
} from "../../../../common/enums";
import type { Contribution, Task } from "../../../../common/schemas/tasks";
import { actorName } from "../../app/actor-name";
import { PlanOfTask } from "../plans";
import { ErrorAlert } from "../../app/error-alert";
import { currentLanguage } from "../../app/i18n";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { RecordOriginLine } from "../../app/record-origin";
import { useFormat } from "../../app/use-format";
import { agencyName, useAgencyLookup } from "../agencies";
import { SupportsModal } from "./supports-modal";
import { titleIn } from "./task-title";
import {
  useComment,
  useContribution,
  useTask,
  useTaskStatus,
  useTimeline,
  useUpdateTask,
} from "./tasks-queries";
import { SharesLine } from "../sharing";

const ACTION_OF: Record<TaskStatus, keyof Task["abilities"]> = {
  todo: "update",
  in_progress: "start",
  blocked: "block",
  done: "complete",
  cancelled: "cancel",
};

export function TaskPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const format = useFormat();
  const agencies = useAgencyLookup();
  const { data: task, error } = useTask(id);
  const timeline = useTimeline(id);
  const comment = useComment(id);
  const [text, setText] = useState("");
  const [managing, setManaging] = useState(false);
  if (error) return <ErrorAlert error={error} />;
  if (!task) return <PageLoader />;
  const name = (agencyId: string | null) =>
    agencyId && agencies.get(agencyId) ? agencyName(agencies.get(agencyId)!, language) : "";

  return (
    <Stack>
      <PageHeader title={titleIn(task, language)} />
      <SharesLine
        entity="tasks"
        id={task.id}
        ownerAgencyId={task.agencyId}
        restricted={task.sensitivity === "restricted"}
      />
      <Group>
        <Badge variant="light" data-testid="task-status">
          {t(`enums.taskStatus.${task.status}`)}
        </Badge>
        <Text size="sm">
          <bdi>{task.reference}</bdi>
        </Text>
        <Text size="sm">
          {t("tasks.lead")}: {name(task.agencyId)}
        </Text>
        <Text size="sm">
          {t("tasks.dueOn")}: <bdi>{task.dueOn ? format.date(task.dueOn) : "—"}</bdi>
        </Text>
        <Text size="sm">{t(`enums.priority.${task.priority}`)}</Text>
        {task.isOverdue ? <Badge color="red">{t("tasks.overdue")}</Badge> : null}
        {task.planId ? <PlanOfTask planId={task.planId} objectiveId={task.objectiveId} /> : null}
      </Group>
      {task.statusReason ? (
        <Text size="sm">
          {t("tasks.reason")}: {task.statusReason}
        </Text>
      ) : null}
      <RecordOriginLine origin={task.origin} />
      {task.description ? <Text>{task.description}</Text> : null}
      <LeadControls task={task} />

      <Group justify="space-between">
        <Title order={3}>{t("tasks.supporting")}</Title>
        {task.abilities.manageSupports ? (
          <Button variant="default" onClick={() => setManaging(true)} data-testid="supports-manage">
            {t("tasks.manageSupports")}
          </Button>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="contributions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("fields.agencyId")}</Table.Th>
              <Table.Th>{t("tasks.contribution")}</Table.Th>
              <Table.Th>{t("tasks.contributionStatus")}</Table.Th>
              <Table.Th>{t("tasks.note")}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {task.supports.map((s) => (
              <ContributionRow key={s.agencyId} taskId={task.id} support={s} agency={name(s.agencyId)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {managing ? <SupportsModal task={task} onClose={() => setManaging(false)} /> : null}

      <Title order={3}>{t("tasks.timeline")}</Title>
      {task.abilities.comment ? (
        <Group align="end">
          <Textarea
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            label={t("tasks.comment")}
            w={400}
            data-testid="comment-text"
          />
          <Button
            onClick={() => comment.mutate(text, { onSuccess: () => setText("") })}
            loading={comment.isPending}
            data-testid="comment-add"
          >
            {t("tasks.addComment")}
          </Button>
        </Group>
      ) : null}
      <Timeline bulletSize={14} data-testid="timeline">
        {(timeline.data ?? []).map((u) => (
          <Timeline.Item
            key={u.id}
            title={
              <>
                <bdi>{actorName(u)}</bdi> —{" "}
                {t(`tasks.update.${u.kind}`, {
                  from:
                    typeof u.data.from === "string" &&
                    (TASK_STATUSES as readonly string[]).includes(u.data.from)
                      ? t(`enums.taskStatus.${u.data.from as TaskStatus}`)
                      : "",
                  to:
                    typeof u.data.to === "string" && (TASK_STATUSES as readonly string[]).includes(u.data.to)
                      ? t(`enums.taskStatus.${u.data.to as TaskStatus}`)
                      : "",
                  progress: String(u.data.progress ?? ""),
                })}
              </>
            }
          >
            <Text size="xs" c="dimmed">
              {format.dateTime(u.at)} {u.agencyId ? `· ${name(u.agencyId)}` : ""}
            </Text>
            {typeof u.data.body === "string" ? <Text size="sm">{u.data.body}</Text> : null}
            {typeof u.data.reason === "string" ? (
              <Text size="sm">
                {t("tasks.reason")}: {u.data.reason}
              </Text>
            ) : null}
            {typeof u.data.note === "string" ? <Text size="sm">{u.data.note}</Text> : null}
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

function LeadControls({ task }: { task: Task }) {
  const { t } = useTranslation();
  const status = useTaskStatus(task.id);
  const update = useUpdateTask(task.id);
  const [next, setNext] = useState<TaskStatus | null>(null);
  const [reason, setReason] = useState("");
  const [progress, setProgress] = useState<number | string>(task.progress);
  const closed = task.status === "done" || task.status === "cancelled";
  const targets = TASK_STATUSES.filter(
    (s) =>
      s !== task.status &&
      (closed
        ? task.abilities.reopen && (s === "todo" || s === "in_progress")
        : task.abilities[ACTION_OF[s]]),
  );
  if (targets.length === 0 && !task.abilities.update) return null;
  return (
    <Card withBorder data-testid="lead-controls">
      <Group align="end">
        {targets.length ? (
          <>
            <Select
              label={t("tasks.changeStatus")}
              value={next}
              onChange={(v) => setNext(v as TaskStatus | null)}
              data={targets.map((s) => ({ value: s, label: t(`enums.taskStatus.${s}`) }))}
              data-testid="status-select"
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              label={t("tasks.reason")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              data-testid="status-reason"
            />
            <Button
              disabled={!next}
              loading={status.isPending}
              onClick={() =>
                next &&
                status.mutate(
                  { status: next, reason: reason || null },
                  {
                    onSuccess: () => {
                      setNext(null);
                      setReason("");
                    },
                  },
                )
              }
              data-testid="status-save"
            >
              {t("tasks.applyStatus")}
            </Button>
          </>
        ) : null}
        {task.abilities.update ? (
          <>
            <NumberInput
              label={t("fields.progress")}
              min={0}
              max={100}
              value={progress}
              onChange={setProgress}
              w={120}
              data-testid="progress-input"
            />
            <Button
              variant="light"
              loading={update.isPending}
              onClick={() => update.mutate({ progress: Number(progress) })}
              data-testid="progress-save"
            >
              {t("tasks.saveProgress")}
            </Button>
          </>
        ) : null}
      </Group>
      {status.error ? <ErrorAlert error={status.error} /> : null}
      {update.error ? <ErrorAlert error={update.error} /> : null}
    </Card>
  );
}

function ContributionRow({
  taskId,
  support,
  agency,
}: {
  taskId: string;
  support: Contribution;
  agency: string;
}) {
  const { t } = useTranslation();
  const save = useContribution(taskId);
  const [status, setStatus] = useState<ContributionStatus>(support.status);
  const [note, setNote] = useState(support.note ?? "");
  const editable = support.abilities.update;
  return (
    <Table.Tr data-testid="contribution-row" data-editable={editable ? "yes" : "no"}>
      <Table.Td>{agency}</Table.Td>
      <Table.Td>{support.contribution}</Table.Td>
      <Table.Td>
        {editable ? (
          <Select
            value={status}
            onChange={(v) => setStatus((v as ContributionStatus | null) ?? support.status)}
            data={CONTRIBUTION_STATUSES.map((s) => ({ value: s, label: t(`enums.contributionStatus.${s}`) }))}
            data-testid="contribution-status"
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Badge variant="light">{t(`enums.contributionStatus.${support.status}`)}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        {editable ? (
          <TextInput
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-testid="contribution-note"
          />
        ) : (
          support.note
        )}
      </Table.Td>
      <Table.Td>
        {editable ? (
          <Button
            size="xs"
            loading={save.isPending}
            onClick={() => save.mutate({ agencyId: support.agencyId, body: { status, note: note || null } })}
            data-testid="contribution-save"
          >
            {t("tasks.updateContribution")}
          </Button>
        ) : null}
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}
