import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from './actor';
import { Actor } from './actor';

export const ACCESS_POLICY = 'waterbridge:access-policy';

/** 'public': anyone, signed in or not. Otherwise the roles that may call the operation. */
export type AccessPolicy = 'public' | readonly Role[];

/** Anyone may call this operation; a token, when sent, must still be valid. */
export const Public = () => SetMetadata(ACCESS_POLICY, 'public' satisfies AccessPolicy);

/** Only signed-in users with one of these roles may call this operation. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_POLICY, roles satisfies AccessPolicy);

export const ANY_ROLE: Role[] = Object.values(Role);

export interface RequestContext {
  req: { headers: Record<string, string | string[] | undefined>; actor?: Actor | null };
}

export function actorOf(context: ExecutionContext): Actor | null {
  return GqlExecutionContext.create(context).getContext<RequestContext>().req.actor ?? null;
}

/** The signed-in user, or null on a public operation called anonymously. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => actorOf(context));
