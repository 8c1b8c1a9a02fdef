import { Anchor, Badge, Button, Group, Progress, Select, Stack, Table } from "@mantine/core";
import { useState } from "react";
import { useListState } from "../../app/list-state";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PLAN_STATUSES, type PlanStatus } from "../../../../common/enums";
import { currentLanguage } from "../../app/i18n";
import { ListFooter } from "../../app/list-footer";
import { PageHeader } from "../../app/page-header";
import { SearchInput } from "../../app/search-input";
import { agencyName, useAgencyLookup } from "../agencies";
import { useCurrentUser } from "../auth";
import { titleIn } from "../tasks/task-title";
import { PlanFormModal } from "./plan-form-modal";
import { usePlans } from "./plans-queries";

const PAGE_SIZE = 25;

export function PlansPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const language = currentLanguage();
  const agencies = useAgencyLookup();
  const list = useListState({ q: "", status: "" }, PAGE_SIZE);
  const { q, status } = list.filters;
  const [creating, setCreating] = useState(false);
  const { data } = usePlans({
    q,
    status: (status || null) as PlanStatus | null,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const mayCreate = me.permissions.includes("plans.create");

  return (
    <Stack>
      <PageHeader
        title={t("plans.title")}
        actions={
          <>
            <Button component={Link} to="/plans/overview" variant="default">
              {t("nav.overview")}
            </Button>
            {mayCreate ? (
              <Button onClick={() => setCreating(true)} data-testid="plan-new">
                {t("plans.new")}
              </Button>
            ) : null}
          </>
        }
      />
      <Group>
        <SearchInput placeholder={t("common.search")} initial={q} onSearch={(v) => list.setFilter("q", v)} />
        <Select
          placeholder={t("tasks.allStatuses")}
          clearable
          value={status || null}
          onChange={(v) => list.setFilter("status", v ?? "")}
          data={PLAN_STATUSES.map((s) => ({ value: s, label: t(`enums.planStatus.${s}`) }))}
        />
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("common.reference")}</Table.Th>
              <Table.Th>{t("fields.title")}</Table.Th>
              <Table.Th>{t("plans.owner")}</Table.Th>
              <Table.Th>{t("plans.period")}</Table.Th>
              <Table.Th>{t("fields.status")}</Table.Th>
              <Table.Th>{t("plans.progress")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <bdi>{p.reference}</bdi>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/plans/${p.id}`} data-testid="plan-link">
                    {titleIn(p, language)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {agencies.get(p.agencyId) ? agencyName(agencies.get(p.agencyId)!, language) : ""}
                </Table.Td>
                <Table.Td>
                  <bdi>
                    {p.startsOn} – {p.endsOn}
                  </bdi>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`enums.planStatus.${p.status}`)}</Badge>
                </Table.Td>
                <Table.Td miw={140}>
                  <Progress value={p.progress} /> <bdi>{p.progress}%</bdi>
                  {p.overdueCount ? (
                    <Badge color="red" ms="xs">
                      {t("plans.overdue")}: {p.overdueCount}
                    </Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListFooter page={list.page} pageSize={PAGE_SIZE} total={data?.page.total ?? 0} onPage={list.setPage} />
      {creating ? <PlanFormModal plan={null} onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
