import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../common/domain-error';
import { ACCESS_POLICY, AccessPolicy, RequestContext } from './access.decorator';
import { RequestAuthenticator } from './request-authenticator';

/**
 * Global guard: every query and mutation must declare a policy (@Public or @Allow); one without is refused, so a
 * forgotten decorator fails closed. Reads the bearer token once per request and keeps the actor on the request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [context.getHandler(), context.getClass()]);
    const info = GqlExecutionContext.create(context).getInfo<{ fieldName: string }>();
    if (policy === undefined) throw DomainError.forbidden(`${info.fieldName} declares no access policy`);

    const req = GqlExecutionContext.create(context).getContext<RequestContext>().req;
    if (req.actor === undefined) req.actor = await this.auth.actorFromHeader(req.headers.authorization);
    if (policy === 'public') return true;
    if (!req.actor) throw DomainError.unauthenticated();
    if (!policy.includes(req.actor.role)) throw DomainError.forbidden(`Your role (${req.actor.role}) may not call ${info.fieldName}`);
    return true;
  }
}
