import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { context, SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import { envOptional } from "./config";
import type { GraphQLMetrics } from "./metrics";
import { tracer, tracingOn } from "./telemetry";

/** Each request's operation span, by its context value: the parent of its resolver spans. */
const operationSpans = new WeakMap<object, Span>();

/**
 * Measures every GraphQL request (duration by operation name and outcome, errors by code) and, in a subgraph, makes
 * the request's server span its operation span: named `<type> <operation name>` once the operation is known, with
 * the operation's attributes and error codes. One span, not two of the same length: the SDK's work is per span, and
 * that is what tracing costs. Only names and codes are recorded: never variables, the document, or an error's message.
 */
export function operationTelemetry<Context extends BaseContext>(
  metrics: GraphQLMetrics,
  options: { operationSpans: boolean },
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      // The server span the HTTP layer started for this request (common/telemetry.ts, inServerSpan).
      const active = options.operationSpans && tracingOn() ? trace.getActiveSpan() : undefined;
      // A request the sampler left out gets no resolver spans either: it costs nothing more than with tracing off.
      const span = active?.isRecording() ? active : undefined;
      if (span) operationSpans.set(contextValue, span);
      // Parsing or validation failed: no operation was chosen.
      let operationName = "(unresolved)";
      return {
        async didResolveOperation({ operation, operationName: name }) {
          operationName = name ?? "(anonymous)";
          if (!span || !operation) return;
          span.updateName(`${operation.operation} ${operationName}`);
          span.setAttributes({
            "graphql.operation.type": operation.operation,
            ...(name ? { "graphql.operation.name": name } : {}),
          });
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          const codes = [...new Set(errors.map((error) => metrics.errorCode.of(codeOf(error.extensions?.code))))];
          metrics.requestDuration.observe(
            { operation: metrics.operationName.of(operationName), outcome: errors.length > 0 ? "error" : "ok" },
            (performance.now() - started) / 1000,
          );
          for (const error of errors)
            metrics.errors.inc({ code: metrics.errorCode.of(codeOf(error.extensions?.code)) });
          if (!span || codes.length === 0) return;
          // The HTTP layer ends the span once the answer is written.
          span.setAttribute("graphql.error.codes", codes);
          span.setStatus({ code: SpanStatusCode.ERROR });
        },
      };
    },
  };
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === "function";

/** An error's code as a label: codes are upper-case words; anything else a peer sent is not repeated. */
function codeOf(code: unknown): string {
  return typeof code === "string" && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : "(none)";
}

/**
 * Resolver spans (`resolve Query.country`), children of the operation span; SQL sent while a resolver runs is its child
 * in turn. By default root fields only (`Query`, `Mutation`, and `_entities` for the gateway's entity fetches), and
 * only where the operation has more than one: a lone root field's span would last as long as the operation's, and a
 * span for each object of a long list (a country's 400 contact points) costs more than the list's own work.
 * `OTEL_GRAPHQL_RESOLVER_SPANS=all` adds every root field and the fields of object, interface or union type (where
 * loaders and entity references run); scalar fields, resolved from what their parent already holds, never get one.
 * The schema's fields are wrapped in place, as Apollo Server's own resolver instrumentation does, so federation's
 * extensions stay.
 */
export function traceResolvers(schema: GraphQLSchema, depth: "root" | "all" = resolverSpansFromEnv()): void {
  const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    if (depth === "root" && !roots.has(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve || (!roots.has(type) && !isCompositeType(getNamedType(field.type)))) continue;
      field.resolve = tracedResolver(`resolve ${type.name}.${field.name}`, resolve, depth === "root");
    }
  }
}

function resolverSpansFromEnv(): "root" | "all" {
  const depth = envOptional("OTEL_GRAPHQL_RESOLVER_SPANS") ?? "root";
  if (depth !== "root" && depth !== "all")
    throw new Error(`OTEL_GRAPHQL_RESOLVER_SPANS must be root or all, got "${depth}"`);
  return depth;
}

function tracedResolver(name: string, resolve: GraphQLFieldResolver<unknown, unknown>, notAlone: boolean) {
  return ((source, args, contextValue: object, info) => {
    const operation = operationSpans.get(contextValue);
    const alone = info.path.prev === undefined && info.operation.selectionSet.selections.length === 1;
    if (!operation || (notAlone && alone)) return resolve(source, args, contextValue, info);
    const parent = trace.setSpan(context.active(), operation);
    const span = tracer.startSpan(name, {}, parent);
    const failed = (error: unknown) => {
      const code = error instanceof GraphQLError ? error.extensions.code : undefined;
      span.setStatus({ code: SpanStatusCode.ERROR });
      if (typeof code === "string") span.setAttribute("graphql.error.code", codeOf(code));
    };
    return context.with(trace.setSpan(parent, span), () => {
      let result: unknown;
      try {
        result = resolve(source, args, contextValue, info);
      } catch (error) {
        failed(error);
        span.end();
        throw error;
      }
      if (!isPromiseLike(result)) {
        span.end();
        return result;
      }
      // Prisma's promises are lazy thenables: resolving one here starts its SQL inside the resolver's span.
      return Promise.resolve(result).then(
        (value: unknown) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          failed(error);
          span.end();
          throw error;
        },
      );
    });
  }) satisfies GraphQLFieldResolver<unknown, object>;
}
