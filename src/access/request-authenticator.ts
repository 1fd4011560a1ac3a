import { Actor } from './actor';

/**
 * Who is behind a request's `Authorization` header. The GraphQL layer and the access guard ask through this class;
 * signing in (src/auth, which reads the accounts) answers. So the layers below the domains never import them.
 */
export abstract class RequestAuthenticator {
  /**
   * The actor behind an `Authorization: Bearer …` header, re-read from the database; null when there is none;
   * UNAUTHENTICATED when the token is not valid, expired, revoked, or its account is gone or deactivated.
   */
  abstract actorFromHeader(header: string | string[] | undefined): Promise<Actor | null>;
}
