import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import "reflect-metadata";
import type { SubgraphDefinition } from "../../common/subgraph";
import { PrismaClient } from "../../prisma/library/generated/client";
import { librarySeed } from "../../prisma/library/seed";
import { createLibraryLoaders, type LibraryLoaders } from "./loaders";
import { buildLibrarySchema } from "./schema";

/**
 * The library: legislation, case law, guidance, model forms, treaties, reports and training material, searchable in
 * English, French, Spanish and Portuguese. Its search needs PostgreSQL's unaccent extension (migration init).
 */
export const library: SubgraphDefinition<PrismaClient, LibraryLoaders> = {
  name: "library",
  defaultPort: 4008,
  buildSchema: buildLibrarySchema,
  createPrismaClient: (options) => new PrismaClient(options),
  pgliteExtensions: { unaccent },
  createLoaders: createLibraryLoaders,
  seed: librarySeed,
};
