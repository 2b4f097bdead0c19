import type http from "node:http";
import { Readable } from "node:stream";
import type { Route } from "../common/http";
import { logger } from "../common/logger";
import { isCountryCode } from "../common/validation";

// Files a subgraph makes (calendar feeds, request forms) on the one public endpoint. Only a path the caller's
// `pathOf` accepts is forwarded, rebuilt from its validated parts, to the configured subgraph URL: never the raw
// request target (an absolute-form target or an encoded `..` would otherwise choose the host or the path), never a
// redirect, never longer than the timeout.
const upstreamTimeoutMs = 10_000;
/** Answers of the subgraph passed on as they are; anything else is the gateway's 502. */
const passedStatuses = new Set([200, 404, 503]);
const passedHeaders = ["content-type", "content-length", "content-disposition", "cache-control"];

export interface SubgraphFiles {
  subgraph: string;
  /** The subgraph's GraphQL URL; the file path is resolved against its origin. */
  subgraphUrl: () => string;
  /** The upstream path for a request path, or null when it names no file. */
  pathOf: (pathname: string) => string | null;
  usage: string;
  accept: string;
}

export function subgraphFileRoute(files: SubgraphFiles): Route {
  const plain = (response: http.ServerResponse, status: number, text: string, headers = {}) =>
    void response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(text);
  return async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD")
      return plain(response, 405, files.usage, { allow: "GET, HEAD" });
    // Routing parsed the target already; only a plain origin-form path is taken here.
    const target = request.url ?? "";
    const file = target.startsWith("/") && !target.startsWith("//") ? files.pathOf(target.split("?")[0]) : null;
    if (!file) return plain(response, 404, files.usage);
    let upstream: Response;
    try {
      upstream = await fetch(new URL(file, files.subgraphUrl()), {
        method: request.method,
        headers: { accept: files.accept },
        redirect: "manual",
        signal: AbortSignal.timeout(upstreamTimeoutMs),
      });
    } catch (error) {
      logger.warn({ err: error, subgraph: files.subgraph }, "file route: the subgraph did not answer");
      return plain(response, 502, `the ${files.subgraph} subgraph did not answer\n`);
    }
    if (!passedStatuses.has(upstream.status)) {
      await upstream.body?.cancel();
      logger.warn({ subgraph: files.subgraph, status: upstream.status }, "file route: unexpected answer");
      return plain(response, 502, `the ${files.subgraph} subgraph gave no file\n`);
    }
    const headers = Object.fromEntries(
      passedHeaders.flatMap((name) => {
        const value = upstream.headers.get(name);
        return value === null ? [] : [[name, value]];
      }),
    );
    response.writeHead(upstream.status, { "content-type": "text/plain", ...headers });
    if (!upstream.body) return void response.end();
    const body = Readable.fromWeb(upstream.body as import("node:stream/web").ReadableStream);
    body.on("error", () => response.destroy());
    body.pipe(response);
  };
}

// The events subgraph's iCalendar feeds on the one public endpoint.
const feedPath = /^\/calendar\/(network|country)\/([a-z0-9][a-z0-9-]{0,63})\.ics$/i;

/** The feed a request path names, or null: a network id or a country code known to ISO 3166-1. */
export function calendarFeed(pathname: string): string | null {
  const match = feedPath.exec(pathname);
  if (!match) return null;
  const [, scope, key] = match;
  if (scope.toLowerCase() === "country") {
    const code = key.toUpperCase();
    return isCountryCode(code) ? `/calendar/country/${code}.ics` : null;
  }
  return `/calendar/network/${key.toLowerCase()}.ics`;
}

export function calendarRoute(eventsGraphqlUrl: () => string): Route {
  return subgraphFileRoute({
    subgraph: "events",
    subgraphUrl: eventsGraphqlUrl,
    pathOf: calendarFeed,
    usage: "calendars: /calendar/network/<network id>.ics, /calendar/country/<ISO 3166-1 alpha-2 code>.ics\n",
    accept: "text/calendar",
  });
}

// The requests subgraph's T-CY forms, by the signed links `CooperationRequest.form` gives (a JWS in compact form).
const formPath = /^\/forms\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

export function formRoute(requestsGraphqlUrl: () => string): Route {
  return subgraphFileRoute({
    subgraph: "requests",
    subgraphUrl: requestsGraphqlUrl,
    pathOf: (pathname) => (pathname.length <= 2048 && formPath.test(pathname) ? pathname : null),
    usage: "forms: /forms/<link from CooperationRequest.form>\n",
    accept: "application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  });
}
