import "reflect-metadata";
import type { SubgraphDefinition } from "../../common/subgraph";
import { PrismaClient } from "../../prisma/ejcn/generated/client";
import { ejcnSeed } from "../../prisma/ejcn/seed";
import { createEjcnLoaders, type EjcnLoaders } from "./loaders";
import { buildEjcnSchema } from "./schema";

/** What the European Judicial Cybercrime Network owns: work programmes, the Presidency Board, plenary outcome reports, products and restricted-session material. */
export const ejcn: SubgraphDefinition<PrismaClient, EjcnLoaders> = {
  name: "ejcn",
  defaultPort: 4006,
  buildSchema: buildEjcnSchema,
  createPrismaClient: (options) => new PrismaClient(options),
  createLoaders: createEjcnLoaders,
  seed: ejcnSeed,
};
