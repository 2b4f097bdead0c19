import { GraphQLScalarType, type ValueNode } from "graphql";
import { DateResolver as RfcDate, DateTimeISOResolver as RfcDateTime } from "graphql-scalars";

/**
 * The graph's dates: graphql-scalars' RFC 3339 rules, and a year from 1 to 9999. RFC 3339 allows year 0, which
 * JavaScript reads as 1 BC and PostgreSQL refuses; no fact of the graph lies outside these years.
 */
export const lastYear = 9999;

function withinYears(scalar: GraphQLScalarType<Date, string>): GraphQLScalarType<Date, string> {
  const checked = (date: Date): Date => {
    const year = date.getUTCFullYear();
    // Thrown as graphql-scalars does: GraphQL names the variable or argument it came from.
    if (year < 1 || year > lastYear) throw new TypeError(`${scalar.name} must be in the years 1 to ${lastYear}`);
    return date;
  };
  return new GraphQLScalarType({
    ...scalar.toConfig(),
    parseValue: (value: unknown) => checked(scalar.parseValue(value)),
    parseLiteral: (literal: ValueNode, variables?: Record<string, unknown> | null) =>
      checked(scalar.parseLiteral(literal, variables)),
  });
}

export const DateResolver = withinYears(RfcDate);
export const DateTimeISOResolver = withinYears(RfcDateTime);
