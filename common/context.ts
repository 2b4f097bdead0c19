import type http from "node:http";
import { verifyViewerToken, viewerTokenHeader, type Viewer } from "./auth";
import { languageFromHeader, type Language } from "./language";
import { logger, type Logger } from "./logger";

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
  secret: Uint8Array,
  prisma: Client,
  createLoaders: (viewer: Viewer | null) => Loaders,
): Promise<SubgraphContext<Client, Loaders>> {
  const token = request.headers[viewerTokenHeader];
  const viewer = await verifyViewerToken(typeof token === "string" ? token : undefined, secret);
  return {
    viewer,
    prisma,
    loaders: createLoaders(viewer),
    language: languageFromHeader(request.headers["accept-language"]),
    requestId,
    log: logger.child({ requestId }),
  };
}
