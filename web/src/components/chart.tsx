// The one way pages draw charts. Import it through `LazyChart` (chart-lazy.ts) so ECharts is
// downloaded with the first page that draws, never with the first load. Only the parts
// registered below are bundled (echarts/core, not the whole of echarts): register a chart
// or component here when a page first needs it.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCoreModule from 'echarts-for-react/esm/core.js';
import { type CSSProperties, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

// The package's ES build is typed as CommonJS under NodeNext: accept both shapes of the import.
type ReactEChartsCore = typeof ReactEChartsCoreModule.default;
const ReactECharts: ReactEChartsCore =
  'default' in ReactEChartsCoreModule
    ? ReactEChartsCoreModule.default
    : (ReactEChartsCoreModule as unknown as ReactEChartsCore);

export interface ChartProps {
  /** An ECharts option (https://echarts.apache.org/zh/option.html). */
  option: echarts.EChartsCoreOption;
  height?: number | string;
  style?: CSSProperties;
  /** What the chart shows, for screen readers. */
  ariaLabel: string;
}

/** What the chart's instance offers for following its box (the two packages type it apart). */
interface Resizable {
  isDisposed(): boolean;
  getWidth(): number;
  resize(options: { width: 'auto'; height: 'auto' }): void;
}

export default function Chart({ option, height = 320, style, ariaLabel }: ChartProps) {
  const { i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<InstanceType<ReactEChartsCore>>(null);
  // The chart follows its box's width here, not through echarts-for-react's own autoResize: that
  // one ignores the first size notification it gets (so as not to cancel the opening animation),
  // and when the window changes size while the chart is starting, that first notification is the
  // change — the chart then kept its first width for good (seen: a phone-width page scrolling
  // sideways under a chart drawn at desktop width).
  const follow = useCallback((instance?: Resizable) => {
    const element = box.current;
    if (!instance || instance.isDisposed() || !element) return;
    if (instance.getWidth() !== element.clientWidth)
      instance.resize({ width: 'auto', height: 'auto' });
  }, []);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => follow(chart.current?.getEchartsInstance()));
    observer.observe(element);
    return () => observer.disconnect();
  }, [follow]);
  return (
    <div role="img" aria-label={ariaLabel} ref={box}>
      <ReactECharts
        ref={chart}
        echarts={echarts}
        option={option}
        notMerge
        autoResize={false}
        onChartReady={follow}
        style={{ height, ...style }}
        opts={{ locale: i18n.language.startsWith('zh') ? 'ZH' : 'EN' }}
      />
    </div>
  );
}
