import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";

/** Federation 2 directives the subgraphs use; composition checks them against the spec version. */
const federationLink = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])`;

/** How a subgraph resolves an entity from a representation `{ __typename, <key fields> }` sent by the gateway. */
export type ReferenceResolvers<Context> = Record<
  string,
  (representation: Record<string, unknown>, context: Context) => unknown
>;

/** Resolves an entity of another subgraph known here by key only: the key itself, if it has the right shape. */
export const keyOnly = (field: string) => (representation: Record<string, unknown>) =>
  typeof representation[field] === "string" ? { [field]: representation[field] } : null;

/**
 * A federated subgraph schema from type-graphql resolvers: type-graphql builds the schema, it is printed with its
 * directives (`@key`, `@shareable`) and rebuilt by @apollo/subgraph, with `__resolveReference` for each entity.
 * `orphanedTypes` must list entity stubs of other subgraphs that only gain fields here (otherwise composition silently lacks their fields).
 */
export async function buildFederatedSchema<Context>(options: {
  // type-graphql takes resolver and type classes as plain constructors.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers: ReferenceResolvers<Context>;
}): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<Context>;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers)) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      __resolveReference: resolveReference,
    };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${federationLink}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}
