import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { SearchInput } from "../../app/search-input";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer, useAgencyOptions } from "../agencies";
import { useCurrentUser } from "../auth";
import { districtName, districtOptions, meetingTitle, Parts } from "./meeting-labels";
import { placeParts } from "./meeting-view";
import { MeetingsNav } from "./meetings-nav";
import { meetingUrls, useMeetingList } from "./meetings-queries";
import { DateField } from "../../app/date-field";

type Filters = { q: string; agencyId: string; districtPcode: string; from: string; to: string };

/** Meetings the user may see: search, agency, district and period filters, newest first, paged. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const language = format.prefs.language;
  const agencies = useAgencyOptions();
  const nameOf = useAgencyNamer();
  const list = useListState<Filters>({ q: "", agencyId: "", districtPcode: "", from: "", to: "" });
  const { data, isPending, error, refetch } = useMeetingList(list.params);

  return (
    <Stack gap="md">
      <PageHeader
        title={t("meetings.title")}
        actions={
          <>
            <Button
              component="a"
              variant="default"
              href={meetingUrls.calendarIcs({ from: list.filters.from, to: list.filters.to })}
              data-testid="meetings-ics"
            >
              {t("meetingPages.calendarFeed")}
            </Button>
            {me.permissions.includes("meetings.create") ? (
              <Button component={Link} to="/meetings/new" data-testid="meeting-new">
                {t("meetingPages.new")}
              </Button>
            ) : null}
          </>
        }
      />
      <MeetingsNav />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SearchInput
          placeholder={t("meetingPages.searchPlaceholder")}
          initial={list.filters.q}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <NativeSelect
          aria-label={t("meetings.agency")}
          value={list.filters.agencyId}
          onChange={(e) => list.setFilter("agencyId", e.currentTarget.value)}
          data={[{ value: "", label: t("meetingPages.allAgencies") }, ...agencies]}
          data-testid="meetings-filter-agency"
        />
        <NativeSelect
          aria-label={t("meetingPages.fields.district")}
          value={list.filters.districtPcode}
          onChange={(e) => list.setFilter("districtPcode", e.currentTarget.value)}
          data={[{ value: "", label: t("meetingPages.allDistricts") }, ...districtOptions(language)]}
        />
        <DateField
          label={t("needs.from")}
          value={list.filters.from}
          onChange={(v) => list.setFilter("from", v ?? "")}
          data-testid="meetings-filter-from"
        />
        <DateField
          label={t("needs.to")}
          value={list.filters.to}
          onChange={(v) => list.setFilter("to", v ?? "")}
          data-testid="meetings-filter-to"
        />
      </Group>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={820}>
          <Table highlightOnHover verticalSpacing="xs" data-testid="meetings-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("meetings.reference")}</Table.Th>
                <Table.Th>{t("meetings.meetingTitle")}</Table.Th>
                <Table.Th>{t("meetings.date")}</Table.Th>
                <Table.Th>{t("meetings.place")}</Table.Th>
                <Table.Th>{t("meetings.host")}</Table.Th>
                <Table.Th>{t("meetings.agency")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((m) => (
                <Table.Tr key={m.id} data-testid="meeting-row">
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                      <bdi>{m.reference}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/meetings/${m.id}`} size="sm">
                        <bdi>{meetingTitle(m, language)}</bdi>
                      </Anchor>
                      {m.sensitivity === "restricted" ? (
                        <Badge size="xs" color="red" variant="light">
                          {t("enums.sensitivity.restricted")}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{format.dateTime(m.startsAt)}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <Parts parts={placeParts(districtName(m.districtPcode, language), m.placeText)} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{m.hostName ?? (m.hostAgencyId ? nameOf(m.hostAgencyId) : "—")}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <bdi>{nameOf(m.agencyId)}</bdi>
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? <ListFooter {...data.page} onPage={list.setPage} /> : null}
    </Stack>
  );
}
