import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import ReactECharts from "echarts-for-react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../app/error-alert";
import { PageHeader } from "../../app/page-header";
import { PageLoader } from "../../app/page-loader";
import { useFormat } from "../../app/use-format";
import { useAgencyNamer } from "../agencies";
import { NeedsNav } from "./needs-nav";
import { useUnmetSummary } from "./needs-queries";

type Row = { key: string; count: number; remainingValue: number };

function Bars({ title, rows, label }: { title: string; rows: Row[]; label: (key: string) => string }) {
  const format = useFormat();
  const rtl = format.prefs.language === "ar";
  const ordered = [...rows].reverse(); // largest at the top of a horizontal bar chart
  const option = {
    grid: { containLabel: true, left: 8, right: 8, top: 8, bottom: 8 },
    tooltip: { trigger: "axis", valueFormatter: (v: number) => format.number(v) },
    xAxis: { type: "value", inverse: rtl, axisLabel: { formatter: (v: number) => format.number(v) } },
    yAxis: { type: "category", position: rtl ? "right" : "left", data: ordered.map((r) => label(r.key)) },
    series: [{ type: "bar", data: ordered.map((r) => r.remainingValue), itemStyle: { color: "#1c7ed6" } }],
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">—</Text>
      ) : (
        <ReactECharts option={option} style={{ height: Math.max(160, rows.length * 36) }} />
      )}
    </Paper>
  );
}

/** Unmet needs (approved or in progress, not fully delivered): remaining value by agency and by category. */
export function UnmetPage() {
  const { t } = useTranslation();
  const nameOf = useAgencyNamer();
  const { data, isPending, error, refetch } = useUnmetSummary();
  return (
    <Stack gap="md">
      <PageHeader title={t("needs.unmet")} />
      <NeedsNav />
      {error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <PageLoader /> : null}
      {data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="unmet-charts">
          <Bars
            title={t("needs.unmetByAgency", { currency: data.currency })}
            rows={data.byAgency}
            label={nameOf}
          />
          <Bars
            title={t("needs.unmetByCategory", { currency: data.currency })}
            rows={data.byCategory}
            label={(k) => t(`needs.category.${k}` as "needs.category.other")}
          />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
