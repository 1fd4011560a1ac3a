import { Controller, Get, Header, Res } from '@nestjs/common';
import { PlainResponse } from './health.controller';
import { Metrics } from './metrics.service';

/** Prometheus scrape endpoint (text exposition format). Meant for the internal network: see docs/OBSERVABILITY.md. */
@Controller()
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get('metrics')
  @Header('cache-control', 'no-store')
  async scrape(@Res() res: PlainResponse): Promise<void> {
    const text = await this.metrics.scrape();
    res.setHeader('content-type', this.metrics.contentType);
    res.send(text);
  }
}
