import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import { isLoopbackHost } from "../common/auth";
import { envFlag, envOptional } from "../common/config";

export const allowPlainHttpVariable = "ALLOW_PLAIN_HTTP_SUBGRAPHS";

/**
 * How the gateway reaches a subgraph: https:// (with SUBGRAPH_CA_FILE for a private PKI), or plain http:// on this
 * machine. Plain HTTP to another host carries viewer tokens and case material in the clear, so it is refused unless
 * ALLOW_PLAIN_HTTP_SUBGRAPHS=true says the network between them is private (e.g. a container network).
 */
export function checkSubgraphUrl(name: string, url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`subgraph ${name}: "${url}" is not a URL`);
  }
  if (parsed.protocol === "https:") return parsed;
  if (parsed.protocol !== "http:") throw new Error(`subgraph ${name}: ${url} must be http:// or https://`);
  if (isLoopbackHost(parsed.hostname.replace(/^\[|\]$/g, "")) || envFlag(allowPlainHttpVariable, false)) return parsed;
  throw new Error(
    `subgraph ${name}: plain HTTP to another host (${url}) is refused; use https:// or set ${allowPlainHttpVariable}=true on a private network`,
  );
}

/** Keep-alive agents, one per protocol: connections to subgraphs are reused. */
export function subgraphAgents(): { http: http.Agent; https: https.Agent } {
  const caFile = envOptional("SUBGRAPH_CA_FILE");
  return {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true, ca: caFile ? fs.readFileSync(caFile) : undefined }),
  };
}
