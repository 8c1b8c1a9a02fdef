import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DISTRICTS } from "../../../../common/districts";
import { districtName } from "../../app/district-name";
import { COMMUNITY_STATUSES, type CommunityStatus } from "../../../../common/enums";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { useCommunityReports } from "./community-queries";

export const STATUS_COLOURS: Record<CommunityStatus, string> = {
  new: "red",
  assigned: "blue",
  converted: "grape",
  closed: "gray",
};

export function CommunityStatusBadge({ status }: { status: CommunityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOURS[status]} miw="max-content" data-testid="community-status">
      {t(`enums.communityStatus.${status}`)}
    </Badge>
  );
}

export const districtLabel = (pcode: string) => districtName(pcode) || pcode;

/** The inbox: reports of the user's districts (or all, for leadership), newest first, by status and district. */
export function CommunityInboxPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListState({ status: "", district: "" });
  const { data, isPending, error, refetch } = useCommunityReports(
    Object.fromEntries(Object.entries(list.params).filter(([, v]) => v !== "")),
  );
  return (
    <Stack gap="md">
      <PageHeader title={t("community.title")} />
      <Group gap="sm" wrap="wrap">
        <NativeSelect
          aria-label={t("fields.status")}
          value={list.filters.status}
          onChange={(e) => list.setFilter("status", e.currentTarget.value)}
          data={[
            { value: "", label: t("community.allStatuses") },
            ...COMMUNITY_STATUSES.map((s) => ({ value: s, label: t(`enums.communityStatus.${s}`) })),
          ]}
        />
        <NativeSelect
          aria-label={t("fields.districtPcode")}
          value={list.filters.district}
          onChange={(e) => list.setFilter("district", e.currentTarget.value)}
          data={[
            { value: "", label: t("community.allDistricts") },
            ...DISTRICTS.map((d) => ({ value: d.pcode, label: districtLabel(d.pcode) })),
          ]}
        />
      </Group>
      {isPending ? <PageLoader /> : null}
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("community.empty")}</Text> : null}
      {data && data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("community.reference")}</Table.Th>
                <Table.Th>{t("fields.category")}</Table.Th>
                <Table.Th>{t("community.where")}</Table.Th>
                <Table.Th>{t("community.received")}</Table.Th>
                <Table.Th>{t("fields.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((r) => (
                <Table.Tr key={r.id} data-testid="community-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/community/${r.id}`}>
                      <bdi>{r.reference}</bdi>
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`enums.communityCategory.${r.category}`)}</Table.Td>
                  <Table.Td>{districtLabel(r.districtPcode)}</Table.Td>
                  <Table.Td>
                    <bdi>{format.dateTime(r.createdAt)}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <CommunityStatusBadge status={r.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? (
        <ListFooter
          page={list.page}
          pageSize={data.page.pageSize}
          total={data.page.total}
          onPage={list.setPage}
        />
      ) : null}
    </Stack>
  );
}
