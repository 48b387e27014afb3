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
import type { CSSProperties } from 'react';
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

export default function Chart({ option, height = 320, style, ariaLabel }: ChartProps) {
  const { i18n } = useTranslation();
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactECharts
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, ...style }}
        opts={{ locale: i18n.language.startsWith('zh') ? 'ZH' : 'EN' }}
      />
    </div>
  );
}
