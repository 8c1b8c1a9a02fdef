import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { foldArabic, searchWords } from "../../../../common/arabic";
import type { Agency } from "../../../../common/schemas/agencies";
import { ErrorAlert } from "../../app/error-alert";
import { currentLanguage } from "../../app/i18n";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { StatusFilter, type StatusFilterValue } from "../../app/status-filter";
import { useCurrentUser } from "../auth";
import { useAgencyTree } from "./agencies-queries";
import { byAgencyName } from "./agency-name";
import { AgencyFormModal } from "./agency-form-modal";
import { AgencyTree } from "./agency-tree";
import { buildAgencyTree, filterTree, flattenTree, parentIds } from "./build-tree";

const searchText = (a: Agency) => foldArabic([a.nameAr, a.nameEn, a.code, a.reference].join(" "));

export function AgenciesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [status, setStatus] = useState<StatusFilterValue>("active");
  // A search hit opens this page with its agency's reference as `q` (search.queries.ts).
  const [address] = useSearchParams();
  const [search, setSearch] = useState(() => address.get("q") ?? "");
  // Read as every list reads a search: each word (folded, without the article) anywhere, in any order.
  const [query] = useDebouncedValue(searchWords(search).join(" "), 200);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<Agency | "new" | null>(null);
  const { data, isPending, error, refetch } = useAgencyTree(status);
  const language = currentLanguage();

  const roots = useMemo(() => {
    const tree = buildAgencyTree(data ?? [], byAgencyName(language));
    const words = query.split(" ").filter(Boolean);
    return words.length > 0
      ? filterTree(tree, (a) => words.every((word) => searchText(a).includes(word)))
      : tree;
  }, [data, query, language]);
  // While searching every branch is open, so each match shows.
  const isExpanded = (id: string) => query !== "" || !collapsed.has(id);
  const rows = flattenTree(roots, isExpanded);

  const toggle = (id: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Stack gap="md">
      <PageHeader
        title={t("agencies.title")}
        actions={
          me.permissions.includes("agencies.create") ? (
            <Button onClick={() => setEditing("new")} data-testid="agency-new">
              {t("agencies.new")}
            </Button>
          ) : null
        }
      />
      <Group justify="space-between" wrap="wrap">
        <TextInput
          placeholder={t("agencies.searchPlaceholder")}
          aria-label={t("common.search")}
          value={search}
          data-testid="agency-search"
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: "100%", sm: 320 }}
          type="search"
        />
        <Group gap="sm">
          <StatusFilter value={status} onChange={setStatus} />
          <Button variant="subtle" size="xs" onClick={() => setCollapsed(new Set())}>
            {t("agencies.expandAll")}
          </Button>
          <Button variant="subtle" size="xs" onClick={() => setCollapsed(parentIds(data ?? []))}>
            {t("agencies.collapseAll")}
          </Button>
        </Group>
      </Group>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {!isPending && rows.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {rows.length > 0 ? (
        <AgencyTree rows={rows} isExpanded={isExpanded} onToggle={toggle} onEdit={(a) => setEditing(a)} />
      ) : null}
      {editing ? (
        <AgencyFormModal agency={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}
