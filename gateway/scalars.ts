import type { ApolloGateway } from "@apollo/gateway";
import { isScalarType, specifiedScalarTypes, type GraphQLScalarType } from "graphql";
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

/** Gives the API schema's custom scalars their parsing rules each time the gateway loads a supergraph. */
export function parseCustomScalarsAtTheGateway(gateway: ApolloGateway): void {
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    for (const type of Object.values(apiSchema.getTypeMap())) {
      if (!isScalarType(type) || specified.has(type.name) || type.name.startsWith("_")) continue;
      const rule = customScalars[type.name];
      // A subgraph's new scalar needs its rule here first: the gateway must not pass unchecked values on.
      if (!rule)
        throw new Error(`the gateway has no parsing rule for the scalar ${type.name}: add it to customScalars`);
      // Values are checked here and passed on as the client wrote them; answers are not reserialised.
      type.parseValue = (value) => (rule.parseValue(value), value);
      type.parseLiteral = (literal, variables) => (rule.parseLiteral(literal, variables), literal);
    }
  });
}
