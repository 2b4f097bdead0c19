import { GraphQLError } from "graphql";

/** The error codes of the graph (README, "Conventions"); clients switch on `extensions.code`. */
export type ErrorCode =
  "BAD_USER_INPUT" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "SERVICE_UNAVAILABLE";

/** Bad input: `field` names the argument or input field at fault, e.g. `first` or `input.since`. */
export function badUserInput(message: string, field: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field, ...extra } });
}

export function graphError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/**
 * A unique constraint said no. Prisma maps it to P2002 with the pg adapter; the PGlite adapter passes the raw
 * PostgreSQL error (SQLSTATE 23505) as the cause.
 */
export function isUniqueViolation(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  return code === "P2002" || cause?.code === "23505";
}
