import { Readable } from "node:stream";
import type { Route } from "../common/http";
import { logger } from "../common/logger";
import { isCountryCode } from "../common/validation";

// The events subgraph's iCalendar feeds on the one public endpoint. Only the path of a known feed is forwarded, rebuilt
// from its validated parts, to the configured events URL: never the raw request target (an absolute-form target or an
// encoded `..` would otherwise choose the host or the path), never a redirect, never longer than the timeout.
const feedPath = /^\/calendar\/(network|country)\/([a-z0-9][a-z0-9-]{0,63})\.ics$/i;
const upstreamTimeoutMs = 10_000;
const usage = "calendars: /calendar/network/<network id>.ics, /calendar/country/<ISO 3166-1 alpha-2 code>.ics\n";

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
  return async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end(usage);
      return;
    }
    // Routing parsed the target already; only a plain origin-form path ("/calendar/…") is taken here.
    const target = request.url ?? "";
    const feed = target.startsWith("/") && !target.startsWith("//") ? calendarFeed(target.split("?")[0]) : null;
    if (!feed) {
      response.writeHead(404, { "content-type": "text/plain" }).end(usage);
      return;
    }
    let upstream: Response;
    try {
      upstream = await fetch(new URL(feed, eventsGraphqlUrl()), {
        method: request.method,
        headers: { accept: "text/calendar" },
        redirect: "manual",
        signal: AbortSignal.timeout(upstreamTimeoutMs),
      });
    } catch (error) {
      logger.warn({ err: error, feed }, "calendar feed: the events subgraph did not answer");
      response.writeHead(502, { "content-type": "text/plain" }).end("the events subgraph did not answer\n");
      return;
    }
    if (upstream.status !== 200 && upstream.status !== 404) {
      await upstream.body?.cancel();
      logger.warn({ feed, status: upstream.status }, "calendar feed: unexpected answer from the events subgraph");
      response.writeHead(502, { "content-type": "text/plain" }).end("the events subgraph gave no calendar\n");
      return;
    }
    response.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "text/plain" });
    if (!upstream.body) {
      response.end();
      return;
    }
    const body = Readable.fromWeb(upstream.body as import("node:stream/web").ReadableStream);
    body.on("error", () => response.destroy());
    body.pipe(response);
  };
}
