import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Indicator } from "../../../../common/schemas/plans";
import { EChart, type ChartOption } from "../../app/echart";
import { useFormat } from "../../app/use-format";

/**
 * One indicator against its baseline and target (dashed lines): typed measurements, or a computed indicator's value
 * per period (from the record itself, current after every write).
 */
export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rtl = format.prefs.language === "ar";
  const option = useMemo((): ChartOption => {
    const computed = indicator.source !== "manual";
    const points = computed
      ? indicator.series.map((p) => ({ day: p.from, value: p.value }))
      : indicator.measurements.map((m) => ({ day: m.measuredOn, value: m.value }));
    // The chart's box is LTR (echart-view.tsx): an Arabic date reads in its own order inside an RTL isolate.
    const days = points.map((p) => (rtl ? `\u2067${format.date(p.day)}\u2069` : format.date(p.day)));
    return {
      grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: (v) => (typeof v === "number" ? format.number(v) : "") },
      legend: { data: [t("plans.chartMeasured"), t("plans.chartBaseline"), t("plans.chartTarget")] },
      xAxis: { type: "category", data: days, inverse: rtl },
      yAxis: {
        type: "value",
        position: rtl ? "right" : "left",
        name: indicator.unit,
        axisLabel: { formatter: (v: number) => format.number(v) },
      },
      series: [
        {
          name: t("plans.chartMeasured"),
          type: "line",
          data: points.map((p) => p.value),
          symbolSize: computed ? 5 : 8,
        },
        {
          name: t("plans.chartBaseline"),
          type: "line",
          data: days.map(() => indicator.baseline),
          lineStyle: { type: "dotted" },
          symbol: "none",
        },
        {
          name: t("plans.chartTarget"),
          type: "line",
          data: days.map(() => indicator.target),
          lineStyle: { type: "dashed" },
          symbol: "none",
        },
      ],
    };
  }, [indicator, t, format, rtl]);
  return <EChart height={240} testId="indicator-chart" option={option} />;
}
