import { Alert, Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../../common/enums";
import type { User } from "../../../../common/schemas/users";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { SearchInput } from "../../app/search-input";
import { StatusFilter, type StatusFilterValue } from "../../app/status-filter";
import { AgencySelect } from "../agencies";
import { useCurrentUser } from "../auth";
import { ResetPasswordModal } from "./reset-password-modal";
import { UserFormModal } from "./user-form-modal";
import { userHooks } from "./users-queries";
import { UsersTable, userName } from "./users-table";

type UserFilters = { q: string; agencyId: string; role: string; status: StatusFilterValue };

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const list = useListState<UserFilters>({ q: "", agencyId: "", role: "", status: "active" });
  const { data, isPending, error, refetch } = userHooks.useList(list.params);
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Stack gap="md">
      <PageHeader
        title={t("users.title")}
        actions={
          me.permissions.includes("users.create") ? (
            <Button onClick={() => setEditing("new")} data-testid="user-new">
              {t("users.new")}
            </Button>
          ) : null
        }
      />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SearchInput
          placeholder={t("users.searchPlaceholder")}
          initial={list.filters.q}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <AgencySelect
          value={list.filters.agencyId || null}
          onChange={(v) => list.setFilter("agencyId", v ?? "")}
          placeholder={t("agencies.all")}
          clearable
        />
        <Select
          value={list.filters.role || null}
          onChange={(v) => list.setFilter("role", v ?? "")}
          data={ROLES.map((r) => ({ value: r, label: t(`enums.role.${r}`) }))}
          placeholder={t("users.allRoles")}
          aria-label={t("fields.role")}
          clearable
        />
        <StatusFilter value={list.filters.status} onChange={(s) => list.setFilter("status", s)} />
      </Group>
      {notice ? (
        <Alert color="green" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 ? (
        <UsersTable users={data.data} onEdit={setEditing} onResetPassword={setResetting} />
      ) : null}
      {data ? <ListFooter {...data.page} onPage={list.setPage} /> : null}
      {editing ? (
        <UserFormModal user={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
      {resetting ? (
        <ResetPasswordModal
          user={resetting}
          name={userName(resetting)}
          onClose={() => setResetting(null)}
          onDone={() => {
            setResetting(null);
            setNotice(t("users.resetDone"));
          }}
        />
      ) : null}
    </Stack>
  );
}
