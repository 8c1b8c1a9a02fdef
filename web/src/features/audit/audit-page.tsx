import { Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { endOfZonedDay, startOfZonedDay } from "../../../../common/dates";
import { LIMITS } from "../../../../common/limits";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useCurrentUser } from "../auth";
import { AuditFilters, NO_AUDIT_FILTERS, type AuditFilterValues } from "./audit-filters";
import { useAuditEvents } from "./audit-queries";
import { AuditTable } from "./audit-table";

/** Filter values as the API takes them: days in Tripoli become an inclusive range of instants. */
function toParams(filters: AuditFilterValues, page: number) {
  return {
    entity: filters.entity,
    action: filters.action,
    actorId: filters.actorId,
    from: startOfZonedDay(filters.from)?.toISOString(),
    to: endOfZonedDay(filters.to)?.toISOString(),
    page,
    pageSize: LIMITS.pageSizeDefault,
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTERS);
  const [page, setPage] = useState(1);
  const { data, isPending, error, refetch } = useAuditEvents(toParams(filters, page));

  const onChange = (name: keyof AuditFilterValues, value: string) => {
    setFilters((f) => ({ ...f, [name]: value }));
    setPage(1);
  };

  return (
    <Stack gap="md">
      <PageHeader title={t("audit.title")} />
      <AuditFilters
        values={filters}
        onChange={onChange}
        onClear={() => {
          setFilters(NO_AUDIT_FILTERS);
          setPage(1);
        }}
        canListUsers={me.modules.includes("users")}
      />
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 ? <AuditTable events={data.data} /> : null}
      {data ? <ListFooter {...data.page} onPage={setPage} /> : null}
    </Stack>
  );
}
