// The peer a user could run instead of our gateway: Hive Gateway's runtime over the same supergraph and subgraphs,
// doing the same per-request work as ours (verify the client's JWT, sign the viewer token the subgraphs trust).
// Started by `npm run bench` as a child process: SUPERGRAPH_FILE and PORT in the environment.
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import httpTransport from "@graphql-mesh/transport-http";
import fs from "node:fs";
import http from "node:http";
import { internalTokenSecret, signViewerToken, viewerTokenHeader } from "../common/auth";
import { viewerVerifierFromEnv } from "../gateway/auth";

const supergraph = fs.readFileSync(process.env.SUPERGRAPH_FILE ?? "", "utf8");
const verifyViewer = viewerVerifierFromEnv();
const internalSecret = internalTokenSecret();
// One verification and one signature per client request, however many subgraphs the plan calls.
const viewerTokens = new WeakMap<Request, Promise<string | undefined>>();
const viewerTokenFor = (request: Request) => {
  let token = viewerTokens.get(request);
  if (!token) {
    token = verifyViewer(request.headers.get("authorization") ?? undefined).then((viewer) =>
      viewer ? signViewerToken(viewer, internalSecret) : undefined,
    );
    viewerTokens.set(request, token);
  }
  return token;
};

const gateway = createGatewayRuntime({
  supergraph,
  transports: { http: httpTransport },
  logging: false,
  landingPage: false,
  graphqlEndpoint: "/graphql",
  propagateHeaders: {
    fromClientToSubgraphs: async ({ request }) => ({ [viewerTokenHeader]: await viewerTokenFor(request) }),
  },
});

http.createServer(gateway).listen(Number(process.env.PORT ?? 4100), "127.0.0.1");
