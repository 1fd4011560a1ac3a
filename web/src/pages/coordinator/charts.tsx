import { FunnelChart, MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { formatNumber } from '../../format';
import { ALPHA2_OF_NUMERIC } from './iso-numeric';

// Only what the dashboard draws (ECharts whole is ~1 MB): a funnel, a map, their tooltips and the map's colour scale.
echarts.use([FunnelChart, MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type Ring = GeoJSON.Position[];
/** A ring that crosses the antimeridian (Fiji, Russia's far east) would be drawn as a line across the map: keep it east of 180°. */
const unwrap = (ring: Ring): Ring =>
  ring.some((point, i) => i > 0 && Math.abs(point[0] - ring[i - 1][0]) > 180)
    ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat])
    : ring;

function unwrapped(geometry: GeoJSON.Geometry): GeoJSON.Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrap) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrap)) };
  return geometry;
}

/**
 * The world from Natural Earth (ECharts ships no map data), each shape named by the alpha-2 code the API uses.
 * Antarctica is left out: no water need comes from there, and it would take a fifth of the map.
 */
function registerWorld(): void {
  if (echarts.getMap('world')) return;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;
  const shapes = feature(topology, topology.objects.countries).features.flatMap((shape) => {
    const code = ALPHA2_OF_NUMERIC.get(String(shape.id));
    return code && code !== 'AQ' ? [{ ...shape, geometry: unwrapped(shape.geometry), properties: { name: code } }] : [];
  });
  echarts.registerMap('world', { type: 'FeatureCollection', features: shapes } as Parameters<typeof echarts.registerMap>[1]);
}

/** One chart on a canvas that follows its box's width; `label` names it for screen readers (the numbers are in a table too). */
function Chart({ option, label, size, testId }: { option: echarts.EChartsCoreOption; label: string; size: CSSProperties; testId: string }) {
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

/** Matches per country on the world map, darker for more; `nameOf` gives the tooltip a country's name. */
export function WorldMapView({
  counts,
  nameOf,
  label,
}: {
  counts: Array<{ code: string; value: number }>;
  nameOf: (code: string) => string;
  label: string;
}) {
  registerWorld();
  const option = useMemo(() => {
    const max = Math.max(1, ...counts.map((c) => c.value));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (item: { name: string; value?: number }) =>
          `${nameOf(item.name)}: ${item.value === undefined || Number.isNaN(item.value) ? '—' : formatNumber(item.value)}`,
      },
      visualMap: {
        min: 0,
        max,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemWidth: 10,
        itemHeight: 140,
        text: [formatNumber(max), '0'],
        inRange: { color: ['#d6e4ff', '#003eb3'] },
      },
      series: [
        {
          type: 'map',
          map: 'world',
          roam: false,
          top: 0,
          bottom: 36,
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
          itemStyle: { areaColor: '#f0f0f0', borderColor: '#bfbfbf' },
          data: counts.map((c) => ({ name: c.code, value: c.value })),
        },
      ],
    };
  }, [counts, nameOf]);
  return <Chart option={option} label={label} size={{ aspectRatio: '2 / 1', minHeight: 220 }} testId="world-map" />;
}
