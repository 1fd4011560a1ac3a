import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';

// Only the pieces every chart needs (ECharts whole is ~1 MB); each chart registers its own series type.
echarts.use([TooltipComponent, CanvasRenderer]);

export { echarts };

/**
 * One chart on a canvas that follows its box's width. `label` names it for screen readers: the page shows the same
 * numbers as text too (a table or a list), which the label should point to.
 */
export function Chart({
  option,
  label,
  size,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  label: string;
  size: CSSProperties;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, []);
  useEffect(() => {
    if (box.current) echarts.getInstanceByDom(box.current)?.setOption(option, true);
  }, [option]);
  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', ...size }} />;
}
