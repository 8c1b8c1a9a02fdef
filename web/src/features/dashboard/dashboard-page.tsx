import {
  Anchor,
  Card,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Suspense, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { LIST_PAGES, type Dashboard, type ListLink } from "../../../../common/schemas/dashboard";
import { api, type One } from "../../app/api-client";
import { EChart, type ChartOption } from "../../app/echart";
import { ErrorAlert } from "../../app/error-alert";
import { currentLanguage } from "../../app/i18n";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { agencyName, useAgencyLookup } from "../agencies";
import { IncidentMap, selectionFilters } from "../incidents";
import { WeeklyReportLinks } from "./weekly-report-links";

type Unit = Dashboard["unit"];

const useDashboard = (unit: Unit) =>
  useQuery({
    queryKey: ["dashboard", unit],
    queryFn: () => api.get<One<Dashboard>>(`/api/v1/dashboard?unit=${unit}`).then((r) => r.data),
  });

/** The list a figure summarises, with the same filters. */
const hrefOf = (link: ListLink) => `${LIST_PAGES[link.list]}?${new URLSearchParams(link.query)}`;

function FigureLink({
  link,
  children,
  testId,
}: {
  link: ListLink;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Anchor component={Link} to={hrefOf(link)} data-testid={testId}>
      <bdi>{children}</bdi>
    </Anchor>
  );
}

/** The region at a glance for leadership and managers: every figure counts what the reader may list, and opens it. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>("week");
  const { data, error } = useDashboard(unit);
  return (
    <Stack>
      <PageHeader
        title={t("dashboard.title")}
        actions={
          <SegmentedControl
            value={unit}
            onChange={(v) => setUnit(v as Unit)}
            data={[
              { value: "week", label: t("dashboard.byWeek") },
              { value: "month", label: t("dashboard.byMonth") },
            ]}
            data-testid="dashboard-unit"
          />
        }
      />
      {error ? <ErrorAlert error={error} /> : null}
      {data ? <DashboardBody d={data} /> : null}
      <WeeklyReportLinks />
    </Stack>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const language = currentLanguage();
  const agencies = useAgencyLookup();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Card withBorder data-testid="dashboard-plans">
        <Group justify="space-between">
          <Title order={4}>{t("dashboard.plans")}</Title>
          <FigureLink link={d.activePlans.link} testId="dashboard-active-plans">
            {format.number(d.activePlans.value)}
          </FigureLink>
        </Group>
        <Stack gap="xs" mt="xs">
          {d.plans.map((p) => (
            <div key={p.id}>
              <Anchor component={Link} to={`/plans/${p.id}`} size="sm">
                {language === "en" ? p.titleEn || p.titleAr : p.titleAr}
              </Anchor>
              <Group gap="xs" wrap="nowrap">
                <Progress value={p.progress} style={{ flex: 1 }} />
                <bdi>{format.number(p.progress)}%</bdi>
              </Group>
            </div>
          ))}
        </Stack>
      </Card>

      <Card withBorder data-testid="dashboard-overdue">
        <Title order={4}>{t("dashboard.overdueByAgency")}</Title>
        <Table mt="xs">
          <Table.Tbody>
            {d.overdueByAgency.map((o) => (
              <Table.Tr key={o.agencyId}>
                <Table.Td>
                  {agencies.get(o.agencyId) ? agencyName(agencies.get(o.agencyId)!, language) : ""}
                </Table.Td>
                <Table.Td ta="end">
                  <FigureLink link={o.link}>{format.number(o.value)}</FigureLink>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {d.overdueByAgency.length === 0 ? <Text c="dimmed">{t("dashboard.none")}</Text> : null}
        <Group justify="space-between" mt="md">
          <Text fw={600}>{t("dashboard.commitmentsDueSoon")}</Text>
          <FigureLink link={d.commitmentsDueSoon.link} testId="dashboard-commitments">
            {format.number(d.commitmentsDueSoon.value)}
          </FigureLink>
        </Group>
      </Card>

      <Card withBorder data-testid="dashboard-needs">
        <Title order={4}>{t("dashboard.openNeeds")}</Title>
        <Table mt="xs">
          <Table.Tbody>
            {d.openNeeds.map((n) => (
              <Table.Tr key={n.category}>
                <Table.Td>{t(`needs.category.${n.category}`)}</Table.Td>
                <Table.Td ta="end">
                  <FigureLink link={n.link}>{format.number(n.value)}</FigureLink>
                </Table.Td>
                <Table.Td ta="end">
                  <bdi>{format.money(n.estimatedCostLyd, "LYD")}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {d.openNeeds.length === 0 ? <Text c="dimmed">{t("dashboard.none")}</Text> : null}
      </Card>

      <Card withBorder data-testid="dashboard-incidents">
        <Title order={4}>{t("dashboard.incidentsByType")}</Title>
        <IncidentsChart d={d} />
        <Group gap="md" mt="xs">
          {d.incidentsByType.map((i) => (
            <Text key={i.typeId} size="sm">
              {language === "en" ? i.nameEn : i.nameAr}:{" "}
              <FigureLink link={i.link}>{format.number(i.value)}</FigureLink>
            </Text>
          ))}
        </Group>
        {d.incidentSources
          .flatMap((s) => (s.source === "iom" || s.source === "acled" ? [{ ...s, source: s.source }] : []))
          .map((s) => (
            <Text
              key={s.source}
              size="xs"
              c="dimmed"
              mt={4}
              data-testid={`dashboard-attribution-${s.source}`}
            >
              {t(`dashboard.attribution.${s.source}`, { count: format.number(s.count) })}
            </Text>
          ))}
      </Card>

      <Card withBorder data-testid="dashboard-districts">
        <Title order={4}>{t("dashboard.incidentsByDistrict")}</Title>
        <Text size="xs" c="dimmed" mb={4}>
          {t("dashboard.span", { from: format.date(d.from), to: format.date(d.to) })}
        </Text>
        <Suspense fallback={<PageLoader />}>
          <IncidentMap
            filters={{ from: d.from, to: d.to }}
            height={360}
            onSelect={(s) =>
              void navigate(
                `/incidents?${new URLSearchParams({
                  from: d.from,
                  to: d.to,
                  ...selectionFilters(s),
                })}`,
              )
            }
          />
        </Suspense>
      </Card>

      {d.crossing ? (
        <Card withBorder data-testid="dashboard-crossing">
          <Title order={4}>{language === "en" ? d.crossing.nameEn : d.crossing.nameAr}</Title>
          <CrossingChart d={d} />
          <Group gap="md" mt="xs">
            <Text size="sm">
              {t("dashboard.reports")}:{" "}
              <FigureLink link={d.crossing.reports.link} testId="dashboard-crossing-reports">
                {format.number(d.crossing.reports.value)}
              </FigureLink>
            </Text>
            <Text size="sm">
              {t("dashboard.seizureIncidents")}:{" "}
              <FigureLink link={d.crossing.seizureIncidents.link}>
                {format.number(d.crossing.seizureIncidents.value)}
              </FigureLink>
            </Text>
          </Group>
        </Card>
      ) : null}
    </SimpleGrid>
  );
}

/** Axes run from the start side: in Arabic the first period is on the right and the values' axis too. */
function useAxes(d: Dashboard) {
  const format = useFormat();
  const rtl = currentLanguage() === "ar";
  return useMemo(
    () => ({
      rtl,
      grid: { left: 8, right: 8, top: 96, bottom: 8, containLabel: true },
      xAxis: {
        type: "category" as const,
        // The chart's box is LTR (echart-view.tsx): an Arabic date reads in its own order inside an RTL isolate.
        data: d.periods.map((p) => (rtl ? `\u2067${format.date(p.from)}\u2069` : format.date(p.from))),
        inverse: rtl,
        axisLabel: { hideOverlap: true },
      },
      yAxis: {
        type: "value" as const,
        position: (rtl ? "right" : "left") as "right" | "left",
        axisLabel: { formatter: (v: number) => format.number(v) },
      },
      tooltip: {
        trigger: "axis" as const,
        valueFormatter: (v: unknown) => (typeof v === "number" ? format.number(v) : ""),
      },
    }),
    [d, format, rtl],
  );
}

function IncidentsChart({ d }: { d: Dashboard }) {
  const axes = useAxes(d);
  const language = currentLanguage();
  const option = useMemo(
    (): ChartOption => ({
      ...axes,
      legend: {
        top: 0,
        [axes.rtl ? "right" : "left"]: 0,
      },
      series: d.incidentsByType.map((i) => ({
        name: language === "en" ? i.nameEn : i.nameAr,
        type: "bar",
        stack: "incidents",
        data: i.values,
      })),
    }),
    [axes, d, language],
  );
  return <EChart height={340} option={option} testId="dashboard-incidents-chart" />;
}

function CrossingChart({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const axes = useAxes(d);
  const c = d.crossing!;
  const option = useMemo(
    (): ChartOption => ({
      ...axes,
      legend: {
        top: 0,
        [axes.rtl ? "right" : "left"]: 0,
      },
      series: [
        { name: t("dashboard.arrivals"), type: "line", data: c.arrivals },
        { name: t("dashboard.departures"), type: "line", data: c.departures },
        { name: t("dashboard.vehicles"), type: "line", data: c.vehicles },
        { name: t("dashboard.migrantsIntercepted"), type: "bar", data: c.migrantsIntercepted },
        { name: t("dashboard.seizures"), type: "bar", data: c.seizures },
      ],
    }),
    [axes, c, t],
  );
  return <EChart height={340} option={option} testId="dashboard-crossing-chart" />;
}
