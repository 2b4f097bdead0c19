import type http from "node:http";
import type { Viewer } from "./auth";
import { languageFromHeader, type Language } from "./language";
import { logger, type Logger } from "./logger";
import { viewerTokenHeader } from "./viewer-token";

/**
 * What every subgraph resolver gets: who asks (from the gateway's signed token only; null when anonymous), its
 * database, per-request DataLoaders, the label language, a request log.
 */
export interface SubgraphContext<Client, Loaders> {
  viewer: Viewer | null;
  prisma: Client;
  loaders: Loaders;
  language: Language;
  requestId: string;
  log: Logger;
}

export async function subgraphContext<Client, Loaders>(
  request: http.IncomingMessage,
  requestId: string,
  verifyViewer: (token: string | undefined) => Promise<Viewer | null>,
  prisma: Client,
  createLoaders: (viewer: Viewer | null) => Loaders,
): Promise<SubgraphContext<Client, Loaders>> {
  const token = request.headers[viewerTokenHeader];
  const viewer = await verifyViewer(typeof token === "string" ? token : undefined);
  return {
    viewer,
    prisma,
    loaders: createLoaders(viewer),
    language: languageFromHeader(request.headers["accept-language"]),
    requestId,
    log: logger.child({ requestId }),
  };
}
