import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { useMemo } from 'react';
import { Chart, echarts } from '../../charts/chart';
import { formatNumber } from '../../format';

echarts.use([BarChart, GridComponent]);

/** The console's font, so the canvas draws Chinese names with the glyphs the console ships. */
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans SC', sans-serif";

export type Bar = { name: string; value: number };

/**
 * Horizontal bars, one per name (long centre and programme names are cut on the axis and shown whole in the tooltip),
 * in the order given. The page shows the same numbers in its table; `label` says so.
 */
export function BarView({ bars, label, testId }: { bars: Bar[]; label: string; testId: string }) {
  const option = useMemo(
    () => ({
      textStyle: { fontFamily: FONT },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value: number) => formatNumber(value),
      },
      grid: { left: 8, right: 48, top: 8, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatNumber(value) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((bar) => bar.name),
        axisLabel: { width: 200, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 24,
          itemStyle: { color: '#0958d9' },
          label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => formatNumber(value) },
          data: bars.map((bar) => bar.value),
        },
      ],
    }),
    [bars],
  );
  return <Chart option={option} label={label} size={{ height: 48 + 36 * Math.max(1, bars.length) }} testId={testId} />;
}
