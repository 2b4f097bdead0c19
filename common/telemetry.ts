import {
  context,
  createContextKey,
  diag,
  DiagLogLevel,
  INVALID_SPAN_CONTEXT,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Span,
  type Tracer,
  type TracerOptions,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOffSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-node";
import crypto from "node:crypto";
import type http from "node:http";
import { envFlag, envOptional } from "./config";
import { logger, withRequestId } from "./logger";

/**
 * OpenTelemetry traces, configured by the standard OTEL_* variables and exported over OTLP/HTTP (JSON bodies).
 *
 * - on: an OTLP endpoint is set (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or
 *   `OTEL_TRACES_EXPORTER=otlp`; sampling by `OTEL_TRACES_SAMPLER` (default `parentbased_always_on`);
 * - off (the default): nothing is recorded or exported, but requests still get trace and span ids (a client's
 *   `traceparent` is kept), so log lines carry them and the gateway passes them on;
 * - disabled (`OTEL_SDK_DISABLED=true`): no ids either.
 *
 * Spans carry operation names, subgraph names, SQL text with its placeholders, error codes and durations: never
 * variable values, SQL parameters, answers, headers or the GraphQL document.
 */
export type TracingMode = "on" | "off" | "disabled";

export const tracer = trace.getTracer("cybercrime-networks-graph");

/** The attribute that names the subgraph a span belongs to, as Apollo Router names it. */
export const subgraphAttribute = "subgraph.name";

const subgraphKey = createContextKey("cybercrime-networks-graph.subgraph");

let running: { mode: TracingMode; provider: NodeTracerProvider | null } | null = null;

/** The name @apollo/gateway gives its tracer. */
const apolloGatewayTracer = "apollo/gateway-js";

/**
 * @apollo/gateway's spans that are not recorded: checking the variables, the execution span around the fetches and
 * shaping the answer. Each costs what any span costs on every request, and none answers an operator's question that
 * `gateway.request` and the fetches do not; without them, each `gateway.fetch` is a child of `gateway.request`.
 */
const unrecordedGatewaySpans = new Set(["gateway.validate", "gateway.execute", "gateway.postprocessing"]);

/** A tracer that runs the named spans' work in the caller's context, with a span that records nothing. */
function withoutSpans(tracer: Tracer, unrecorded: Set<string>): Tracer {
  const nothing = (): Span => trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
  return {
    startSpan: (name, options, parent) => (unrecorded.has(name) ? nothing() : tracer.startSpan(name, options, parent)),
    startActiveSpan: (name: string, ...rest: unknown[]) => {
      if (!unrecorded.has(name)) return (tracer.startActiveSpan as (...args: unknown[]) => unknown)(name, ...rest);
      // The work is the last argument, after the span's options and its parent context when given.
      return (rest[rest.length - 1] as (span: Span) => unknown)(nothing());
    },
  };
}

class GraphTracerProvider extends NodeTracerProvider {
  override getTracer(name: string, version?: string, options?: TracerOptions): Tracer {
    const tracer = super.getTracer(name, version, options);
    return name === apolloGatewayTracer ? withoutSpans(tracer, unrecordedGatewaySpans) : tracer;
  }
}

export function tracingModeFromEnv(): TracingMode {
  if (envFlag("OTEL_SDK_DISABLED", false)) return "disabled";
  const exporter = envOptional("OTEL_TRACES_EXPORTER");
  if (exporter !== undefined && exporter !== "otlp" && exporter !== "none") {
    throw new Error(`OTEL_TRACES_EXPORTER must be otlp or none, got "${exporter}"`);
  }
  for (const variable of ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"]) {
    const protocol = envOptional(variable);
    if (protocol !== undefined && protocol !== "http/json") {
      throw new Error(`${variable}: traces are sent as OTLP/HTTP with JSON bodies; set http/json, got "${protocol}"`);
    }
  }
  if (exporter === "none") return "off";
  const endpoint = envOptional("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") ?? envOptional("OTEL_EXPORTER_OTLP_ENDPOINT");
  return exporter === "otlp" || endpoint !== undefined ? "on" : "off";
}

/**
 * Registers the tracer provider for this process; once, before any request. `serviceName` is the resource's
 * `service.name` unless OTEL_SERVICE_NAME (or OTEL_RESOURCE_ATTRIBUTES) says otherwise.
 */
export function startTelemetry(serviceName: string): TracingMode {
  if (running) return running.mode;
  const mode = tracingModeFromEnv();
  if (mode === "disabled") {
    running = { mode, provider: null };
    return mode;
  }
  // The SDK's own troubles (a collector that cannot be reached, a sampler it does not know) go to the log.
  const warn = (message: string, ...args: unknown[]) =>
    logger.warn({ component: "opentelemetry" }, [message, ...args.map(String)].join(" "));
  diag.setLogger(
    { error: warn, warn, info: () => undefined, debug: () => undefined, verbose: () => undefined },
    DiagLogLevel.WARN,
  );
  const provider = new GraphTracerProvider({
    resource: defaultResource()
      .merge(resourceFromAttributes({ "service.name": serviceName }))
      .merge(detectResources({ detectors: [envDetector] })),
    ...(mode === "on"
      ? { spanProcessors: [subgraphNamer, new BatchSpanProcessor(new OTLPTraceExporter())] }
      : { sampler: new AlwaysOffSampler() }),
  });
  // Trace context only: a client's baggage is not passed on to the subgraphs.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  running = { mode, provider };
  return mode;
}

/** Sends the spans still buffered and unregisters the provider (on shutdown, and between tests). */
export async function stopTelemetry(): Promise<void> {
  const provider = running?.provider;
  running = null;
  if (!provider) return;
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
  diag.disable();
}

/** Spans are recorded and exported: resolver and SQL spans are worth making. */
export const tracingOn = () => running?.mode === "on";

/** Names the subgraph on every span started under its requests (in one process, the resource cannot). */
const subgraphNamer: SpanProcessor = {
  onStart(span, parentContext) {
    const subgraph = parentContext.getValue(subgraphKey);
    if (typeof subgraph === "string") span.setAttribute(subgraphAttribute, subgraph);
  },
  onEnd: () => undefined,
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

const knownMethods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Runs one HTTP request's work in its server span: the parent comes from the request's `traceparent` (or none: a new
 * trace). The span is named by method and route only (no path below the route, no query string, no header).
 */
export function inServerSpan<T>(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  route: string,
  scope: { subgraph?: string; requestId: string },
  work: () => Promise<T>,
): Promise<T> {
  let parent = propagation.extract(ROOT_CONTEXT, request.headers);
  if (scope.subgraph) parent = parent.setValue(subgraphKey, scope.subgraph);
  parent = withRequestId(parent, scope.requestId);
  const method = knownMethods.has(request.method ?? "") ? request.method! : "_OTHER";
  const span = tracer.startSpan(
    `${method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { "http.request.method": method, "http.route": route } },
    parent,
  );
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work();
    } finally {
      span.setAttribute("http.response.status_code", response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
  });
}

/** The current trace context as headers (`traceparent`) for a call to another service, e.g. the gateway's to a subgraph. */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

/**
 * A trace context that asks not to be sampled, as headers: for health checks, which would otherwise start a trace in
 * every subgraph at every readiness probe.
 */
export function unsampledTraceHeaders(): Record<string, string> {
  const unsampled = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: crypto.randomBytes(16).toString("hex"),
    spanId: crypto.randomBytes(8).toString("hex"),
    traceFlags: TraceFlags.NONE,
  });
  const headers: Record<string, string> = {};
  propagation.inject(unsampled, headers);
  return headers;
}
