import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { HONOUR_KINDS } from "../../../../common/enums";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { SearchInput } from "../../app/search-input";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer, useAgencyOptions } from "../agencies";
import { useCurrentUser } from "../auth";
import { HonourFormModal } from "./honour-form-modal";
import { CertificateButton, recipientLine } from "./meeting-honours";
import { MeetingsNav } from "./meetings-nav";
import { useHonourList } from "./meetings-queries";
import { DateField } from "../../app/date-field";

type Filters = {
  q: string;
  kind: string;
  recipientAgencyId: string;
  agencyId: string;
  from: string;
  to: string;
};

/** The honours register: shields, certificates and medals given, with filters and a certificate per honour. */
export function HonoursPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const agencies = useAgencyOptions();
  const nameOf = useAgencyNamer();
  const [creating, setCreating] = useState(false);
  const list = useListState<Filters>({
    q: "",
    kind: "",
    recipientAgencyId: "",
    agencyId: "",
    from: "",
    to: "",
  });
  const { data, isPending, error, refetch } = useHonourList(list.params);
  const agencyFilter = (name: "recipientAgencyId" | "agencyId", all: string) => (
    <NativeSelect
      aria-label={all}
      value={list.filters[name]}
      onChange={(e) => list.setFilter(name, e.currentTarget.value)}
      data={[{ value: "", label: all }, ...agencies]}
      data-testid={`honours-filter-${name}`}
    />
  );
  return (
    <Stack gap="md">
      <PageHeader
        title={t("meetings.honoursTitle")}
        actions={
          me.permissions.includes("honours.create") ? (
            <Button onClick={() => setCreating(true)} data-testid="honour-create">
              {t("meetingPages.newHonour")}
            </Button>
          ) : null
        }
      />
      <MeetingsNav />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SearchInput
          placeholder={t("meetingPages.searchHonours")}
          initial={list.filters.q}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <NativeSelect
          aria-label={t("meetings.columns.kind")}
          value={list.filters.kind}
          onChange={(e) => list.setFilter("kind", e.currentTarget.value)}
          data={[
            { value: "", label: t("meetingPages.allKinds") },
            ...HONOUR_KINDS.map((k) => ({ value: k, label: t(`enums.honourKind.${k}`) })),
          ]}
          data-testid="honours-filter-kind"
        />
        {agencyFilter("recipientAgencyId", t("meetingPages.allRecipientAgencies"))}
        {agencyFilter("agencyId", t("meetingPages.allRecordingAgencies"))}
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
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="honours-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("meetings.columns.reference")}</Table.Th>
                <Table.Th>{t("meetings.columns.awardedOn")}</Table.Th>
                <Table.Th>{t("meetings.columns.kind")}</Table.Th>
                <Table.Th>{t("meetingPages.fields.honourTitle")}</Table.Th>
                <Table.Th>{t("meetings.columns.recipient")}</Table.Th>
                <Table.Th>{t("meetings.columns.giver")}</Table.Th>
                <Table.Th>{t("meetings.meeting")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((h) => (
                <Table.Tr key={h.id} data-testid="honour-row">
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                      <bdi>{h.reference}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                      <bdi>{format.date(h.awardedOn)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="teal" miw="max-content">
                      {t(`enums.honourKind.${h.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td maw={320}>
                    <Text size="sm">
                      <bdi>{h.title}</bdi>
                    </Text>
                    {h.reason ? (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {h.reason}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{recipientLine(h)}</bdi>
                    </Text>
                    {h.recipientAgencyId ? (
                      <Text size="xs" c="dimmed">
                        <bdi>{nameOf(h.recipientAgencyId)}</bdi>
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{h.giverName ?? (h.giverAgencyId ? nameOf(h.giverAgencyId) : "—")}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {h.meetingId ? (
                      <Anchor component={Link} to={`/meetings/${h.meetingId}`} size="sm">
                        {t("meetingPages.openMeeting")}
                      </Anchor>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  <Table.Td>
                    <CertificateButton honour={h} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? <ListFooter {...data.page} onPage={list.setPage} /> : null}
      {creating ? <HonourFormModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
