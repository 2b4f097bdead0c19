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
import { signingKeysFromEnv, viewerTokenHeader, viewerTokenSigner } from "../common/viewer-token";
import { viewerVerifierFromEnv } from "../gateway/auth";

const supergraph = fs.readFileSync(process.env.SUPERGRAPH_FILE ?? "", "utf8");
const verifyViewer = viewerVerifierFromEnv();
// As ours: one verification per client request, and the viewer token each subgraph the plan calls gets (audience =
// the subgraph) from the same signer, which reuses a viewer's token while it is fresh.
const viewers = new WeakMap<Request, Promise<Viewer | null>>();
const signViewer = signingKeysFromEnv().then(viewerTokenSigner);
const viewerTokenFor = async (request: Request, subgraph: string) => {
  let viewer = viewers.get(request);
  if (!viewer) {
    viewer = verifyViewer(request.headers.get("authorization") ?? undefined);
    viewers.set(request, viewer);
  }
  const signedIn = await viewer;
  return signedIn ? (await signViewer)(signedIn, subgraph) : undefined;
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
