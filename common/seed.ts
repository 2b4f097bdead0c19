import crypto from "node:crypto";
import { logger } from "./logger";
import { createStartupTables, takeStartupLock } from "./migrations";
import type { SqlDriver } from "./sql";

/** Rows for one table, written with INSERT … ON CONFLICT (key) DO UPDATE, so a changed fact updates in place. */
export interface SeedTable {
  table: string;
  key: string[];
  rows: Record<string, unknown>[];
}

const rowsPerStatement = 500;

/**
 * Loads seed data unless this exact version is already in the database (a restart does not seed again; a changed
 * seed updates the rows it names and leaves rows it does not name alone). One transaction under the subgraph's
 * start-up lock (the migrations' own), bookkeeping table included: of replicas starting together one seeds, the others
 * wait and find it done; all or nothing. Returns whether anything was written.
 */
export async function seedOnce(sql: SqlDriver, subgraph: string, tables: SeedTable[]): Promise<boolean> {
  const checksum = crypto.createHash("sha256").update(JSON.stringify(tables)).digest("hex");
  return sql.transaction(async (tx) => {
    await takeStartupLock(tx, subgraph);
    await createStartupTables(tx);
    const [current] = await tx.query<{ checksum: string }>(
      `SELECT "checksum" FROM "_seed_runs" WHERE "subgraph" = $1`,
      [subgraph],
    );
    if (current?.checksum === checksum) return false;
    for (const [index, { table, key, rows }] of tables.entries()) {
      logger.info({ subgraph, step: `${index + 1}/${tables.length}`, table, rows: rows.length }, "seeding");
      for (let start = 0; start < rows.length; start += rowsPerStatement) {
        await upsertRows(tx, table, key, rows.slice(start, start + rowsPerStatement));
      }
    }
    await tx.query(
      `INSERT INTO "_seed_runs" ("subgraph", "checksum") VALUES ($1, $2)
       ON CONFLICT ("subgraph") DO UPDATE SET "checksum" = EXCLUDED."checksum", "applied_at" = now()`,
      [subgraph, checksum],
    );
    return true;
  });
}

/** One INSERT … ON CONFLICT DO UPDATE for a batch of rows of one table (column names as in the table). */
export async function upsertRows(
  sql: SqlDriver,
  table: string,
  key: string[],
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const quote = (name: string) => `"${name}"`;
  const params: unknown[] = [];
  const values = rows.map((row) => {
    if (Object.keys(row).length !== columns.length)
      throw new Error(`seed ${table}: every row needs the columns ${columns.join(", ")}`);
    return `(${columns.map((column) => `$${params.push(parameter(row[column]))}`).join(", ")})`;
  });
  const updates = columns.filter((column) => !key.includes(column));
  await sql.query(
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${values.join(", ")}
     ON CONFLICT (${key.map(quote).join(", ")}) DO ${
       updates.length
         ? `UPDATE SET ${updates.map((column) => `${quote(column)} = EXCLUDED.${quote(column)}`).join(", ")}`
         : "NOTHING"
     }`,
    params,
  );
}

/**
 * A value as a query parameter. Arrays go as PostgreSQL array literals: the drivers cannot tell an enum array's type
 * and would send a JS array as "A,B".
 */
function parameter(value: unknown): unknown {
  if (!Array.isArray(value)) return value ?? null;
  return `{${value.map((item) => (typeof item === "number" ? String(item) : `"${String(item).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}
