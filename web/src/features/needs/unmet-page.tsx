import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart, type ChartOption } from "../../app/echart";
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
  const option = useMemo((): ChartOption => {
    const ordered = [...rows].reverse(); // largest at the top of a horizontal bar chart
    return {
      // Room on both sides for the first and last value labels (2,500,000 is wider than its tick).
      grid: { containLabel: true, left: 32, right: 32, top: 8, bottom: 8 },
      tooltip: { trigger: "axis", valueFormatter: (v) => (typeof v === "number" ? format.number(v) : "") },
      xAxis: {
        type: "value",
        inverse: rtl,
        splitNumber: 3,
        axisLabel: { formatter: (v: number) => format.number(v), hideOverlap: true },
      },
      yAxis: { type: "category", position: rtl ? "right" : "left", data: ordered.map((r) => label(r.key)) },
      series: [{ type: "bar", data: ordered.map((r) => r.remainingValue), itemStyle: { color: "#1c7ed6" } }],
    };
  }, [rows, label, format, rtl]);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">—</Text>
      ) : (
        <EChart option={option} height={Math.max(160, rows.length * 36)} testId="unmet-chart" />
      )}
    </Paper>
  );
}

/** Unmet needs (approved or in progress, not fully delivered): remaining value by agency and by category. */
export function UnmetPage() {
  const { t } = useTranslation();
  const format = useFormat();
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
            title={t("needs.unmetByAgency", { currency: format.currency(data.currency) })}
            rows={data.byAgency}
            label={nameOf}
          />
          <Bars
            title={t("needs.unmetByCategory", { currency: format.currency(data.currency) })}
            rows={data.byCategory}
            label={(k) => t(`needs.category.${k}` as "needs.category.other")}
          />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
