import "reflect-metadata";
import type { SubgraphDefinition } from "../../common/subgraph";
import { PrismaClient } from "../../prisma/requests/generated/client";
import { requestsSeed } from "../../prisma/requests/seed";
import { createRequestsLoaders, type RequestsLoaders } from "./loaders";
import { buildRequestsSchema } from "./schema";

/** Cooperation requests: T-CY templates, lifecycle, audit trail, legal timers, statistics. */
export const requests: SubgraphDefinition<PrismaClient, RequestsLoaders> = {
  name: "requests",
  defaultPort: 4003,
  buildSchema: buildRequestsSchema,
  createPrismaClient: (options) => new PrismaClient(options),
  createLoaders: createRequestsLoaders,
  seed: requestsSeed,
};
