import type { ApolloGateway } from "@apollo/gateway";
import { isScalarType, Kind, parse, specifiedScalarTypes, type GraphQLScalarType } from "graphql";
import { DateResolver, DateTimeISOResolver } from "../common/scalars";

/**
 * The custom scalars of the graph, with the rules their subgraphs parse them by. The supergraph carries only their
 * names, so without these the gateway would pass "2020-13-45" on and the subgraph's refusal would come back as a
 * failed fetch; with them the gateway refuses it itself, as BAD_USER_INPUT naming the variable or argument.
 */
export const customScalars: Record<string, GraphQLScalarType> = {
  Date: DateResolver,
  DateTimeISO: DateTimeISOResolver,
};

const specified = new Set(specifiedScalarTypes.map((scalar) => scalar.name));

/** The federation's own scalars (`join__FieldSet`, `link__Import`, `_Any`) are not in the API schema. */
const isFederationScalar = (name: string) => /^(_|join__|link__)/.test(name);

/** The custom scalars of a supergraph the gateway has no rule for: a supergraph with any is refused. */
export function scalarsWithoutRule(supergraphSdl: string): string[] {
  return parse(supergraphSdl)
    .definitions.filter((definition) => definition.kind === Kind.SCALAR_TYPE_DEFINITION)
    .map((definition) => definition.name.value)
    .filter((name) => !specified.has(name) && !isFederationScalar(name) && !(name in customScalars));
}

/** Gives the API schema's custom scalars their parsing rules each time the gateway loads a supergraph. */
export function parseCustomScalarsAtTheGateway(gateway: ApolloGateway): void {
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    for (const type of Object.values(apiSchema.getTypeMap())) {
      if (!isScalarType(type) || specified.has(type.name) || isFederationScalar(type.name)) continue;
      // A supergraph with a scalar without its rule never loads (scalarsWithoutRule).
      const rule = customScalars[type.name];
      if (!rule) continue;
      // Values are checked here and passed on as the client wrote them; answers are not reserialised.
      type.parseValue = (value) => (rule.parseValue(value), value);
      type.parseLiteral = (literal, variables) => (rule.parseLiteral(literal, variables), literal);
    }
  });
}
