import "reflect-metadata";
import type { SubgraphDefinition } from "../../common/subgraph";
import { PrismaClient } from "../../prisma/training/generated/client";
import { trainingSeed } from "../../prisma/training/seed";
import { createTrainingLoaders, type TrainingLoaders } from "./loaders";
import { buildTrainingSchema } from "./schema";

/** Courses, their sessions and materials in their language versions. */
export const training: SubgraphDefinition<PrismaClient, TrainingLoaders> = {
  name: "training",
  defaultPort: 4005,
  buildSchema: buildTrainingSchema,
  createPrismaClient: (options) => new PrismaClient(options),
  createLoaders: createTrainingLoaders,
  seed: trainingSeed,
};
