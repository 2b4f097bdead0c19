import "reflect-metadata";
import { envFlag } from "../../common/config";
import type { SubgraphDefinition } from "../../common/subgraph";
import { PrismaClient } from "../../prisma/requests/generated/client";
import { requestsSeed } from "../../prisma/requests/seed";
import { startNotificationWorker } from "./delivery";
import { formPathPrefix, formRoute } from "./form-links";
import { createRequestsLoaders, type RequestsLoaders } from "./loaders";
import { buildRequestsSchema } from "./schema";

/** Cooperation requests: T-CY templates and forms, lifecycle, audit trail, legal timers, notifications, statistics. */
export const requests: SubgraphDefinition<PrismaClient, RequestsLoaders> = {
  name: "requests",
  defaultPort: 4003,
  buildSchema: buildRequestsSchema,
  createPrismaClient: (options) => new PrismaClient(options),
  createLoaders: createRequestsLoaders,
  seed: requestsSeed,
  routes: (prisma) => ({ [formPathPrefix.slice(0, -1)]: formRoute(prisma) }),
  // Every replica may run it: each notification is claimed by one worker (NOTIFICATION_WORKER=false turns it off).
  startWorker: (prisma) => (envFlag("NOTIFICATION_WORKER", true) ? startNotificationWorker(prisma) : undefined),
};
