import type { SqlDriver } from "../../common/sql";

/** A subgraph's database, for the check that a mutation answered with an error changed nothing. */
export interface FuzzDatabase {
  name: string;
  sql: SqlDriver;
}

/** Bookkeeping tables (migrations applied, seed runs): not data a mutation may change or not. */
const bookkeeping = (table: string) => table.startsWith("_");

export interface Digester {
  /** table → row count and hash of every row, for each subgraph's tables in its current schema. */
  digest(): Promise<Map<string, string>>;
}

/** Lists each database's tables once; each digest is then one statement per database. */
export async function digester(databases: FuzzDatabase[]): Promise<Digester> {
  const statements: { name: string; sql: SqlDriver; statement: string }[] = [];
  for (const { name, sql } of databases) {
    const tables = (
      await sql.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    )
      .map((row) => row.table_name)
      .filter((table) => !bookkeeping(table));
    if (tables.length === 0) continue;
    const quote = (table: string) => `"${table.replace(/"/g, '""')}"`;
    const statement = tables
      .map(
        (table) =>
          `SELECT ${sqlString(table)} AS "table", count(*)::text || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS "digest" FROM ${quote(table)} t`,
      )
      .join(" UNION ALL ");
    statements.push({ name, sql, statement });
  }
  return {
    async digest() {
      const result = new Map<string, string>();
      for (const { name, sql, statement } of statements) {
        for (const row of await sql.query<{ table: string; digest: string }>(statement)) {
          result.set(`${name}.${row.table}`, row.digest);
        }
      }
      return result;
    },
  };
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The tables whose digest differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
