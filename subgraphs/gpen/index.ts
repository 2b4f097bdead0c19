import "reflect-metadata";
import type { SubgraphDefinition } from "../../common/subgraph";
import { PrismaClient } from "../../prisma/gpen/generated/client";
import { gpenSeed } from "../../prisma/gpen/seed";
import { createGpenLoaders, type GpenLoaders } from "./loaders";
import { buildGpenSchema } from "./schema";

/**
 * What the Global Prosecutors E-Crime Network owns: its members' forum of queries and advice (threads, replies, an
 * answer per thread, moderation by GPEN admins with an append-only log, subscriptions). Only GPEN members read it.
 */
export const gpen: SubgraphDefinition<PrismaClient, GpenLoaders> = {
  name: "gpen",
  defaultPort: 4007,
  buildSchema: buildGpenSchema,
  createPrismaClient: (options) => new PrismaClient(options),
  createLoaders: createGpenLoaders,
  seed: gpenSeed,
};
