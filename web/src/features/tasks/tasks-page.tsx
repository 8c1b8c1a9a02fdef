import { Button, Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from "../../../../common/enums";
import { ListFooter } from "../../app/list-footer";
import { PageHeader } from "../../app/page-header";
import { SearchInput } from "../../app/search-input";
import { AgencySelect } from "../agencies";
import { useCurrentUser } from "../auth";
import { TaskFormModal } from "./task-form-modal";
import { TaskTable } from "./task-table";
import { useBoard, useTasks } from "./tasks-queries";

const PAGE_SIZE = 25;
type Scope = "lead" | "support" | "overdue" | "dueSoon" | "all";

/** The agency board (what we lead / support, by status), the due lists per agency or region-wide, and a filtered list. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // A dashboard figure opens this list with its filters: ?agencyId=…&role=lead&due=overdue.
  const [search] = useSearchParams();
  const linkedDue = search.get("due");
  const [agencyId, setAgencyId] = useState<string | null>(search.get("agencyId") ?? me.agencyId);
  const [scope, setScope] = useState<Scope>(
    linkedDue === "overdue" || linkedDue === "dueSoon" ? linkedDue : "lead",
  );
  const leadOnly = search.get("role") === "lead";
  const [regionWide, setRegionWide] = useState(false);
  const [status, setStatus] = useState<TaskStatus | "open" | null>(null);
  const [priority, setPriority] = useState<TaskPriority | null>(null);
  const [sort, setSort] = useState<"dueOn" | "priority" | "updatedAt" | "title" | "progress">("dueOn");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const board = useBoard(agencyId);
  const agencyScoped = !(regionWide && (scope === "overdue" || scope === "dueSoon")) && scope !== "all";
  const { data } = useTasks({
    agencyId: agencyScoped ? agencyId : null,
    role: scope === "lead" || scope === "support" ? scope : leadOnly && scope !== "all" ? "lead" : "any",
    due: scope === "overdue" || scope === "dueSoon" ? scope : null,
    status,
    priority,
    sort,
    dir: sort === "dueOn" || sort === "title" ? "asc" : "desc",
    q,
    page,
    pageSize: PAGE_SIZE,
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <Stack>
      <PageHeader
        title={t("tasks.boardTitle")}
        actions={
          me.permissions.includes("tasks.create") ? (
            <Button onClick={() => setCreating(true)} data-testid="task-new">
              {t("tasks.new")}
            </Button>
          ) : null
        }
      />
      <AgencySelect value={agencyId} onChange={reset(setAgencyId)} label={t("fields.agencyId")} />
      {board.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {(["lead", "support"] as const).map((side) => (
            <Card withBorder key={side} data-testid={`board-${side}`}>
              <Title order={4}>{t(side === "lead" ? "tasks.weLead" : "tasks.weSupport")}</Title>
              <Group mt="xs">
                {TASK_STATUSES.map((s) => (
                  <Button
                    key={s}
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => {
                      setScope(side);
                      setStatus(s);
                      setPage(1);
                    }}
                  >
                    {t(`enums.taskStatus.${s}`)}: <bdi>{board.data[side][s]}</bdi>
                  </Button>
                ))}
              </Group>
            </Card>
          ))}
          <Card withBorder>
            <Text c="red" fw={700}>
              {t("tasks.overdueList")}: <bdi>{board.data.overdue}</bdi>
            </Text>
          </Card>
          <Card withBorder>
            <Text c="orange" fw={700}>
              {t("tasks.dueSoonList")}: <bdi>{board.data.dueSoon}</bdi>
            </Text>
          </Card>
        </SimpleGrid>
      ) : null}
      <Group>
        <SegmentedControl
          value={scope}
          onChange={(v) => reset(setScope)(v as Scope)}
          data={[
            { value: "lead", label: t("tasks.weLead") },
            { value: "support", label: t("tasks.weSupport") },
            { value: "overdue", label: t("tasks.overdueList") },
            { value: "dueSoon", label: t("tasks.dueSoonList") },
            { value: "all", label: t("tasks.regionWide") },
          ]}
        />
        {scope === "overdue" || scope === "dueSoon" ? (
          <SegmentedControl
            value={regionWide ? "region" : "agency"}
            onChange={(v) => reset(setRegionWide)(v === "region")}
            data={[
              { value: "agency", label: t("tasks.ourAgency") },
              { value: "region", label: t("tasks.regionWide") },
            ]}
          />
        ) : null}
      </Group>
      <Group>
        <SearchInput placeholder={t("common.search")} onSearch={reset(setQ)} />
        <Select
          placeholder={t("tasks.allStatuses")}
          clearable
          value={status}
          onChange={(v) => reset(setStatus)(v as TaskStatus | "open" | null)}
          data={[
            { value: "open", label: t("tasks.openOnly") },
            ...TASK_STATUSES.map((s) => ({ value: s, label: t(`enums.taskStatus.${s}`) })),
          ]}
        />
        <Select
          placeholder={t("fields.priority")}
          clearable
          value={priority}
          onChange={(v) => reset(setPriority)(v as TaskPriority | null)}
          data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`enums.priority.${p}`) }))}
        />
        <Select
          label={t("tasks.sortBy")}
          value={sort}
          onChange={(v) => reset(setSort)((v as typeof sort | null) ?? "dueOn")}
          data={(["dueOn", "priority", "updatedAt", "title", "progress"] as const).map((s) => ({
            value: s,
            label: t(`tasks.sort.${s}`),
          }))}
        />
      </Group>
      <TaskTable tasks={data?.data ?? []} />
      <ListFooter page={page} pageSize={PAGE_SIZE} total={data?.page.total ?? 0} onPage={setPage} />
      <TaskFormModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
