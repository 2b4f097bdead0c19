import type http from "node:http";
import { languageFromHeader, type Language } from "./language";
import { logger, type Logger } from "./logger";

/** What every subgraph resolver gets: its database, per-request DataLoaders, the label language, a request log. */
export interface SubgraphContext<Client, Loaders> {
  prisma: Client;
  loaders: Loaders;
  language: Language;
  requestId: string;
  log: Logger;
}

export function subgraphContext<Client, Loaders>(
  request: http.IncomingMessage,
  requestId: string,
  prisma: Client,
  loaders: Loaders,
): SubgraphContext<Client, Loaders> {
  return {
    prisma,
    loaders,
    language: languageFromHeader(request.headers["accept-language"]),
    requestId,
    log: logger.child({ requestId }),
  };
}
