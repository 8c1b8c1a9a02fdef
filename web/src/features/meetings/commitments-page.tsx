import {
  Anchor,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { COMMITMENT_STATUSES } from "../../../../common/enums";
import { ErrorAlert } from "../../app/error-alert";
import { ListFooter } from "../../app/list-footer";
import { useListState } from "../../app/list-state";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { SearchInput } from "../../app/search-input";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer, useAgencyOptions } from "../agencies";
import { useCurrentUser } from "../auth";
import { CommitmentActions, CommitmentLinks } from "./commitment-actions";
import { CommitmentOwner } from "./meeting-commitments";
import { CommitmentStatusBadge, meetingTitle, OverdueBadge } from "./meeting-labels";
import { MeetingsNav } from "./meetings-nav";
import { useCommitmentList, useDueCounts, type DueCount } from "./meetings-queries";

type Due = "overdue" | "dueSoon" | "all";
type Filters = { q: string; due: Due; ownerAgencyId: string; agencyId: string; status: string };

/**
 * The commitments follow-up: what is overdue or due within 7 days, region-wide or for one owner agency, with
 * the figures per owner agency; status steps inline where the server allows them.
 */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const agencies = useAgencyOptions();
  const list = useListState<Filters>({ q: "", due: "overdue", ownerAgencyId: "", agencyId: "", status: "" });
  const f = list.filters;
  const { data, isPending, error, refetch } = useCommitmentList({
    ...list.params,
    due: f.due === "all" ? undefined : f.due,
    // Due lists are about commitments still to keep; "all" shows every status unless one is chosen.
    status: f.due === "all" ? f.status || undefined : undefined,
    sort: "dueOn",
    dir: "asc",
  });
  const counts = useDueCounts();

  return (
    <Stack gap="md">
      <PageHeader title={t("meetings.commitmentsTitle")} />
      <MeetingsNav />
      <DueCounts
        rows={counts.data ?? []}
        selected={f.ownerAgencyId}
        onSelect={(id) => list.setFilter("ownerAgencyId", id)}
      />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={f.due}
          onChange={(v) => list.setFilter("due", v as Due)}
          data={[
            { value: "overdue", label: t("meetingPages.dueOverdue") },
            { value: "dueSoon", label: t("meetingPages.dueSoon") },
            { value: "all", label: t("meetingPages.dueAll") },
          ]}
          data-testid="followup-due"
        />
        <SegmentedControl
          value={f.ownerAgencyId === me.agencyId ? "mine" : f.ownerAgencyId === "" ? "region" : "other"}
          onChange={(v) => list.setFilter("ownerAgencyId", v === "mine" ? me.agencyId : "")}
          data={[
            { value: "region", label: t("meetingPages.regionWide") },
            { value: "mine", label: t("meetingPages.myAgency") },
            ...(f.ownerAgencyId !== "" && f.ownerAgencyId !== me.agencyId
              ? [{ value: "other", label: t("meetingPages.oneAgency") }]
              : []),
          ]}
          data-testid="followup-scope"
        />
        <NativeSelect
          aria-label={t("meetingPages.fields.ownerAgency")}
          value={f.ownerAgencyId}
          onChange={(e) => list.setFilter("ownerAgencyId", e.currentTarget.value)}
          data={[{ value: "", label: t("meetingPages.allOwners") }, ...agencies]}
          data-testid="followup-owner"
        />
        <NativeSelect
          aria-label={t("meetingPages.meetingAgency")}
          value={f.agencyId}
          onChange={(e) => list.setFilter("agencyId", e.currentTarget.value)}
          data={[{ value: "", label: t("meetingPages.allMeetingAgencies") }, ...agencies]}
        />
        {f.due === "all" ? (
          <NativeSelect
            aria-label={t("meetings.columns.status")}
            value={f.status}
            onChange={(e) => list.setFilter("status", e.currentTarget.value)}
            data={[
              { value: "", label: t("meetingPages.allStatuses") },
              { value: "open_any", label: t("meetingPages.stillOpen") },
              ...COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`enums.commitmentStatus.${s}`) })),
            ]}
          />
        ) : null}
        <SearchInput
          placeholder={t("meetingPages.searchCommitments")}
          initial={list.filters.q}
          onSearch={(q) => list.setFilter("q", q)}
        />
      </Group>
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.data.length === 0 ? <Text c="dimmed">{t("common.noResults")}</Text> : null}
      {data && data.data.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" data-testid="followup-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("meetings.columns.reference")}</Table.Th>
                <Table.Th>{t("meetingPages.fields.commitment")}</Table.Th>
                <Table.Th>{t("meetings.columns.owner")}</Table.Th>
                <Table.Th>{t("meetings.columns.dueOn")}</Table.Th>
                <Table.Th>{t("meetings.columns.status")}</Table.Th>
                <Table.Th>{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((c) => (
                <Table.Tr key={c.id} data-testid="followup-row" data-overdue={c.isOverdue ? "yes" : "no"}>
                  <Table.Td>
                    <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                      <bdi>{c.reference}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td maw={420}>
                    <Text size="sm">{c.text}</Text>
                    {c.meeting ? (
                      <Anchor component={Link} to={`/meetings/${c.meeting.id}`} size="xs">
                        <bdi>{meetingTitle(c.meeting, format.prefs.language)}</bdi> —{" "}
                        <bdi>{format.date(c.meeting.startsAt)}</bdi>
                      </Anchor>
                    ) : null}
                    <CommitmentLinks commitment={c} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <CommitmentOwner commitment={c} />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={c.isOverdue ? "red" : undefined} fw={c.isOverdue ? 700 : undefined}>
                      <bdi>{c.dueOn ? format.date(c.dueOn) : "—"}</bdi>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <CommitmentStatusBadge status={c.status} testId="commitment-status" />
                      {c.isOverdue ? <OverdueBadge /> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <CommitmentActions commitment={c} />
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

/** Open, overdue and due-soon commitments per owner agency, region-wide total first; a row filters the list. */
function DueCounts({
  rows,
  selected,
  onSelect,
}: {
  rows: DueCount[];
  selected: string;
  onSelect: (ownerAgencyId: string) => void;
}) {
  const { t } = useTranslation();
  const { number: n } = useFormat();
  const nameOf = useAgencyNamer();
  if (rows.length === 0) return null;
  const total = rows.reduce(
    (sum, r) => ({
      open: sum.open + r.open,
      overdue: sum.overdue + r.overdue,
      dueSoon: sum.dueSoon + r.dueSoon,
    }),
    { open: 0, overdue: 0, dueSoon: 0 },
  );
  const sorted = [...rows].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
  /** `id` "" is the region-wide row; null is "no owner agency", which the list cannot filter on. */
  const line = (label: string, r: Omit<DueCount, "ownerAgencyId">, id: string | null, testId: string) => (
    <Table.Tr key={id ?? "none"} bg={selected === id ? "var(--mantine-primary-color-light)" : undefined}>
      <Table.Td>
        {id === null ? (
          <Text size="sm">{label}</Text>
        ) : (
          <UnstyledButton onClick={() => onSelect(id)} data-testid={testId}>
            <Text size="sm" fw={id === "" ? 700 : undefined} c="var(--mantine-primary-color-filled)">
              <bdi>{label}</bdi>
            </Text>
          </UnstyledButton>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={r.overdue > 0 ? "red" : undefined} fw={700}>
          <bdi>{n(r.overdue)}</bdi>
        </Text>
      </Table.Td>
      <Table.Td>
        <bdi>{n(r.dueSoon)}</bdi>
      </Table.Td>
      <Table.Td>
        <bdi>{n(r.open)}</bdi>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t("meetingPages.perOwner")}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={4} data-testid="followup-counts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("meetingPages.fields.ownerAgency")}</Table.Th>
              <Table.Th>{t("meetingPages.dueOverdue")}</Table.Th>
              <Table.Th>{t("meetingPages.dueSoon")}</Table.Th>
              <Table.Th>{t("meetingPages.stillOpen")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {line(t("meetingPages.regionWide"), total, "", "followup-count-region")}
            {sorted.map((r) =>
              line(
                r.ownerAgencyId ? nameOf(r.ownerAgencyId) : t("meetingPages.noOwnerAgency"),
                r,
                r.ownerAgencyId,
                "followup-count",
              ),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
