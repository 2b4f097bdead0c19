import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import crypto from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import { envPositiveInt } from "./config";
import { logger } from "./logger";
import { metricsText } from "./metrics";
import { inServerSpan } from "./telemetry";

/** How long a stopping server lets requests in flight finish (SHUTDOWN_GRACE_SECONDS, default 10). */
const shutdownGraceMs = () => envPositiveInt("SHUTDOWN_GRACE_SECONDS", 10) * 1000;

export const requestIdHeader = "x-request-id";

/** A route beside /graphql, e.g. /health. */
export type Route = (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void> | void;

export interface ServeOptions<Context extends BaseContext> {
  name: string;
  host: string;
  port: number;
  context: (request: http.IncomingMessage, requestId: string) => Promise<Context>;
  /** Readiness: the names of the dependencies that do not answer (e.g. the database); none when ready. */
  unavailableDependencies: () => Promise<string[]>;
  /** What /ready also says, e.g. the gateway's supergraph. */
  readinessDetails?: () => Record<string, unknown>;
  routes?: Record<string, Route>;
  maxBodyBytes?: number;
  /** Serve https with this certificate and key (PEM), e.g. a subgraph on a network's own host. */
  tls?: { cert: Buffer; key: Buffer };
  /** The service's metrics, served on /metrics beside the process's own. */
  metrics?: Registry;
  /** Set on a subgraph: every span of its requests names it (`subgraph.name`), also when all share one process. */
  subgraph?: string;
}

/** Probes and scrapes, asked every few seconds: served outside any trace. */
const untracedPaths = new Set(["/health", "/ready", "/metrics"]);

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish (up to the grace period), then closes. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

/**
 * Serves an Apollo Server over node:http at /graphql, with /health (process up), /ready (dependencies up) and
 * /metrics. One implementation for the gateway and every subgraph; each request carries an id and a trace context
 * (its server span) that are logged and passed on.
 */
export async function serveGraphQL<Context extends BaseContext>(
  server: ApolloServer<Context>,
  options: ServeOptions<Context>,
): Promise<RunningServer> {
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const routes: Record<string, Route> = {
    "/health": (_request, response) => sendJson(response, 200, { status: "ok", service: options.name }),
    "/ready": async (_request, response) => {
      const unavailable = await options.unavailableDependencies().catch(() => [options.name]);
      const ready = unavailable.length === 0;
      sendJson(response, ready ? 200 : 503, {
        status: ready ? "ready" : "unavailable",
        service: options.name,
        ...(ready ? {} : { unavailable }),
        ...options.readinessDetails?.(),
      });
    },
    "/": (_request, response) => {
      response.writeHead(302, { location: "/graphql" }).end();
    },
    ...options.routes,
  };
  const { metrics } = options;
  if (metrics)
    routes["/metrics"] = async (request, response) => {
      // Routes also serve the paths below them: this one serves only itself.
      if (request.url?.split("?")[0] !== "/metrics") return void response.writeHead(404).end();
      const { contentType, text } = await metricsText(metrics);
      response.writeHead(200, { "content-type": contentType }).end(text);
    };

  // In-flight requests, so that close() lets them finish (up to the grace period) before connections are cut.
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | null = null;
  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    inFlight += 1;
    response.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    if (closing) response.setHeader("connection", "close");
    const requestId = headerValue(request.headers[requestIdHeader]) ?? crypto.randomUUID();
    response.setHeader(requestIdHeader, requestId);
    const url = new URL(request.url ?? "/", "http://localhost");
    // A route serves its path and everything below it (/calendar serves /calendar/network/ejcn.ics).
    const route =
      url.pathname === "/graphql"
        ? url.pathname
        : routes[url.pathname]
          ? url.pathname
          : routes[`/${url.pathname.split("/")[1]}`]
            ? `/${url.pathname.split("/")[1]}`
            : null;
    if (route !== null && untracedPaths.has(route)) return serve(request, response, url, route, requestId);
    const started = performance.now();
    return inServerSpan(
      request,
      response,
      route ?? "(unknown)",
      { subgraph: options.subgraph, requestId },
      async () => {
        await serve(request, response, url, route, requestId);
        logger.debug(
          {
            service: options.name,
            route,
            status: response.statusCode,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
          },
          "request served",
        );
      },
    );
  };
  const serve = async (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL,
    route: string | null,
    requestId: string,
  ) => {
    try {
      if (route !== "/graphql") {
        if (route !== null) await routes[route](request, response);
        else sendJson(response, 404, { error: `no route ${url.pathname}` });
        return;
      }
      const body = request.method === "POST" ? await readBody(request, maxBodyBytes) : "";
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      const result = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: request.method?.toUpperCase() ?? "GET",
          headers,
          search: url.search,
          body: parseBody(body, headers.get("content-type")),
        },
        context: () => options.context(request, requestId),
      });
      for (const [name, value] of result.headers) response.setHeader(name, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === "complete") {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendGraphQLError(response, 413, `request body larger than ${maxBodyBytes} bytes`, "PAYLOAD_TOO_LARGE");
      } else if (error instanceof SyntaxError) {
        sendGraphQLError(response, 400, "request body is not valid JSON", "BAD_REQUEST");
      } else {
        logger.error({ err: error, requestId, service: options.name }, "request failed");
        if (!response.headersSent) sendGraphQLError(response, 500, "internal error", "INTERNAL_SERVER_ERROR");
        else response.end();
      }
    }
  };
  const httpServer = options.tls ? https.createServer(options.tls, handle) : http.createServer(handle);
  // Keep-alive from the gateway reuses connections; allow longer than the gateway's idle timeout.
  httpServer.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const displayHost = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return {
    url: `${options.tls ? "https" : "http"}://${displayHost.includes(":") ? `[${displayHost}]` : displayHost}:${port}/graphql`,
    port,
    async close() {
      closing = true;
      // First let the event loop take in what the kernel already holds (connections waiting to be accepted, requests
      // not yet read, e.g. while the process was busy): those are in flight too, and must not be cut as idle.
      // A poll phase of the event loop after the timer reads them, and the check phase right after it follows it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (let round = 0; round < 2; round += 1) await new Promise((resolve) => setImmediate(resolve));
      const closed = new Promise<void>((resolve, reject) =>
        httpServer.close((error) => (error ? reject(error) : resolve())),
      );
      httpServer.closeIdleConnections();
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, shutdownGraceMs()))),
        ]);
        clearTimeout(timer);
        if (inFlight > 0)
          logger.warn({ service: options.name, inFlight }, "grace period over: cutting requests still in flight");
      }
      httpServer.closeAllConnections();
      await closed;
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single && /^[\w.:-]{1,128}$/.test(single) ? single : undefined;
}

function parseBody(body: string, contentType: string | undefined): unknown {
  if (body === "") return undefined;
  if (contentType?.toLowerCase().includes("application/json")) return JSON.parse(body);
  return body;
}

function readBody(request: http.IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers["content-length"]);
    if (declared > maxBytes) {
      request.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners("data");
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

function sendGraphQLError(response: http.ServerResponse, status: number, message: string, code: string): void {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });
}
