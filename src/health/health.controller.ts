import { Controller, Get, Header, Res } from '@nestjs/common';
import { PlainResponse } from '../observability/plain-response';
import { ReadinessService } from './readiness.service';

/**
 * Probes for load balancers and orchestrators, outside GraphQL (the access guard lets non-GraphQL routes pass) and
 * without a token. /health: the process answers (liveness). /ready: it can serve traffic (readiness), 503 otherwise.
 */
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('health')
  @Header('cache-control', 'no-store')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Header('cache-control', 'no-store')
  async ready(@Res() res: PlainResponse): Promise<void> {
    const report = await this.readiness.check();
    res.status(report.status === 'ready' ? 200 : 503).json(report);
  }
}
