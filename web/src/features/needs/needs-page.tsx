import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { NEED_CATEGORIES, NEED_PRIORITIES, NEED_STATUSES } from "../../../../common/enums";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { SearchInput } from "../../app/search-input";
import { useFormat } from "../../app/use-format";
import { useCurrentUser } from "../auth";
import { useAgencyNamer, useAgencyOptions } from "../agencies";
import { NeedFormModal } from "./need-form-modal";
import { NeedStatusBadge } from "./need-labels";
import { NeedsNav } from "./needs-nav";
import { exportUrl, useNeedList } from "./needs-queries";
import { DateField } from "../../app/date-field";

type Filters = {
  q: string;
  agencyId: string;
  category: string;
  status: string;
  priority: string;
  responsibleAgencyId: string;
  from: string;
  to: string;
};

/** The register (or, with `asked`, what is asked of the user's agency), filtered, with totals and exports. */
export function NeedsPage({ asked = false }: { asked?: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const navigate = useNavigate();
  const agencies = useAgencyOptions();
  const nameOf = useAgencyNamer();
  const list = useListState<Filters>({
    q: "",
    agencyId: "",
    category: "",
    status: "",
    priority: "",
    responsibleAgencyId: "",
    from: "",
    to: "",
  });
  const filters = asked ? { ...list.filters, responsibleAgencyId: me.agencyId } : list.filters;
  const { data, isPending, error, refetch } = useNeedList({ ...list.params, ...filters });
  const [creating, setCreating] = useState(false);
  const choose = (name: keyof Filters, values: readonly string[], prefix: string | null, all: string) => (
    <NativeSelect
      aria-label={all}
      value={list.filters[name]}
      onChange={(e) => list.setFilter(name, e.currentTarget.value)}
      data={[
        { value: "", label: all },
        ...values.map((v) => ({ value: v, label: prefix ? t(`${prefix}.${v}` as "needs.title") : v })),
      ]}
      data-testid={`needs-filter-${name}`}
    />
  );
  const agencyChoice = (name: "agencyId" | "responsibleAgencyId", all: string) => (
    <NativeSelect
      aria-label={all}
      value={list.filters[name]}
      onChange={(e) => list.setFilter(name, e.currentTarget.value)}
      data={[{ value: "", label: all }, ...agencies]}
      data-testid={`needs-filter-${name}`}
    />
  );
  const totals = data?.totals;
  const n = format.number;

  return (
    <Stack gap="md">
      <PageHeader
        title={asked ? t("needs.askedOfMe") : t("needs.title")}
        actions={
          <>
            <Button
              component="a"
              variant="default"
              href={exportUrl("csv", filters)}
              data-testid="needs-export-csv"
            >
              {t("needs.exportCsv")}
            </Button>
            <Button
              component="a"
              variant="default"
              href={exportUrl("xlsx", filters)}
              data-testid="needs-export-xlsx"
            >
              {t("needs.exportXlsx")}
            </Button>
            {me.permissions.includes("needs.create") ? (
              <Button onClick={() => setCreating(true)} data-testid="need-new">
                {t("needs.new")}
              </Button>
            ) : null}
          </>
        }
      />
      <NeedsNav />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SearchInput
          placeholder={t("needs.searchPlaceholder")}
          initial={list.filters.q}
          onSearch={(q) => list.setFilter("q", q)}
        />
        {agencyChoice("agencyId", t("needs.columns.agency"))}
        {choose("category", NEED_CATEGORIES, "needs.category", t("needs.columns.category"))}
        {choose("status", NEED_STATUSES, "needs.status", t("needs.columns.status"))}
        {choose("priority", NEED_PRIORITIES, "needs.priority", t("needs.columns.priority"))}
        {asked ? null : agencyChoice("responsibleAgencyId", t("needs.columns.responsibleAgency"))}
        <DateField
          label={t("needs.from")}
          value={list.filters.from}
          onChange={(v) => list.setFilter("from", v ?? "")}
        />
        <DateField
          label={t("needs.to")}
          value={list.filters.to}
          onChange={(v) => list.setFilter("to", v ?? "")}
        />
      </Group>
      {totals ? (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t("needs.totals.countLabel")}
            </Text>
            <Text fw={700} data-testid="needs-total-count">
              <bdi>{n(totals.count)}</bdi>
            </Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t("needs.totals.quantity")}
            </Text>
            <Text fw={700} data-testid="needs-total-quantity">
              <bdi>{n(totals.quantity)}</bdi>
            </Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t("needs.totals.estimatedCost")}
            </Text>
            <Stack gap={0} data-testid="needs-total-cost">
              {totals.costs.map((c) => (
                <Text fw={700} key={c.currency}>
                  <bdi>{format.money(c.estimatedCost, c.currency)}</bdi>
                </Text>
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              {t("needs.totals.remaining")}
            </Text>
            <Stack gap={0} data-testid="needs-total-remaining">
              {totals.costs.map((c) => (
                <Text fw={700} key={c.currency}>
                  <bdi>{format.money(c.remainingValue, c.currency)}</bdi>
                </Text>
              ))}
            </Stack>
          </Paper>
        </SimpleGrid>
      ) : null}
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={960}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="needs-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("needs.columns.reference")}</Table.Th>
                <Table.Th>{t("needs.columns.title")}</Table.Th>
                <Table.Th>{t("needs.columns.agency")}</Table.Th>
                <Table.Th>{t("needs.columns.category")}</Table.Th>
                <Table.Th>{t("needs.columns.priority")}</Table.Th>
                <Table.Th>{t("needs.columns.quantity")}</Table.Th>
                <Table.Th>{t("needs.columns.estimatedCost")}</Table.Th>
                <Table.Th>{t("needs.columns.responsibleAgency")}</Table.Th>
                <Table.Th>{t("needs.columns.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((need) => (
                <Table.Tr key={need.id} data-testid="need-row">
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed">
                      <bdi>{need.reference}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/needs/${need.id}`} size="sm">
                      <bdi>{need.title}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{nameOf(need.agencyId)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`needs.category.${need.category}`)}</Table.Td>
                  <Table.Td>{t(`needs.priority.${need.priority}`)}</Table.Td>
                  <Table.Td>
                    <bdi>
                      {n(need.quantity)} {need.unit}
                    </bdi>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{format.money(need.estimatedCost, need.currency)}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{nameOf(need.responsibleAgencyId)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td miw={120}>
                    <NeedStatusBadge status={need.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? <ListFooter {...data.page} onPage={list.setPage} /> : null}
      {creating ? (
        <NeedFormModal onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/needs/${id}`)} />
      ) : null}
    </Stack>
  );
}

export function AskedOfMePage() {
  return <NeedsPage asked />;
}
