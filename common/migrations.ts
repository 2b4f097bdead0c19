import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlDriver } from "./sql";

/**
 * Applies the committed SQL migrations (prisma/<subgraph>/migrations/<name>/migration.sql) in name order, each once,
 * in one transaction under an advisory lock, so two instances starting together do not race. The bookkeeping table
 * is Prisma's own `_prisma_migrations`, so `prisma migrate deploy` and this runner agree on what is applied.
 */
export async function applyMigrations(sql: SqlDriver, subgraph: string, migrationsDir: string): Promise<string[]> {
  const migrations = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
        .map((name) => {
          const script = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
          return { name, script, checksum: crypto.createHash("sha256").update(script).digest("hex") };
        })
    : [];
  return sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`migrations:${subgraph}`]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const applied = new Map(
      (
        await tx.query<{ migration_name: string; checksum: string }>(
          `SELECT "migration_name", "checksum" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL AND "finished_at" IS NOT NULL`,
        )
      ).map((row) => [row.migration_name, row.checksum]),
    );
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `${subgraph}: migration ${migration.name} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      await tx.exec(migration.script);
      await tx.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count")
         VALUES ($1, $2, now(), $3, 1)`,
        [crypto.randomUUID(), migration.checksum, migration.name],
      );
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  });
}
