import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import type http from "node:http";
import path from "node:path";
import { checkSecretsForInterface } from "../common/auth";
import {
  envFlag,
  envOptional,
  envPort,
  envPositiveInt,
  envString,
  isProduction,
  subgraphEnvName,
} from "../common/config";
import { maskInternalErrors } from "../common/errors";
import { serveGraphQL, type RunningServer } from "../common/http";
import { refuseUnstorableText } from "../common/input-guard";
import { logger } from "../common/logger";
import { gatewayMetrics } from "../common/metrics";
import { operationTelemetry } from "../common/operation-telemetry";
import { jwksPath, signingKeysFromEnv, viewerTokenSigner, type SigningKeys } from "../common/viewer-token";
import { viewerVerifierFromEnv } from "./auth";
import { loadCatalogue } from "./catalogue";
import { explorerRoute, landingPageFromEnv, landingPagePlugin } from "./explorer";
import { exportRoute } from "./export";
import { armor, limitsFromEnv, type GatewayLimits } from "./limits";
import { createRateLimiter, rateLimitsFromEnv, type RateLimits } from "./rate-limits";
import { unavailableSubgraphs } from "./readiness";
import { parseCustomScalarsAtTheGateway } from "./scalars";
import { calendarRoute, formRoute } from "./subgraph-files";
import { SubgraphSource, type GatewayContext } from "./subgraph-source";
import { LiveSupergraph, type SupergraphOrigin } from "./supergraph";
import { subgraphAgents } from "./transport";
import {
  loadManifests,
  persistedQueryStore,
  trustedDocumentsDirFromEnv,
  trustedDocumentsModeFromEnv,
  trustedDocumentsPlugin,
  type TrustedDocumentsMode,
} from "./trusted-documents";

export const supergraphPath = path.join(__dirname, "..", "schema", "supergraph.graphql");

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Subgraph URLs by name; a subgraph not named here is reached through `<NAME>_URL` or the supergraph's URL. */
  subgraphUrls?: Record<string, string>;
  /** Fixed supergraph text; by default the gateway watches GATEWAY_SUPERGRAPH_FILE or polls GATEWAY_SUPERGRAPH_URL. */
  supergraphSdl?: string;
  /** A supergraph file to watch instead of the environment's. */
  supergraphFile?: string;
  /** Rate limits instead of the environment's; `false`: none (tests that are not about them). */
  rateLimits?: RateLimits | false;
  trustedDocuments?: { mode: TrustedDocumentsMode; dir?: string };
  /** Overrides of the environment's limits and switches (tests). */
  limits?: Partial<GatewayLimits>;
  introspection?: boolean;
  sandbox?: boolean;
  /** The keys viewer tokens are signed with; by default from the environment. */
  signingKeys?: SigningKeys;
}

/** A document whose operation cannot be chosen is the client's mistake: 400 naming operationName, not a 500. */
const operationMustResolve: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const message = request.operationName
          ? `the document has no operation named "${request.operationName}"`
          : "the document holds several operations: name the one to run in operationName";
        throw new GraphQLError(message, {
          extensions: { code: "BAD_USER_INPUT", field: "operationName", http: { status: 400 } },
        });
      },
    };
  },
};

