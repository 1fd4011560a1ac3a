import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { AppConfig } from '../config/app-config';
import { ChargeCost, queryComplexityPlugin, QueryLimits } from './query-limits';

/** GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_COMPLEXITY and GRAPHQL_MAX_ROOT_FIELDS. */
export const queryLimitsOf = (config: AppConfig): QueryLimits => ({
  maxDepth: config.GRAPHQL_MAX_DEPTH,
  maxComplexity: config.GRAPHQL_MAX_COMPLEXITY,
  maxRootFields: config.GRAPHQL_MAX_ROOT_FIELDS,
});

/**
 * Apollo plugins of docs/SECURITY.md: the cost limit, with the request's variables, and the client's budget (`charge`); and Apollo's local landing page
 * (Apollo Sandbox in the browser, on GET /graphql) only when GRAPHQL_SANDBOX is on, so otherwise no HTML is ever served.
 * The landing page comes from Apollo's CommonJS build, Nest's types from its ESM one: same object, two declarations.
 */
export function securityPlugins(config: AppConfig, charge?: ChargeCost): ApolloServerPlugin[] {
  const sandbox = config.GRAPHQL_SANDBOX
    ? [ApolloServerPluginLandingPageLocalDefault({ embed: true }) as unknown as ApolloServerPlugin]
    : [];
  return [queryComplexityPlugin(queryLimitsOf(config), charge), ...sandbox];
}
