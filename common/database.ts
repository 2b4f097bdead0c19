import { PGlite, type Extensions } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { envOptional, envString, subgraphEnvName } from "./config";
import { applyMigrations, createSchemaOnce } from "./migrations";
import type { SqlDriver } from "./sql";

/**
 * Where a subgraph keeps its data. One dialect, PostgreSQL: embedded PGlite by default (one folder per subgraph),
 * a PostgreSQL server when a `postgresql://` URL is configured (one PostgreSQL schema per subgraph).
 */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null } // null: in memory, gone on close
  | { kind: "postgres"; url: string; schema: string };

export interface Database<Client> {
  subgraph: string;
  target: DatabaseTarget;
  prisma: Client;
  sql: SqlDriver;
  /** SQL statements Prisma has sent since the database was opened (the N+1 tests and the benchmark read it). */
  statementCount(): number;
  close(): Promise<void>;
}

/** The minimum of a generated Prisma client that the shared code needs. */
export interface PrismaClientLike {
  $on(event: "query", listener: () => void): void;
  $disconnect(): Promise<void>;
}

/**
 * PostgreSQL extensions a subgraph's migrations create (e.g. `unaccent`), as PGlite bundles them: the embedded database
 * loads them at start; a PostgreSQL server has them already. Keyed by extension name.
 */
export type PGliteExtensions = Extensions;

export type PrismaClientFactory<Client> = (options: {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  log: [{ emit: "event"; level: "query" }];
}) => Client;

/**
 * The target from the environment: `<SUBGRAPH>_DATABASE_URL`, else `DATABASE_URL`, else PGlite under
 * `PGLITE_DIR` (default `.data/`). `memory://` keeps an embedded database in memory only.
 */
export function databaseTargetFromEnv(subgraph: string): DatabaseTarget {
  const variable = envOptional(subgraphEnvName(subgraph, "DATABASE_URL"))
    ? subgraphEnvName(subgraph, "DATABASE_URL")
    : "DATABASE_URL";
  const url = envOptional(variable);
  if (!url) return { kind: "pglite", dataDir: path.resolve(envString("PGLITE_DIR", ".data"), subgraph) };
  return databaseTargetFromUrl(subgraph, url, variable);
}

export function databaseTargetFromUrl(subgraph: string, url: string, variable = "DATABASE_URL"): DatabaseTarget {
  if (url === "memory://") return { kind: "pglite", dataDir: null };
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? subgraph.replace(/-/g, "_");
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new Error(`${variable}: schema "${schema}" must be lower-case letters, digits and underscores`);
    }
    parsed.searchParams.delete("schema");
    return { kind: "postgres", url: parsed.toString(), schema };
  }
  throw new Error(`${variable} must be a postgresql:// URL or memory://, got "${url.replace(/\/\/[^@]*@/, "//…@")}"`);
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return target.dataDir ? `PGlite at ${target.dataDir}` : "PGlite in memory";
  return `PostgreSQL ${target.url.replace(/\/\/[^@]*@/, "//")} schema ${target.schema}`;
}

/** Opens the subgraph's database, applies its committed migrations, and returns Prisma plus raw SQL. */
export async function openDatabase<Client extends PrismaClientLike>(
  subgraph: string,
  target: DatabaseTarget,
  createClient: PrismaClientFactory<Client>,
  options: { pgliteExtensions?: PGliteExtensions } = {},
): Promise<Database<Client>> {
  const connection =
    target.kind === "pglite"
      ? await openPGlite(target.dataDir, options.pgliteExtensions ?? {})
      : await openPostgres(target, subgraph);
  try {
    await applyMigrations(connection.sql, subgraph, path.join(__dirname, "..", "prisma", subgraph, "migrations"));
  } catch (error) {
    await connection.close();
    throw error;
  }
  const prisma = createClient({ adapter: connection.adapter, log: [{ emit: "event", level: "query" }] });
  let statements = 0;
  prisma.$on("query", () => {
    statements += 1;
  });
  return {
    subgraph,
    target,
    prisma,
    sql: connection.sql,
    statementCount: () => statements,
    async close() {
      await prisma.$disconnect();
      await connection.close();
    },
  };
}

interface Connection {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  sql: SqlDriver;
  close(): Promise<void>;
}

// Five embedded databases share one process: PostgreSQL's default 128 MB of shared buffers each would dominate its
// memory, and a registry's working set fits in far less (measured in README, Benchmarks).
const pgliteSettings = ["shared_buffers = 16MB"];

async function openPGlite(dataDir: string | null, extensions: PGliteExtensions): Promise<Connection> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // One options object: PGlite reads its second argument only when the first is a data directory.
  const pglite = new PGlite({ dataDir: dataDir ?? undefined, postgresqlconf: pgliteSettings, extensions });
  await pglite.waitReady;
  const driver = (queryable: Pick<PGlite, "query" | "exec">, nested: boolean): SqlDriver => ({
    query: async <Row>(sql: string, params: unknown[] = []) => (await queryable.query<Row>(sql, params)).rows,
    exec: async (sql) => {
      await queryable.exec(sql);
    },
    transaction: (work) =>
      nested ? work(driver(queryable, true)) : pglite.transaction((tx) => work(driver(tx, true))),
  });
  return {
    // Typed against an older @prisma/driver-adapter-utils; at run time they fit.
    adapter: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
    sql: driver(pglite, false),
    // A PGlite instance keeps the process alive until closed.
    close: () => pglite.close(),
  };
}

async function openPostgres(
  target: Extract<DatabaseTarget, { kind: "postgres" }>,
  subgraph: string,
): Promise<Connection> {
  const setup = new pg.Client({ connectionString: target.url });
  await setup.connect();
  try {
    await createSchemaOnce(setup, subgraph, target.schema);
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    options: `-c search_path="${target.schema}"`,
    max: Number(envString("DATABASE_POOL_SIZE", "10")),
  });
  const driver = (queryable: pg.Pool | pg.PoolClient, nested: boolean): SqlDriver => ({
    query: async <Row>(sql: string, params: unknown[] = []) => (await queryable.query(sql, params)).rows as Row[],
    exec: async (sql) => {
      await queryable.query(sql);
    },
    transaction: async (work) => {
      if (nested) return work(driver(queryable, true));
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(driver(client, true));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
  });
  return {
    adapter: new PrismaPg(pool, { schema: target.schema }),
    sql: driver(pool, false),
    close: () => pool.end(),
  };
}
