import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics (prom-client). The process's own (CPU, memory, event-loop lag, GC, handles) are collected once
 * per process and shown on every /metrics of it; each service (the gateway, each subgraph) has its own registry
 * beside them, so in `npm start`'s one process each subgraph's /metrics still counts only its own work.
 */
let processRegistry: Registry | null = null;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** /metrics in Prometheus text: the process's metrics, then the service's. */
export async function metricsText(registry: Registry): Promise<{ contentType: string; text: string }> {
  const texts = await Promise.all([processMetrics().metrics(), registry.metrics()]);
  return { contentType: registry.contentType, text: texts.map((text) => text.trimEnd()).join("\n") + "\n" };
}

/**
 * Label values a client chooses (operation names) or a peer sends (error codes): the first `limit` distinct values
 * are kept, later ones counted as "(other)", so a client sending made-up names cannot grow the registry without end.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly limit: number) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.limit) return "(other)";
    this.seen.add(value);
    return value;
  }
}

const requestBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What the gateway and every subgraph measure of the GraphQL requests they serve. */
export interface GraphQLMetrics {
  registry: Registry;
  /** By operation name and outcome (`ok`, or `error` when the answer carries any error). */
  requestDuration: Histogram<"operation" | "outcome">;
  /** Errors in answers, by `extensions.code`. */
  errors: Counter<"code">;
  operationName: BoundedLabel;
  errorCode: BoundedLabel;
}

function graphQLMetrics(registry: Registry): GraphQLMetrics {
  // From the first service on, so event-loop lag percentiles cover the time before the first scrape too.
  processMetrics();
  return {
    registry,
    requestDuration: new Histogram({
      name: "graphql_request_duration_seconds",
      help: "GraphQL requests served, by operation name and outcome (ok, or error when the answer carries errors).",
      labelNames: ["operation", "outcome"],
      buckets: requestBuckets,
      registers: [registry],
    }),
    errors: new Counter({
      name: "graphql_errors_total",
      help: "Errors in GraphQL answers, by extensions.code.",
      labelNames: ["code"],
      registers: [registry],
    }),
    operationName: new BoundedLabel(500),
    errorCode: new BoundedLabel(100),
  };
}

export interface SubgraphMetrics extends GraphQLMetrics {
  /** One SQL statement sent, and how long the database took. */
  observeStatement(durationMs: number): void;
}

export function subgraphMetrics(subgraph: string): SubgraphMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph });
  const statements = new Counter({
    name: "sql_statements_total",
    help: "SQL statements sent to the database since the subgraph started.",
    registers: [registry],
  });
  const statementDuration = new Histogram({
    name: "sql_statement_duration_seconds",
    help: "Time from sending an SQL statement to having its result.",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  return {
    ...graphQLMetrics(registry),
    observeStatement(durationMs) {
      statements.inc();
      statementDuration.observe(durationMs / 1000);
    },
  };
}

export interface GatewayMetrics extends GraphQLMetrics {
  /** One fetch from a subgraph for a client request, by subgraph and outcome (`ok`, `error`, `unavailable`). */
  subgraphFetchDuration: Histogram<"subgraph" | "outcome">;
  /** Errors a subgraph fetch brought back, by subgraph and code (`SUBGRAPH_UNAVAILABLE` when it did not answer). */
  subgraphFetchErrors: Counter<"subgraph" | "code">;
}

export function gatewayMetrics(supergraph: () => { hash: string; loadedAt: Date }): GatewayMetrics {
  const registry = new Registry();
  new Gauge({
    name: "gateway_supergraph_loaded_timestamp_seconds",
    help: "When the supergraph served now was loaded.",
    labelNames: ["hash"],
    registers: [registry],
    collect() {
      const { hash, loadedAt } = supergraph();
      this.reset();
      this.set({ hash }, loadedAt.getTime() / 1000);
    },
  });
  return {
    ...graphQLMetrics(registry),
    subgraphFetchDuration: new Histogram({
      name: "gateway_subgraph_fetch_duration_seconds",
      help: "Fetches from subgraphs for client requests, by subgraph and outcome (ok, error, unavailable).",
      labelNames: ["subgraph", "outcome"],
      buckets: requestBuckets,
      registers: [registry],
    }),
    subgraphFetchErrors: new Counter({
      name: "gateway_subgraph_fetch_errors_total",
      help: "Errors subgraph fetches brought back, by subgraph and extensions.code (SUBGRAPH_UNAVAILABLE: no answer).",
      labelNames: ["subgraph", "code"],
      registers: [registry],
    }),
  };
}
