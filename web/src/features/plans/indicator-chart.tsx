import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Indicator } from "../../../../common/schemas/plans";
import { EChart, type ChartOption } from "../../app/echart";
import { useFormat } from "../../app/use-format";

/** Measurements of one indicator against its target (a dashed line), with the baseline as the start. */
export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rtl = format.prefs.language === "ar";
  const option = useMemo((): ChartOption => {
    const days = indicator.measurements.map((m) => format.date(m.measuredOn));
    return {
      grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: (v) => (typeof v === "number" ? format.number(v) : "") },
      legend: { data: [t("plans.chartMeasured"), t("plans.chartTarget")] },
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
          data: indicator.measurements.map((m) => m.value),
          symbolSize: 8,
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
