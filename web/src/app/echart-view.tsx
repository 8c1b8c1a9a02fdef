import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendPlainComponent, TooltipComponent } from "echarts/components";
import { init, use, type ComposeOption, type ECharts } from "echarts/core";
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// The one way Tansiq draws charts: tree-shaken echarts/core with only the charts and parts registered here
// (docs/decisions/0010-one-chart-wrapper.md). Add a chart type here when a page needs one; never import the whole of ECharts.
// Pages import EChart from ./echart, which loads this file (and ECharts) only when a chart is drawn.
use([BarChart, LineChart, GridComponent, LegendPlainComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type Props = { option: ChartOption; height: number; testId?: string };

/** An SVG chart that follows its container's width and redraws when `option` changes. */
export default function EChartView({ option, height, testId }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const instance = init(container, null, { renderer: "svg" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} style={{ height, width: "100%" }} data-testid={testId} />;
}
