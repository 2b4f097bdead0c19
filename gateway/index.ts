import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { GraphQLError } from "graphql";
import nodeFetch from "node-fetch";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { checkSecretsForInterface, type Viewer } from "../common/auth";
import { envFlag, envOptional, envPort, envString, isProduction, subgraphEnvName } from "../common/config";
import { requestIdHeader, serveGraphQL, type RunningServer } from "../common/http";
import { logger } from "../common/logger";
import {
  jwksPath,
  signingKeysFromEnv,
  signViewerToken,
  viewerTokenHeader,
  type SigningKeys,
} from "../common/viewer-token";
import { viewerVerifierFromEnv } from "./auth";
import { calendarRoute } from "./calendar";
import { armor, limitsFromEnv, type GatewayLimits } from "./limits";
import { checkSubgraphUrl, subgraphAgents } from "./transport";

export const supergraphPath = path.join(__dirname, "..", "schema", "supergraph.graphql");

/** What the gateway passes on to every subgraph it calls for one client request. */
interface GatewayContext {
  requestId: string;
  acceptLanguage?: string;
  /** The viewer; absent when anonymous. Each subgraph called gets a token signed for it alone. */
  viewer?: Viewer;
  viewerTokens: Map<string, Promise<string>>;
}

export interface GatewayOptions {
  port?: number;
  host?: string;
  /** Subgraph URLs by name; a subgraph not named here is reached through `<NAME>_URL` or the supergraph's URL. */
  subgraphUrls?: Record<string, string>;
  supergraphSdl?: string;
  /** Overrides of the environment's limits and switches (tests). */
  limits?: Partial<GatewayLimits>;
  introspection?: boolean;
  sandbox?: boolean;
  /** The keys viewer tokens are signed with; by default from the environment. */
  signingKeys?: SigningKeys;
}

class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly subgraph: string,
    private readonly keys: SigningKeys,
  ) {
    super(config);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    // Also called for health checks with an empty context.
    if (!("requestId" in context)) return;
    request.http?.headers.set(requestIdHeader, context.requestId);
    if (context.acceptLanguage) request.http?.headers.set("accept-language", context.acceptLanguage);
    if (!context.viewer) return;
    let token = context.viewerTokens.get(this.subgraph);
    if (!token) {
      token = signViewerToken(context.viewer, this.subgraph, this.keys);
      context.viewerTokens.set(this.subgraph, token);
    }
    request.http?.headers.set(viewerTokenHeader, await token);
  }
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
  const limits = { ...limitsFromEnv(), ...options.limits };
  const protection = armor(limits, introspection);
  const verifyViewer = viewerVerifierFromEnv();
  const signingKeys = options.signingKeys ?? (await signingKeysFromEnv());
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(supergraphPath, "utf8");
  const subgraphUrl = (name: string, url?: string) =>
    options.subgraphUrls?.[name] ?? envString(subgraphEnvName(name, "URL"), url ?? "");
  const agents = subgraphAgents();
  const gateway = new ApolloGateway({
    supergraphSdl,
    // node-fetch on a keep-alive agent: connections to subgraphs are reused, and without make-fetch-happen's HTTP-cache
    // layer (subgraph answers are per viewer, never cached); it costs less CPU per request than Node's own fetch
    // (undici): measured in README, Benchmarks.
    buildService: ({ name, url }) => {
      const target = checkSubgraphUrl(name, subgraphUrl(name, url));
      const agent = target.protocol === "https:" ? agents.https : agents.http;
      return new SubgraphDataSource(
        { url: target.toString(), fetcher: (input, init) => nodeFetch(input, { ...init, agent }) },
        name,
        signingKeys,
      );
    },
    logger: logger.child({ service: "gateway" }),
  });
  const server = new ApolloServer<GatewayContext>({
    // Our entry points stop the servers on SIGTERM and SIGINT, draining requests in flight first; Apollo's own
    // handlers would stop at once and end the process.
    stopOnTerminationSignals: false,
    gateway,
    introspection,
    // Without introspection, error messages must not reveal the schema either.
    hideSchemaDetailsFromClientErrors: !introspection,
    csrfPrevention: true,
    ...protection,
    plugins: [
      ...protection.plugins,
      operationMustResolve,
      sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
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
    // The events subgraph's calendar feeds, on the one public endpoint.
    routes: {
      "/calendar": calendarRoute(() => subgraphUrl("events", supergraphUrlOf(supergraphSdl, "events"))),
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
        viewerTokens: new Map(),
      };
    },
    ready: async () => true,
  });
  return {
    ...running,
    async close() {
      await running.close();
      await server.stop();
    },
  };
}

/** The URL the supergraph gives a subgraph (`@join__graph(name: "events", url: "…")`). */
function supergraphUrlOf(supergraphSdl: string, name: string): string {
  return new RegExp(`@join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraphSdl)?.[1] ?? "";
}
