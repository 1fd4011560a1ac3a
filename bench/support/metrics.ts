/** Reading the application's own Prometheus metrics (GET /metrics, METRICS_PUBLIC=true) from a benchmark. */

/** The application's Prometheus metrics, if it serves them (GET /metrics): series → value. */
export async function scrapeMetrics(port: number): Promise<Map<string, number> | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    if (!res.ok) return undefined;
    const series = new Map<string, number>();
    for (const line of (await res.text()).split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const at = line.lastIndexOf(' ');
      series.set(line.slice(0, at), Number(line.slice(at + 1)));
    }
    return series.size > 0 ? series : undefined;
  } catch {
    return undefined;
  }
}

/** Sum of the series named `name` whose labels contain every `labels` fragment (e.g. 'operation="LoadNeeds"'). */
export function metric(series: Map<string, number> | undefined, name: string, ...labels: string[]): number {
  let total = 0;
  for (const [key, value] of series ?? []) {
    const brace = key.indexOf('{');
    if ((brace < 0 ? key : key.slice(0, brace)) !== name) continue;
    if (labels.every((l) => key.includes(l))) total += value;
  }
  return total;
}
