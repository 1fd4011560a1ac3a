import { Controller, Get, Header, Headers, Res } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { bearerTokenOf } from '../common/bearer-token';
import { AppConfig } from '../config/app-config';
import { MetricsService } from './metrics.service';
import { PlainResponse } from './plain-response';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Prometheus scrape endpoint (text exposition format). Open unless METRICS_TOKEN is set, then only for that bearer
 * token: see docs/OBSERVABILITY.md.
 */
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  @Get('metrics')
  @Header('cache-control', 'no-store')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: PlainResponse): Promise<void> {
    if (!this.authorised(authorization)) {
      res.status(401).setHeader('www-authenticate', 'Bearer realm="metrics"');
      res.send('A bearer token is required (METRICS_TOKEN)\n');
      return;
    }
    const text = await this.metrics.scrape();
    res.setHeader('content-type', this.metrics.contentType);
    res.send(text);
  }

  private authorised(authorization: string | undefined): boolean {
    const expected = this.config.METRICS_TOKEN;
    if (expected === undefined) return true;
    const given = bearerTokenOf(authorization) ?? '';
    // Compared as digests in constant time: neither the token nor its length leaks through timing.
    return timingSafeEqual(digest(given), digest(expected));
  }
}
