import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * The adapter the Prisma CLI gets (`generate`, `migrate diff`): an empty in-memory PGlite, so no CLI call needs a
 * server or downloads an engine. Databases are migrated by the subgraphs themselves at start (common/migrations.ts).
 */
export async function cliAdapter() {
  return new PrismaPGlite(new PGlite());
}
