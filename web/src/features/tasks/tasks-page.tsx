import {
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from "../../../../common/enums";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { SearchInput } from "../../app/search-input";
import { AgencySelect } from "../agencies";
import { useCurrentUser } from "../auth";
import { TaskFormModal } from "./task-form-modal";
import { TaskTable } from "./task-table";
import { useBoard, useTasks } from "./tasks-queries";

const PAGE_SIZE = 25;
const SCOPES = ["lead", "support", "overdue", "dueSoon", "all"] as const;
type Scope = (typeof SCOPES)[number];
const SORTS = ["dueOn", "priority", "updatedAt", "title", "progress"] as const;
type Sort = (typeof SORTS)[number];

/** The agency board (what we lead / support, by status), the due lists per agency or region-wide, and a filtered list. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // The list's filters and page are in the address (Back from a task opens the list as it was left). A dashboard
  // figure opens it with its own: ?agencyId=…&role=lead&due=overdue.
  const list = useListState(
    {
      agencyId: me.agencyId ?? "",
      scope: "",
      region: "",
      status: "",
      priority: "",
      sort: "dueOn",
      q: "",
      due: "",
      role: "",
    },
    PAGE_SIZE,
  );
  const { filters } = list;
  const agencyId = filters.agencyId || null;
  const linkedDue = filters.due;
  const scope: Scope = SCOPES.includes(filters.scope as Scope)
    ? (filters.scope as Scope)
    : linkedDue === "overdue" || linkedDue === "dueSoon"
      ? linkedDue
      : "lead";
  const leadOnly = filters.role === "lead";
  const regionWide = filters.region === "1";
  const status = (filters.status || null) as TaskStatus | "open" | null;
  const priority = (filters.priority || null) as TaskPriority | null;
  const sort = (SORTS.includes(filters.sort as Sort) ? filters.sort : "dueOn") as Sort;
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
    q: filters.q,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  // Choosing a scope leaves the dashboard's own (due, role) behind.
  const chooseScope = (next: Scope, more: Partial<typeof filters> = {}) =>
    list.setFilters({ scope: next, ...more }, ["due", "role"]);

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
      <AgencySelect
        value={agencyId}
        onChange={(v) => list.setFilter("agencyId", v ?? "")}
        label={t("fields.agencyId")}
      />
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
                    // The two cards hold the same statuses: each button's name says which card it is in.
                    aria-label={t("tasks.boardButton", {
                      side: t(side === "lead" ? "tasks.weLead" : "tasks.weSupport"),
                      status: t(`enums.taskStatus.${s}`),
                      n: board.data[side][s],
                    })}
                    onClick={() => {
                      chooseScope(side, { status: s });
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
      {/* Tabs wrap onto a second line on a phone: every scope in sight, the active one marked where it is. */}
      <Tabs value={scope} onChange={(v) => (v ? chooseScope(v as Scope) : undefined)}>
        <Tabs.List aria-label={t("tasks.scopeLabel")} data-testid="task-scope">
          <Tabs.Tab value="lead">{t("tasks.weLead")}</Tabs.Tab>
          <Tabs.Tab value="support">{t("tasks.weSupport")}</Tabs.Tab>
          <Tabs.Tab value="overdue">{t("tasks.overdueList")}</Tabs.Tab>
          <Tabs.Tab value="dueSoon">{t("tasks.dueSoonList")}</Tabs.Tab>
          <Tabs.Tab value="all">{t("tasks.scopeAll")}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {scope === "overdue" || scope === "dueSoon" ? (
        <Group>
          <SegmentedControl
            value={regionWide ? "region" : "agency"}
            onChange={(v) => list.setFilter("region", v === "region" ? "1" : "")}
            aria-label={t("tasks.dueListOf")}
            data={[
              { value: "agency", label: t("tasks.thisAgency") },
              { value: "region", label: t("tasks.everyAgency") },
            ]}
          />
        </Group>
      ) : null}
      <Group>
        <SearchInput
          placeholder={t("common.search")}
          initial={filters.q}
          onSearch={(v) => list.setFilter("q", v)}
        />
        <Select
          placeholder={t("tasks.allStatuses")}
          clearable
          value={status}
          onChange={(v) => list.setFilter("status", v ?? "")}
          data={[
            { value: "open", label: t("tasks.openOnly") },
            ...TASK_STATUSES.map((s) => ({ value: s, label: t(`enums.taskStatus.${s}`) })),
          ]}
        />
        <Select
          placeholder={t("fields.priority")}
          clearable
          value={priority}
          onChange={(v) => list.setFilter("priority", v ?? "")}
          data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(`enums.priority.${p}`) }))}
        />
        <Select
          label={t("tasks.sortBy")}
          value={sort}
          onChange={(v) => list.setFilter("sort", v ?? "dueOn")}
          data={SORTS.map((s) => ({
            value: s,
            label: t(`tasks.sort.${s}`),
          }))}
        />
      </Group>
      <TaskTable tasks={data?.data ?? []} />
      <ListFooter page={list.page} pageSize={PAGE_SIZE} total={data?.page.total ?? 0} onPage={list.setPage} />
      <TaskFormModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
