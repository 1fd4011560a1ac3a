import { Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { AddressedRequest, clientAddressOf } from '../access/client-address';
import { TokenService } from '../access/token.service';
import { bearerTokenOf } from '../common/bearer-token';
import { ErrorCode } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { RequestBudgetRepository } from './request-budget.repository';

/** How often (at most) this process drops buckets that have refilled. */
const CLEAN_UP_EVERY_MS = 10 * 60_000;

/** What a request is charged to. */
export interface BudgetClient {
  /** `user:<id>` or `address:<client address>`. */
  key: string;
  /** Points a minute; 0: no budget. */
  perMinute: number;
}

/**
 * The per-client request budget (docs/SECURITY.md, "Request budget"): every operation spends its cost (the measure of
 * GRAPHQL_MAX_COMPLEXITY) from its client's bucket, a signed-in user's or an anonymous client address's, shared by
 * every API process through PostgreSQL. An empty bucket is TOO_MANY_REQUESTS (HTTP 429) with the seconds to wait.
 */
@Injectable()
export class RequestBudgetService {
  private lastCleanUp = Date.now();

  constructor(
    private readonly config: AppConfig,
    private readonly repository: RequestBudgetRepository,
    private readonly tokens: TokenService,
  ) {}

  /**
   * The signed-in user when the request carries a valid bearer token (its signature and expiry only: the guard checks
   * the rest, and refuses the request anyway), else the client address.
   */
  clientOf(req: (AddressedRequest & { headers?: Record<string, string | string[] | undefined> }) | undefined): BudgetClient {
    const header = req?.headers?.authorization;
    const token = header ? bearerTokenOf(header) : undefined;
    if (token) {
      try {
        return { key: `user:${this.tokens.verify(token).userId}`, perMinute: this.config.GRAPHQL_BUDGET_SIGNED_IN_PER_MINUTE };
      } catch {
        // A forged or expired token is charged to where it comes from.
      }
    }
    return { key: `address:${clientAddressOf(req)}`, perMinute: this.config.GRAPHQL_BUDGET_ANONYMOUS_PER_MINUTE };
  }

  /** Spends `cost` of the client's budget, or throws TOO_MANY_REQUESTS (HTTP 429, Retry-After) without spending. */
  async charge(client: BudgetClient, cost: number): Promise<void> {
    if (client.perMinute <= 0 || cost <= 0) return;
    const waitSeconds = await this.repository.spend(client.key, cost, { capacity: client.perMinute });
    await this.cleanUpNowAndThen();
    if (waitSeconds === 0) return;
    throw new GraphQLError(
      `Too many requests: this client's budget of ${client.perMinute} cost points a minute is spent; try again in ${waitSeconds} seconds`,
      {
        extensions: {
          code: ErrorCode.TooManyRequests,
          status: 429,
          retryAfterSeconds: waitSeconds,
          http: { status: 429, headers: new Map([['retry-after', String(waitSeconds)]]) },
        },
      },
    );
  }

  private async cleanUpNowAndThen(): Promise<void> {
    if (Date.now() - this.lastCleanUp < CLEAN_UP_EVERY_MS) return;
    this.lastCleanUp = Date.now();
    await this.repository.deleteFull();
  }
}
