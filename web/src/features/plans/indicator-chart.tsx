import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import ReactEChartsCore from "echarts-for-react/lib/core";
import { useTranslation } from "react-i18next";
import type { Indicator } from "../../../../common/schemas/plans";

// Only the parts the chart uses, so the plans page does not carry the whole of ECharts.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Measurements of one indicator against its target (a dashed line), with the baseline as the start. */
export function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t, i18n } = useTranslation();
  const rtl = i18n.language === "ar";
  const days = indicator.measurements.map((m) => m.measuredOn);
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height: 220 }}
      opts={{ renderer: "svg" }}
      option={{
        grid: { left: 40, right: 40, top: 30, bottom: 30 },
        tooltip: { trigger: "axis" },
        legend: { data: [t("plans.chartMeasured"), t("plans.chartTarget")] },
        xAxis: { type: "category", data: days, inverse: rtl },
        yAxis: { type: "value", position: rtl ? "right" : "left", name: indicator.unit },
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
      }}
    />
  );
}
