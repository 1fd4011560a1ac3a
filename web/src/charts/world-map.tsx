import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { formatNumber } from '../format';
import { Chart, echarts } from './chart';
import { ALPHA2_OF_NUMERIC } from './iso-numeric';

echarts.use([MapChart, VisualMapComponent]);

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

/** A number per country (alpha-2 `code`, the tooltip's `name`). */
export type CountryValue = { code: string; value: number; name: string };

/** Numbers per country on the world map, darker for more. The page shows the same numbers as text too; `label` says where. */
export function WorldMap({ values, label, testId = 'world-map' }: { values: CountryValue[]; label: string; testId?: string }) {
  registerWorld();
  const option = useMemo(() => {
    const max = Math.max(1, ...values.map((c) => c.value));
    const nameOf = new Map(values.map((c) => [c.code, c.name]));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (item: { name: string; value: number }) => `${nameOf.get(item.name) ?? item.name}: ${formatNumber(item.value)}`,
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
          // A tooltip only over the countries with a number: the others' shapes carry no name of ours to show.
          tooltip: { show: false },
          data: values.map((c) => ({ name: c.code, value: c.value, tooltip: { show: true } })),
        },
      ],
    };
  }, [values]);
  return <Chart option={option} label={label} size={{ aspectRatio: '2 / 1', minHeight: 220 }} testId={testId} />;
}
