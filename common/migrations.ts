import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlDriver } from "./sql";

/**
 * Takes, inside a transaction, the subgraph's start-up lock: the one advisory lock under which its migrations and its
 * seed run, so that replicas starting together on one database do them once; the others wait, then find them done.
 * Held until the transaction ends. The key is the one earlier releases took for migrations, so that a replica of an
 * earlier release starting beside a new one waits for it too.
 */
export async function takeStartupLock(tx: SqlDriver, subgraph: string): Promise<void> {
  await tx.query(lockStatement, [lockKey(subgraph)]);
}

const lockStatement = "SELECT pg_advisory_xact_lock(hashtext($1))";
const lockKey = (subgraph: string) => `migrations:${subgraph}`;

/**
 * Creates the subgraph's PostgreSQL schema under its start-up lock, on a client of its own (before the pool that
 * names the schema in its search path): two `CREATE SCHEMA IF NOT EXISTS` at once fail on PostgreSQL's catalog too
 * (pg_namespace_nspname_index).
 */
export async function createSchemaOnce(
  client: { query(sql: string, params?: unknown[]): Promise<unknown> },
  subgraph: string,
  schema: string,
): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(lockStatement, [lockKey(subgraph)]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * The tables that say what start-up has done: Prisma's own `_prisma_migrations` (so `prisma migrate deploy` and this
 * runner agree on what is applied) and `_seed_runs` (which seed version is loaded). Only under the start-up lock:
 * two `CREATE TABLE IF NOT EXISTS` of one table at once fail on PostgreSQL's catalog (pg_type_typname_nsp_index).
 */
export async function createStartupTables(tx: SqlDriver): Promise<void> {
  await tx.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS "_seed_runs" (
      "subgraph" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
}

/**
 * Applies the committed SQL migrations (prisma/<subgraph>/migrations/<name>/migration.sql) in name order, each once,
 * in one transaction under the subgraph's start-up lock.
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
    await takeStartupLock(tx, subgraph);
    await createStartupTables(tx);
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
