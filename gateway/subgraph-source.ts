import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
// The request kinds are not exported from the package's entry point.
import { GraphQLDataSourceRequestKind } from "@apollo/gateway/dist/datasources/types";
import { trace } from "@opentelemetry/api";
import { Kind, parse, type DocumentNode, type SelectionSetNode } from "graphql";
import nodeFetch from "node-fetch";
import type { Viewer } from "../common/auth";
import { envPositiveInt, subgraphEnvName } from "../common/config";
import { requestIdHeader } from "../common/http";
import { logger } from "../common/logger";
import type { GatewayMetrics } from "../common/metrics";
import { subgraphAttribute, traceHeaders, unsampledTraceHeaders } from "../common/telemetry";
import { viewerTokenHeader, type ViewerTokenSigner } from "../common/viewer-token";
import { checkSubgraphUrl, type subgraphAgents } from "./transport";

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;
/** A fetch for a client's request (not a health check). */
type ClientFetch = Extract<
  GraphQLDataSourceProcessOptions<GatewayContext>,
  { kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION }
>;

/** What the gateway passes on to every subgraph it calls for one client request. */
export interface GatewayContext {
  requestId: string;
  acceptLanguage?: string;
  /** The viewer; absent when anonymous. Each subgraph called gets a token signed for it alone (viewer-token.ts). */
  viewer?: Viewer;
  /** The client's address: an anonymous client's rate limit is counted by it. */
  clientAddress?: string;
}

/** How long the gateway waits for a subgraph's whole answer: `<NAME>_TIMEOUT_SECONDS`, else SUBGRAPH_TIMEOUT_SECONDS. */
export const subgraphTimeoutMs = (name: string) =>
  envPositiveInt(subgraphEnvName(name, "TIMEOUT_SECONDS"), envPositiveInt("SUBGRAPH_TIMEOUT_SECONDS", 10)) * 1000;

/**
 * The gateway's client of one subgraph: signs the viewer token for it, bounds the wait, and turns a subgraph that
 * cannot answer (refused, reset, timed out, a 5xx, not GraphQL) into SUBGRAPH_UNAVAILABLE errors at the paths it
 * should have filled, so the other subgraphs' fields still answer. Its address stays in the gateway's log. It passes
 * the trace context on (`traceparent`) and measures each fetch, by subgraph.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly subgraph: string,
    url: string,
    agents: ReturnType<typeof subgraphAgents>,
    private readonly signViewer: ViewerTokenSigner,
    private readonly metrics: GatewayMetrics,
  ) {
    const target = checkSubgraphUrl(subgraph, url);
    const agent = target.protocol === "https:" ? agents.https : agents.http;
    const timeout = subgraphTimeoutMs(subgraph);
    super({
      url: target.toString(),
      // node-fetch on a keep-alive agent: connections to subgraphs are reused, and without make-fetch-happen's
      // HTTP-cache layer (subgraph answers are per viewer, never cached); it costs less CPU per request than Node's
      // own fetch (undici): measured in README, Benchmarks. Its timeout covers the answer's body too.
      fetcher: (input, init) => nodeFetch(input, { ...init, agent, timeout }),
    });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Also called for health checks with an empty context: they ask the subgraph not to trace them.
    const health = !("requestId" in context);
    // Otherwise inside the gateway.fetch span: the parent of the subgraph's spans.
    if (!health) trace.getActiveSpan()?.setAttribute(subgraphAttribute, this.subgraph);
    for (const [name, value] of Object.entries(health ? unsampledTraceHeaders() : traceHeaders()))
      request.http?.headers.set(name, value);
    if (health) return;
    request.http?.headers.set(requestIdHeader, context.requestId);
    if (context.acceptLanguage) request.http?.headers.set("accept-language", context.acceptLanguage);
    if (!context.viewer) return;
    request.http?.headers.set(viewerTokenHeader, await this.signViewer(context.viewer, this.subgraph));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return super.process(options);
    const started = performance.now();
    const response = await this.fetchOrFill(options);
    const codes = (response.errors ?? []).map((error) => {
      const code = error.extensions?.code;
      return typeof code === "string" ? code : "(none)";
    });
    const outcome = codes.includes("SUBGRAPH_UNAVAILABLE") ? "unavailable" : codes.length > 0 ? "error" : "ok";
    this.metrics.subgraphFetchDuration.observe(
      { subgraph: this.subgraph, outcome },
      (performance.now() - started) / 1000,
    );
    for (const code of codes)
      this.metrics.subgraphFetchErrors.inc({ subgraph: this.subgraph, code: this.metrics.errorCode.of(code) });
    return response;
  }

  /** The subgraph's answer, or SUBGRAPH_UNAVAILABLE errors at the paths it should have filled. */
  private async fetchOrFill(options: ClientFetch): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      const refusal = graphQLRefusal(error);
      // A subgraph that answered 4xx in GraphQL (e.g. it refused the viewer token) has said why: pass that on.
      if (refusal) return { errors: refusal };
      logger.warn(
        { err: error, subgraph: this.subgraph, requestId: options.context.requestId },
        "subgraph unavailable: its fields answer null with SUBGRAPH_UNAVAILABLE",
      );
      const document = options.document ?? parse(options.request.query ?? "{ __typename }");
      const representations = options.request.variables?.representations;
      const entityCount = Array.isArray(representations) ? representations.length : 0;
      // One error per path left empty, as the GraphQL specification asks for each field an error nulls.
      const paths = pathsToFill(document, entityCount);
      return {
        errors: paths.map((path) => ({
          message: `the ${this.subgraph} subgraph is unavailable; the other subgraphs' fields are answered`,
          path,
          extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: this.subgraph },
        })),
      };
    }
  }
}

/** The GraphQL errors of a 4xx answer whose body is a GraphQL answer with codes, or null. */
function graphQLRefusal(error: unknown): SubgraphResponse["errors"] | null {
  const response = (error as { extensions?: { response?: { status?: number; body?: unknown } } }).extensions?.response;
  if (!response?.status || response.status < 400 || response.status >= 500) return null;
  const errors = (response.body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const coded = errors.every(
    (entry) => typeof (entry as { extensions?: { code?: unknown } }).extensions?.code === "string",
  );
  return coded ? (errors as SubgraphResponse["errors"]) : null;
}

/**
 * The paths in a subgraph's answer that a failed fetch leaves empty, as the subgraph itself would name them: each
 * root field, or, for an entity fetch, each field of each entity (`_entities.<index>.<field>`), which the gateway
 * maps back to where the entity sits in the client's answer.
 */
function pathsToFill(document: DocumentNode, entityCount: number): (string | number)[][] {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const rootKeys = responseKeys(operation.selectionSet);
  const entities = operation.selectionSet.selections.find(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === "_entities",
  );
  if (!entities || entities.kind !== Kind.FIELD || !entities.selectionSet) return rootKeys.map((key) => [key]);
  const fields = responseKeys(entities.selectionSet).filter((key) => key !== "__typename");
  const paths: (string | number)[][] = [];
  for (let index = 0; index < entityCount; index += 1)
    for (const field of fields) paths.push(["_entities", index, field]);
  return paths;
}

/** The response keys a selection set fills, through inline fragments (an entity fetch selects `... on Country`). */
function responseKeys(selectionSet: SelectionSetNode): string[] {
  const keys = new Set<string>();
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) keys.add(selection.alias?.value ?? selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      for (const key of responseKeys(selection.selectionSet)) keys.add(key);
  }
  return [...keys];
}
