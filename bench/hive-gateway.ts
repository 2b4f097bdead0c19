// The peer a user could run instead of our gateway: Hive Gateway's runtime over the same supergraph and subgraphs,
// doing the same per-request work as ours (verify the client's JWT, sign the viewer token the subgraphs trust).
// Started by `npm run bench` as a child process: SUPERGRAPH_FILE, PORT and GATEWAY_SIGNING_KEYS_FILE in the environment;
// HIVE_QUERY_PLANNER=rust plans with Hive Router's query planner (Rust, through @graphql-hive/router-runtime) instead of
// the JavaScript runtime's.
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import httpTransport from "@graphql-mesh/transport-http";
import fs from "node:fs";
import http from "node:http";
import type { Viewer } from "../common/auth";
import { signingKeysFromEnv, signViewerToken, viewerTokenHeader } from "../common/viewer-token";
import { viewerVerifierFromEnv } from "../gateway/auth";

const supergraph = fs.readFileSync(process.env.SUPERGRAPH_FILE ?? "", "utf8");
const verifyViewer = viewerVerifierFromEnv();
const signingKeys = signingKeysFromEnv();
// As ours: one verification per client request, one signature per subgraph the plan calls (audience = subgraph).
const viewers = new WeakMap<Request, Promise<Viewer | null>>();
const viewerTokens = new WeakMap<Request, Map<string, Promise<string | undefined>>>();
const viewerTokenFor = (request: Request, subgraph: string) => {
  let viewer = viewers.get(request);
  if (!viewer) {
    viewer = verifyViewer(request.headers.get("authorization") ?? undefined);
    viewers.set(request, viewer);
  }
  let tokens = viewerTokens.get(request);
  if (!tokens) {
    tokens = new Map();
    viewerTokens.set(request, tokens);
  }
  let token = tokens.get(subgraph);
  if (!token) {
    token = Promise.all([viewer, signingKeys]).then(([signedIn, keys]) =>
      signedIn ? signViewerToken(signedIn, subgraph, keys) : undefined,
    );
    tokens.set(subgraph, token);
  }
  return token;
};

const gateway = createGatewayRuntime({
  supergraph,
  ...(process.env.HIVE_QUERY_PLANNER === "rust" ? { unifiedGraphHandler } : {}),
  transports: { http: httpTransport },
  logging: false,
  landingPage: false,
  graphqlEndpoint: "/graphql",
  propagateHeaders: {
    fromClientToSubgraphs: async ({ request, subgraphName }) => ({
      [viewerTokenHeader]: await viewerTokenFor(request, subgraphName),
    }),
  },
});

http.createServer(gateway).listen(Number(process.env.PORT ?? 4100), "127.0.0.1");
