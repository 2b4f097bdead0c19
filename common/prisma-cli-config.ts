import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

/**
 * The Prisma CLI configuration of every subgraph (`prisma/<name>/prisma.config.ts`): the JS engine, and as adapter an
 * empty in-memory PGlite, so `generate` and `migrate diff` need no server and download no engine. Databases are
 * migrated by the subgraphs themselves at start (common/migrations.ts).
 */
export function cliConfig() {
  return defineConfig({
    experimental: { adapter: true },
    engine: "js",
    schema: "schema.prisma",
    // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; at run time they fit.
    adapter: (async () => new PrismaPGlite(new PGlite())) as never,
  });
}
