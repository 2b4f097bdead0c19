import { GraphQLError } from "graphql";

/** The error codes of the graph (shared/DESIGN.md §7); clients switch on `extensions.code`. */
export type ErrorCode = "BAD_USER_INPUT" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT";

/** Bad input: `field` names the argument or input field at fault, e.g. `first` or `input.since`. */
export function badUserInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field } });
}

export function graphError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}
