import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from '../states';

// ECharts and the atlas (~400 KB together) load only when a page shows a map, never with the page's own chunk.
const WorldMap = lazy(() => import('./world-map').then((m) => ({ default: m.WorldMap })));

/** The world map (./world-map), fetched on first use; a spinner in its place meanwhile. */
export function LazyWorldMap(props: ComponentProps<typeof WorldMap>) {
  return (
    <Suspense fallback={<Loading />}>
      <WorldMap {...props} />
    </Suspense>
  );
}
