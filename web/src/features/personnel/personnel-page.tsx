import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Person } from "../../../../common/schemas/personnel";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { SearchInput } from "../../app/search-input";
import { StatusFilter, type StatusFilterValue } from "../../app/status-filter";
import { AgencySelect } from "../agencies";
import { useCurrentUser } from "../auth";
import { PersonFormModal } from "./person-form-modal";
import { personnelHooks } from "./personnel-queries";
import { PersonnelTable } from "./personnel-table";

type PersonnelFilters = { q: string; agencyId: string; status: StatusFilterValue };

export function PersonnelPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const list = useListState<PersonnelFilters>({ q: "", agencyId: "", status: "active" });
  const { data, isPending, error, refetch } = personnelHooks.useList(list.params);
  const [editing, setEditing] = useState<Person | "new" | null>(null);

  return (
    <Stack gap="md">
      <PageHeader
        title={t("personnel.title")}
        actions={
          me.permissions.includes("personnel.create") ? (
            <Button onClick={() => setEditing("new")} data-testid="person-new">
              {t("personnel.new")}
            </Button>
          ) : null
        }
      />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SearchInput
          placeholder={t("personnel.searchPlaceholder")}
          initial={list.filters.q}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <AgencySelect
          value={list.filters.agencyId || null}
          onChange={(v) => list.setFilter("agencyId", v ?? "")}
          placeholder={t("agencies.all")}
          clearable
        />
        <StatusFilter value={list.filters.status} onChange={(s) => list.setFilter("status", s)} />
      </Group>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 ? <PersonnelTable personnel={data.data} onEdit={setEditing} /> : null}
      {data ? <ListFooter {...data.page} onPage={list.setPage} /> : null}
      {editing ? (
        <PersonFormModal person={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}
