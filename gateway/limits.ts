import { ApolloArmor } from "@escape.tech/graphql-armor";
import { envPositiveInt } from "../common/config";

/** The gateway's limits on a request, from the environment (README, "Configuration"). */
export function limitsFromEnv() {
  return {
    maxDepth: envPositiveInt("GATEWAY_MAX_DEPTH", 12),
    maxCost: envPositiveInt("GATEWAY_MAX_COST", 5000),
    maxAliases: envPositiveInt("GATEWAY_MAX_ALIASES", 15),
    maxTokens: envPositiveInt("GATEWAY_MAX_TOKENS", 2000),
    maxDirectives: envPositiveInt("GATEWAY_MAX_DIRECTIVES", 20),
    maxBodyBytes: envPositiveInt("GATEWAY_MAX_BODY_BYTES", 1_000_000),
  };
}

export type GatewayLimits = ReturnType<typeof limitsFromEnv>;

/**
 * Depth, cost, aliases and directives checked by graphql-armor before any query plan is made; batched operations
 * refused; field suggestions ("Did you mean …") blocked when introspection is off. Tokens are limited by the
 * GraphQL parser itself (`parseOptions`): armor's Apollo token plugin answers a syntax error with a 500.
 */
export function armor(limits: GatewayLimits, introspection: boolean) {
  return {
    ...new ApolloArmor({
      maxDepth: { n: limits.maxDepth },
      costLimit: { maxCost: limits.maxCost },
      maxAliases: { n: limits.maxAliases },
      maxTokens: { enabled: false },
      maxDirectives: { n: limits.maxDirectives },
      blockFieldSuggestion: { enabled: !introspection },
    }).protect(),
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
