import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { GraphQLError } from "graphql";
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { checkSecretsForInterface } from "../common/auth";
import { envFlag, envOptional, envPort, envString, isProduction, subgraphEnvName } from "../common/config";
import { maskInternalErrors } from "../common/errors";
import { serveGraphQL, type RunningServer } from "../common/http";
import { refuseUnstorableText } from "../common/input-guard";
import { logger } from "../common/logger";
import { jwksPath, signingKeysFromEnv, type SigningKeys } from "../common/viewer-token";
import { viewerVerifierFromEnv } from "./auth";
import { calendarRoute } from "./calendar";
import { armor, limitsFromEnv, type GatewayLimits } from "./limits";
import { unavailableSubgraphs } from "./readiness";
import { parseCustomScalarsAtTheGateway } from "./scalars";
import { SubgraphSource, type GatewayContext } from "./subgraph-source";
import { subgraphAgents } from "./transport";

export const supergraphPath = path.join(__dirname, "..", "schema", "supergraph.graphql");

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
  const sources = new Map<string, SubgraphSource>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const source = new SubgraphSource(name, subgraphUrl(name, url), agents, signingKeys);
      sources.set(name, source);
      return source;
    },
    logger: logger.child({ service: "gateway" }),
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
    formatError: maskInternalErrors,
    ...protection,
    plugins: [
      ...protection.plugins,
      operationMustResolve,
      refuseUnstorableText,
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
    // Ready when every subgraph answers: a load balancer then sends clients to a gateway that can serve them whole.
    unavailableDependencies: () => unavailableSubgraphs(sources),
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
