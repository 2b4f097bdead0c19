import { context, createContextKey, isSpanContextValid, trace, type Context } from "@opentelemetry/api";
import pino from "pino";
import { envString } from "./config";

const requestIdKey = createContextKey("cybercrime-networks-graph.request-id");

/** The request id in a request's trace context: every line logged while serving it carries the id. */
export const withRequestId = (parent: Context, requestId: string): Context => parent.setValue(requestIdKey, requestId);

/**
 * The request id, trace id and span id of the request being served, read from the active trace context (kept across
 * awaits once telemetry has started, whether or not spans are exported).
 */
function requestFields(mergeObject: object, _level: number, instance: pino.Logger): Record<string, string> {
  const active = context.active();
  const fields: Record<string, string> = {};
  const requestId = active.getValue(requestIdKey);
  // A child logger may have bound the id already; one key per line.
  if (typeof requestId === "string" && !("requestId" in mergeObject) && !("requestId" in instance.bindings()))
    fields.requestId = requestId;
  const spanContext = trace.getSpanContext(active);
  if (spanContext && isSpanContextValid(spanContext)) {
    fields.traceId = spanContext.traceId;
    fields.spanId = spanContext.spanId;
  }
  return fields;
}

/** Structured JSON logs on stdout, written synchronously so they interleave in order with the start banner. */
export const logger = pino(
  {
    level: envString("LOG_LEVEL", "info"),
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: requestFields,
  },
  pino.destination({ sync: true }),
);

export type Logger = typeof logger;
