import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  getNamedType,
  getVariableValues,
  GraphQLError,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
} from "graphql";
import { getComplexity, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import { envPositiveInt } from "../common/config";
import { graphError } from "../common/errors";
import { defaultPageSize } from "../common/pagination";

/** The default of `GATEWAY_MAX_COST`: how many objects an answer may hold at most (README, "Limits and cost"). */
export const defaultMaxCost = 250_000;

/** The gateway's limits on a request, from the environment (README, "Configuration"). */
export function limitsFromEnv() {
  return {
    maxDepth: envPositiveInt("GATEWAY_MAX_DEPTH", 12),
    maxCost: envPositiveInt("GATEWAY_MAX_COST", defaultMaxCost),
    maxAliases: envPositiveInt("GATEWAY_MAX_ALIASES", 15),
    maxTokens: envPositiveInt("GATEWAY_MAX_TOKENS", 2000),
    maxDirectives: envPositiveInt("GATEWAY_MAX_DIRECTIVES", 20),
    maxBodyBytes: envPositiveInt("GATEWAY_MAX_BODY_BYTES", 1_000_000),
  };
}

export type GatewayLimits = ReturnType<typeof limitsFromEnv>;

// The cost of a query: how many objects its answer can hold.

/** A list that is not paged is assumed to hold a full page (README, "Limits and cost")... */
export const defaultListSize = 100;

/** ...unless the graph itself bounds it lower: one item per network, per enum value, per lifecycle step. */
export const boundedListSizes: Readonly<Record<string, number>> = {
  // One per network (five today).
  "Query.networks": 10,
  "Country.networks": 10,
  "Country.memberships": 10,
  "Authority.memberships": 10,
  "Event.networks": 10,
  "Course.networks": 10,
  "Viewer.networks": 10,
  // One per request kind, per status, per step of the lifecycle.
  "RequestStatistics.byKind": 10,
  "RequestStatistics.byStatus": 10,
  "CooperationRequest.history": 10,
  // A presidency trio; the semesters of 2016–2030.
  "BoardSemester.members": 3,
  "Country.ejcnBoard": 30,
};

/** A `<Name>Connection`: a page of items under `edges`, with `pageInfo`. */
const isConnection = (type: GraphQLNamedType) =>
  isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();

const isList = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/** `first` as given (a subgraph refuses it outside 1–100), else the argument's default, else the graph's page size. */
const pageSize = (first: unknown) => (typeof first === "number" ? Math.max(first, 1) : defaultPageSize);

/**
 * Every object in the answer counts 1; scalars and enums 0. A connection counts 1 and `first` times what one of its
 * items costs (an edge is its node; `pageInfo` and `totalCount` are free); a list with `first` (findContactPoints)
 * counts `first` items; any other list of objects its assumed size. Introspection is free: the gateway answers it
 * from the schema.
 */
function objectsEstimator({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  if (field.name.startsWith("__")) return 0;
  const returned = getNamedType(field.type);
  if (!isCompositeType(returned)) return 0;
  if (isConnection(type)) return field.name === "edges" ? childComplexity : 0;
  if (isConnection(returned)) return 1 + pageSize(args.first) * childComplexity;
  if (!isList(field.type)) return 1 + childComplexity;
  const items = field.args.some((argument) => argument.name === "first")
    ? pageSize(args.first)
    : (boundedListSizes[`${type.name}.${field.name}`] ?? defaultListSize);
  return items * (1 + childComplexity);
}

/**
 * The cost of the operation `operationName` (the document's only one when not named) with these variables; throws a
 * GraphQLError when variables do not fit the operation or the document is too large to weigh.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: { variables?: Record<string, unknown>; operationName?: string } = {},
): number {
  return getComplexity({
    schema,
    query: document,
    variables: options.variables,
    operationName: options.operationName,
    estimators: [objectsEstimator],
  });
}

/** Charges an operation's cost to whoever asks (the rate limit), once it is known to be within the limit. */
export type ChargeCost<Context> = (context: Context, cost: number) => Promise<void>;

/**
 * Refuses, before any query plan is made, an operation whose answer could hold more than `maxCost` objects:
 * QUERY_TOO_COMPLEX with the computed `cost` and the `limit`, HTTP 400. Variables are known here (unlike in a
 * validation rule), so `first: $first` counts what it asks for. Variables that do not fit the operation are left to
 * the gateway, which refuses them before planning.
 */
export function costLimitPlugin<Context extends BaseContext>(
  maxCost: number,
  charge?: ChargeCost<Context>,
): ApolloServerPlugin<Context> {
  const refuse = (message: string, extensions: Record<string, unknown>) =>
    graphError("QUERY_TOO_COMPLEX", message, { ...extensions, limit: maxCost, http: { status: 400 } });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          if (variablesDoNotFit(schema, operation, request.variables)) return;
          let cost: number;
          try {
            cost = queryCost(schema, document, {
              variables: request.variables,
              operationName: operation.name?.value,
            });
          } catch (error) {
            throw refuse(`the query is too large to weigh: ${(error as Error).message}`, {});
          }
          if (cost > maxCost)
            throw refuse(
              `the answer could hold ${cost} objects, more than the limit of ${maxCost}: ask for fewer items ` +
                `(first) or fewer nested lists`,
              { cost },
            );
          await charge?.(contextValue, cost);
        },
      };
    },
  };
}

const variablesDoNotFit = (
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
) => getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors !== undefined;

// Depth, aliases, directives, tokens, field suggestions.

/** Armor's refusals begin with "Syntax Error: " though the syntax is fine: reported without it. */
const reportWithoutPrefix = (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, "")));
const rejection = { propagateOnRejection: false, onReject: [reportWithoutPrefix] };

/**
 * Depth, aliases and directives checked by graphql-armor before any query plan is made, and the cost by
 * `costLimitPlugin`; batched operations refused; field suggestions ("Did you mean …") blocked when introspection is
 * off. Tokens are limited by the GraphQL parser itself (`parseOptions`): armor's Apollo token plugin answers a syntax
 * error with a 500.
 */
export function armor<Context extends BaseContext>(
  limits: GatewayLimits,
  introspection: boolean,
  charge?: ChargeCost<Context>,
) {
  const protection = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...rejection },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, ...rejection },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, ...rejection },
    blockFieldSuggestion: { enabled: !introspection },
  }).protect();
  return {
    ...protection,
    plugins: [...protection.plugins, costLimitPlugin(limits.maxCost, charge)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
