import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { logger } from "./logger";

/** The error codes of the graph (README, "Conventions"); clients switch on `extensions.code`. */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "SERVICE_UNAVAILABLE"
  | "SUBGRAPH_UNAVAILABLE"
  | "QUERY_TOO_COMPLEX"
  | "RATE_LIMITED"
  | "TRUSTED_DOCUMENT_REQUIRED";

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

/** Codes whose message was written for the client; any other error is a fault of ours and says nothing more. */
const codesForTheClient = new Set([
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "SERVICE_UNAVAILABLE",
  "SUBGRAPH_UNAVAILABLE",
  "QUERY_TOO_COMPLEX",
  "RATE_LIMITED",
  "TRUSTED_DOCUMENT_REQUIRED",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

/**
 * The last word on every error, in the gateway and in each subgraph: a fault of ours keeps its path and the subgraph's
 * name but loses its text (a database message, an address, a stack), which goes to the log instead.
 */
export function maskInternalErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { code, serviceName, subgraph } = formatted.extensions ?? {};
  // Apollo Server's own refusals without a code (a persisted query whose hash does not match) carry a 4xx status.
  if (isCodelessClientError(error)) return { message: formatted.message, extensions: { code: "BAD_REQUEST" } };
  if (typeof code === "string" && codesForTheClient.has(code)) {
    // An answer a subgraph refused with may carry the subgraph's HTTP response: never pass its address on.
    const { response: _response, stacktrace: _stacktrace, ...kept } = formatted.extensions ?? {};
    return { ...formatted, extensions: kept };
  }
  logger.error({ err: error, code, serviceName, path: formatted.path }, "internal error answered to a client");
  return {
    message: "internal error",
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: {
      code: "INTERNAL_SERVER_ERROR",
      ...(serviceName ? { serviceName } : {}),
      ...(subgraph ? { subgraph } : {}),
    },
  };
}

function isCodelessClientError(error: unknown): boolean {
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } } | null)?.extensions;
  const status = extensions?.http?.status;
  return extensions?.code === undefined && typeof status === "number" && status >= 400 && status < 500;
}
