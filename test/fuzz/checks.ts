import type { Operation } from "./generate";

/** What came back for one operation. */
export interface Exchange {
  status: number;
  text: string;
  /** The parsed answer; undefined when it was not JSON. */
  body?: {
    data?: Record<string, unknown> | null;
    errors?: { message?: unknown; path?: unknown; extensions?: Record<string, unknown> }[];
  };
  ms: number;
  /** Set when no answer came within the time allowed, or the connection failed. */
  transportError?: string;
}

/**
 * Texts that must never reach a client in an error: addresses of subgraphs, stack traces, SQL and Prisma text, file
 * paths. `subgraphPorts` adds the ports the subgraphs of the graph under test listen on.
 */
export function leakPatterns(subgraphPorts: number[] = []): { name: string; pattern: RegExp }[] {
  return [
    { name: "URL", pattern: /https?:\/\/[^\s"'\\<>]+/gi },
    { name: "loopback address", pattern: /127\.0\.0\.1|\[::1\]|0\.0\.0\.0/g },
    { name: "localhost:port", pattern: /localhost:\d+/gi },
    ...(subgraphPorts.length > 0
      ? [{ name: "subgraph port", pattern: new RegExp(`(?<![\\d.])(?:${subgraphPorts.join("|")})(?![\\d.])`, "g") }]
      : []),
    { name: "stack trace", pattern: /\n\s+at |^\s{2,}at \S+ \(|\bat \S+ \([^)]*:\d+:\d+\)/gm },
    { name: "Prisma", pattern: /prisma|Invalid `|\bP[1-3]\d{3}\b/gi },
    {
      name: "SQL",
      pattern:
        /invalid byte sequence|SQLSTATE|relation "|violates|syntax error at or near|duplicate key value|column "[^"]*" (?:of|does)|invalid input syntax for type|out of range for type|unterminated quoted|PostgreSQL|pglite/gi,
    },
    { name: "file path", pattern: /\/node_modules\/|[\w-]+\.[tj]s:\d+|\/work\/|\/home\/|\/usr\/|[A-Z]:\\\\/g },
    { name: "network internals", pattern: /ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|EPIPE/g },
  ];
}

/** Extension keys that carry internals (Apollo's stack traces and exceptions, the gateway's subgraph response). */
const internalExtensionKeys = ["stacktrace", "exception", "response"];

export interface CheckOptions {
  patterns: { name: string; pattern: RegExp }[];
  maxMs: number;
}

/** Every decoded string inside a JSON text (to tell an echo of the client's own input from a leak). */
function stringsOf(json: string): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  try {
    walk(JSON.parse(json));
  } catch {
    // Variables JSON cannot parse (1e309 is Infinity and parses; anything else is the generator's own text).
  }
  return out;
}

/** The reasons this exchange fails the fuzz; empty when it passes. */
export function checkExchange(operation: Operation, exchange: Exchange, options: CheckOptions): string[] {
  const reasons: string[] = [];
  if (exchange.transportError) return [exchange.transportError];
  if (exchange.ms > options.maxMs) reasons.push(`answered after ${exchange.ms} ms (limit ${options.maxMs} ms)`);
  if (exchange.status >= 500) reasons.push(`HTTP ${exchange.status}`);
  const body = exchange.body;
  if (!body || typeof body !== "object") {
    reasons.push(`answer is not GraphQL JSON: ${exchange.text.slice(0, 200)}`);
    return reasons;
  }
  if (!("data" in body) && !Array.isArray(body.errors)) reasons.push("answer has neither data nor errors");
  const echo = [operation.query, operation.variables, ...stringsOf(operation.variables)].join("\n");
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== "string" || code === "")
      reasons.push(`error without extensions.code: ${String(error.message)}`);
    else if (code === "INTERNAL_SERVER_ERROR") reasons.push(`INTERNAL_SERVER_ERROR: ${String(error.message)}`);
    for (const key of internalExtensionKeys) {
      if (error.extensions && key in error.extensions) reasons.push(`internals in extensions.${key}`);
    }
    const text = `${String(error.message)}\n${JSON.stringify(error.extensions ?? {})}`;
    for (const { name, pattern } of options.patterns) {
      for (const match of text.matchAll(pattern)) {
        if (echo.includes(match[0])) continue;
        reasons.push(`leaks ${name}: "${match[0]}"`);
        break;
      }
    }
  }
  return [...new Set(reasons)];
}

/** The outcome an exchange counts under in the summary: ok, the first error's code, or how the answer failed. */
export function outcomeOf(exchange: Exchange): string {
  if (exchange.transportError) return exchange.transportError.startsWith("no answer") ? "TIMEOUT" : "TRANSPORT";
  const errors = exchange.body?.errors;
  if (!exchange.body) return `HTTP ${exchange.status}`;
  if (!errors || errors.length === 0) return "ok";
  const code = errors[0].extensions?.code;
  return typeof code === "string" && code !== "" ? code : "(no code)";
}

/** A refusal by the gateway's cost limit. */
export const refusedByCost = (exchange: Exchange) =>
  (exchange.body?.errors ?? []).some(
    (error) => error.extensions?.code === "QUERY_TOO_COMPLEX" || /cost limit/i.test(String(error.message)),
  );

/**
 * Whether a mutation's answer says it did not happen: no GraphQL answer, a request error (no path), or an error of
 * the root field itself. An error only below the root field (a guarded or mistyped field of the selection, resolved
 * after the change) does not undo the mutation, even where it nulls the whole answer.
 */
export function mutationFailed(exchange: Exchange): boolean {
  const body = exchange.body;
  if (!body) return true;
  return (body.errors ?? []).some((error) => !Array.isArray(error.path) || error.path.length <= 1);
}

/** A mutation that changed data but answered `data: null`, because of an error in its selection. */
export function changedButAnsweredNull(exchange: Exchange): boolean {
  return !!exchange.body?.errors?.length && !exchange.body.data && !mutationFailed(exchange);
}
