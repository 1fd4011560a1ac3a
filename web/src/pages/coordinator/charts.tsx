import { FunnelChart } from 'echarts/charts';
import { useMemo } from 'react';
import { Chart, echarts } from '../../charts/chart';

echarts.use([FunnelChart]);

/** The matches' stages, widest first. */
export function FunnelView({ stages, label }: { stages: Array<{ name: string; value: number }>; label: string }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          minSize: '8%',
          top: 8,
          bottom: 8,
          label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
          itemStyle: { color: '#0958d9', borderColor: '#fff' },
          data: stages,
        },
      ],
    }),
    [stages],
  );
  return <Chart option={option} label={label} size={{ height: 260 }} testId="funnel-chart" />;
}