export async function startGateway(options: GatewayOptions = {}): Promise<RunningServer> {
  const production = isProduction();
  const introspection = options.introspection ?? envFlag("GATEWAY_INTROSPECTION", !production);
  const sandbox = options.sandbox ?? envFlag("GATEWAY_SANDBOX", !production);
  const landingPage = landingPageFromEnv(sandbox);
  // The analysts' ready-made questions: tabs of the explorer, and what /export runs.
  const catalogue = loadCatalogue();
  const limits = { ...limitsFromEnv(), ...options.limits };
  const rateLimits = options.rateLimits === undefined ? rateLimitsFromEnv() : options.rateLimits || null;
  const rateLimiter = rateLimits ? await createRateLimiter(rateLimits) : null;
  const protection = armor<GatewayContext>(limits, introspection, (context, cost) =>
    rateLimiter ? rateLimiter.charge(context, cost) : Promise.resolve(),
  );
  const trustedMode = options.trustedDocuments?.mode ?? trustedDocumentsModeFromEnv();
  const manifests = loadManifests(options.trustedDocuments?.dir ?? trustedDocumentsDirFromEnv());
  const verifyViewer = viewerVerifierFromEnv();
  const signingKeys = options.signingKeys ?? (await signingKeysFromEnv());
  const supergraph = new LiveSupergraph(supergraphOrigin(options));
  const metrics = gatewayMetrics(() => supergraph.current);
  const subgraphUrl = (name: string, url?: string) =>
    options.subgraphUrls?.[name] ?? envString(subgraphEnvName(name, "URL"), url ?? "");
  const agents = subgraphAgents();
  const sources = new Map<string, SubgraphSource>();
  const signViewer = viewerTokenSigner(signingKeys);
  // @apollo/gateway reports facts about its host to Apollo every hour unless told not to, probing cloud metadata
  // addresses to find its provider: a graph of prosecutors' contacts does not call out unasked. `false` allows it.
  // eslint-disable-next-line no-restricted-properties -- @apollo/gateway reads this variable itself
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph,
    buildService: ({ name, url }) => {
      const source = new SubgraphSource(name, subgraphUrl(name, url), agents, signViewer, metrics);
      sources.set(name, source);
      return source;
    },
    logger: logger.child({ service: "gateway" }),
    // Its spans (gateway.request, gateway.plan, gateway.fetch) carry operation names: never the document or errors.
    telemetry: { includeDocument: false, recordExceptions: false },
  });
  parseCustomScalarsAtTheGateway(gateway);
  const server = new ApolloServer<GatewayContext>({
    // Our entry points stop the servers on SIGTERM and SIGINT, draining requests in flight first; Apollo's own
    // handlers would stop at once and end the process.
    stopOnTerminationSignals: false,
    gateway,
    introspection,
    // Without introspection, error messages must not reveal the schema either.
    hideSchemaDetailsFromClientErrors: !introspection,
    csrfPrevention: true,
    persistedQueries: { cache: persistedQueryStore(trustedMode, manifests) },
    formatError: maskInternalErrors,
    ...protection,
    plugins: [
      ...protection.plugins,
      operationMustResolve,
      refuseUnstorableText,
      trustedDocumentsPlugin<GatewayContext>(trustedMode, manifests),
      landingPagePlugin(landingPage),
      operationTelemetry<GatewayContext>(metrics, { operationSpans: false }),
    ],
  });
  await server.start();
  const host = options.host ?? envString("HOST", "127.0.0.1");
  checkSecretsForInterface("the gateway", host, envOptional("JWT_JWKS_URL") ? [] : ["JWT_SECRET"]);
  const running = await serveGraphQL(server, {
    name: "gateway",
    host,
    port: options.port ?? envPort("PORT", 4000),
    maxBodyBytes: limits.maxBodyBytes,
    metrics: metrics.registry,
    // The events subgraph's calendar feeds, on the one public endpoint.
    routes: {
      "/calendar": calendarRoute(() => subgraphUrl("events", supergraphUrlOf(supergraph.current.sdl, "events"))),
      // Requests' T-CY forms by their signed, short-lived links.
      "/forms": formRoute(() => subgraphUrl("requests", supergraphUrlOf(supergraph.current.sdl, "requests"))),
      // Catalogue operations as CSV, run through the graph with the caller's token; the explorer served offline.
      "/export": exportRoute(catalogue),
      ...(landingPage === "off" ? {} : { "/explorer": explorerRoute(catalogue) }),
      // The public keys subgraphs verify viewer tokens with (two during a rotation).
      "/.well-known": (request, response) => {
        if (request.url?.split("?")[0] !== jwksPath) return void response.writeHead(404).end();
        response
          .writeHead(200, { "content-type": "application/jwk-set+json", "cache-control": "max-age=300" })
          .end(JSON.stringify(signingKeys.published));
      },
    },
    context: async (request: http.IncomingMessage, requestId) => {
      const viewer = await verifyViewer(request.headers.authorization);
      return {
        requestId,
        acceptLanguage:
          typeof request.headers["accept-language"] === "string" ? request.headers["accept-language"] : undefined,
        viewer: viewer ?? undefined,
        clientAddress: request.socket.remoteAddress,
      };
    },
    // Ready when every subgraph answers: a load balancer then sends clients to a gateway that can serve them whole.
    unavailableDependencies: () => unavailableSubgraphs(sources),
    readinessDetails: () => ({
      supergraph: { hash: supergraph.current.hash, loadedAt: supergraph.current.loadedAt.toISOString() },
    }),
  });
  return {
    ...running,
    async close() {
      await running.close();
      await server.stop();
      await rateLimiter?.close();
    },
  };
}

/** Fixed text, a file to watch (GATEWAY_SUPERGRAPH_FILE, default the committed one), or a URL to poll. */
function supergraphOrigin(options: GatewayOptions): SupergraphOrigin {
  if (options.supergraphSdl) return { kind: "fixed", sdl: options.supergraphSdl };
  if (options.supergraphFile) return { kind: "file", path: options.supergraphFile };
  const url = envOptional("GATEWAY_SUPERGRAPH_URL");
  if (url) return { kind: "url", url, pollMs: envPositiveInt("GATEWAY_SUPERGRAPH_POLL_SECONDS", 10) * 1000 };
  return { kind: "file", path: envOptional("GATEWAY_SUPERGRAPH_FILE") ?? supergraphPath };
}

/** The URL the supergraph gives a subgraph (`@join__graph(name: "events", url: "…")`). */
function supergraphUrlOf(supergraphSdl: string, name: string): string {
  return new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraphSdl)?.[1] ?? "";
}
