import { lazy, Suspense } from "react";
import type { Props } from "./echart-view";

export type { ChartOption } from "./echart-view";

// ECharts (~175 kB gzipped with its renderer) loads with the first chart drawn, not with every page that could
// draw one: a page that imports a chart component but shows none (the task board) stays light.
const EChartView = lazy(() => import("./echart-view"));

/** An SVG chart that follows its container's width and redraws when `option` changes (see echart-view.tsx). */
export function EChart(props: Props) {
  return (
    <Suspense fallback={<div style={{ height: props.height, width: "100%" }} data-testid={props.testId} />}>
      <EChartView {...props} />
    </Suspense>
  );
}
