import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LIST_PAGES, type ListLink } from "../../../../common/schemas/dashboard";
import type { Home, HomeGroup, HomeItem } from "../../../../common/schemas/home";
import { api, type One } from "../../app/api-client";
import { ErrorAlert } from "../../app/error-alert";
import { currentLanguage } from "../../app/i18n";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";

/** Refetched when a change the live stream announces touches what it counts (live-queries.ts). */
const useHome = () =>
  useQuery({
    queryKey: ["home"],
    queryFn: () => api.get<One<Home>>("/api/v1/home").then((r) => r.data),
  });

/** The list a group comes from, with the same filters: its total is the group's count. */
const hrefOf = (link: ListLink, extra: Record<string, string> = {}) =>
  `${LIST_PAGES[link.list]}?${new URLSearchParams({ ...link.query, ...extra })}`;

/** The page of one record of a group (a commitment's is its meeting's; a border report's, its day in the list). */
function recordHref(group: HomeGroup, item: HomeItem): string {
  switch (group.kind) {
    case "overdueTasks":
      return `/tasks/${item.id}`;
    case "needDecisions":
      return `/needs/${item.id}`;
    case "overdueCommitments":
    case "commitmentsDueSoon":
      return item.meetingId ? `/meetings/${item.meetingId}` : hrefOf(group.link, { q: item.reference });
    case "borderApprovals":
      // The crossing's waiting reports (the border page has no date filter to show or clear a narrower one).
      return hrefOf(group.link);
  }
}

/** What needs the reader's attention today: each group with its first records and the filtered list it counts. */
export function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, error, isPending, refetch } = useHome();
  return (
    <Stack gap="md">
      <PageHeader title={t("home.title")} />
      {data ? (
        <Text c="dimmed" data-testid="home-today">
          {t("home.today")} <bdi>{format.date(data.today)}</bdi>
        </Text>
      ) : null}
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data && data.groups.length === 0 ? (
        <Card withBorder data-testid="home-empty">
          <Text>{t("home.empty")}</Text>
        </Card>
      ) : null}
      {data && data.groups.length > 0 ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="home-groups">
          {data.groups.map((g) => (
            <GroupCard key={`${g.kind}:${JSON.stringify(g.link.query)}`} group={g} />
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}

function GroupCard({ group }: { group: HomeGroup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const english = currentLanguage() === "en";
  const title =
    group.kind === "needDecisions"
      ? t(`home.steps.${group.step as "submit"}`)
      : group.kind === "borderApprovals"
        ? t("home.groups.borderApprovals", {
            crossing: english ? group.crossing?.nameEn : group.crossing?.nameAr,
          })
        : t(`home.groups.${group.kind}`);
  const isLate = group.kind === "overdueTasks" || group.kind === "overdueCommitments";
  const rest = group.count - group.items.length;
  return (
    <Card withBorder data-testid={`home-group-${group.kind}`} miw={0}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Title order={4} style={{ overflowWrap: "anywhere", minWidth: 0 }}>
          {title}
        </Title>
        <Anchor component={Link} to={hrefOf(group.link)} data-testid="home-group-count">
          <Badge
            size="lg"
            variant="light"
            color={isLate ? "red" : "blue"}
            aria-label={t("home.count", { n: format.number(group.count) })}
            style={{ overflow: "visible" }}
          >
            <bdi>{format.number(group.count)}</bdi>
          </Badge>
        </Anchor>
      </Group>
      <Stack gap="xs" mt="sm">
        {group.items.map((item) => (
          <div key={item.id} data-testid="home-item" style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              to={recordHref(group, item)}
              data-testid="home-item-link"
              style={{ overflowWrap: "anywhere" }}
            >
              {item.shift && item.day ? (
                <>
                  <bdi>{format.date(item.day)}</bdi> — {t(`enums.borderShift.${item.shift}`)}
                </>
              ) : english ? (
                item.titleEn || item.titleAr
              ) : (
                item.titleAr
              )}
            </Anchor>
            <Group gap="xs" wrap="wrap">
              <Text size="xs" ff="monospace" c="dimmed">
                <bdi>{item.reference}</bdi>
              </Text>
              {item.day && !item.shift ? (
                <Text size="xs" c={isLate ? "red" : "dimmed"}>
                  {t("home.due")} <bdi>{format.date(item.day)}</bdi>
                </Text>
              ) : null}
            </Group>
          </div>
        ))}
      </Stack>
      <Anchor component={Link} to={hrefOf(group.link)} size="sm" mt="sm" data-testid="home-group-link">
        {rest > 0 ? t("home.more", { n: format.number(rest) }) : t("home.openList")}
      </Anchor>
    </Card>
  );
}
