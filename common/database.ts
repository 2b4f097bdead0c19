import { PGlite, type Extensions, type QueryOptions } from "@electric-sql/pglite";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { Mutex } from "async-mutex";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { envOptional, envString, subgraphEnvName } from "./config";
import { applyMigrations, createSchemaOnce } from "./migrations";
import type { SqlDriver } from "./sql";
import { tracer, tracingOn } from "./telemetry";

/**
 * Where a subgraph keeps its data. One dialect, PostgreSQL, and one PostgreSQL schema per subgraph: embedded PGlite by
 * default (one folder per process, shared by the subgraphs it serves), a PostgreSQL server when a `postgresql://` URL
 * is configured.
 */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null; schema: string } // dataDir null: in memory, gone on close
  | { kind: "postgres"; url: string; schema: string };

/** A subgraph's schema unless configured: its name, as PostgreSQL spells identifiers. */
const schemaOf = (subgraph: string) => subgraph.replace(/-/g, "_");

export const embeddedTarget = (subgraph: string, dataDir: string | null): DatabaseTarget => ({
  kind: "pglite",
  dataDir,
  schema: schemaOf(subgraph),
});

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
  $on(event: "query", listener: (event: { duration: number }) => void): void;
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
 * The target from the environment: `<SUBGRAPH>_DATABASE_URL`, else `DATABASE_URL`, else PGlite in
 * `PGLITE_DIR/<embeddedFolder>` (default `.data/<subgraph>`). `memory://` keeps an embedded database in memory only.
 */
export function databaseTargetFromEnv(subgraph: string, embeddedFolder = subgraph): DatabaseTarget {
  const variable = envOptional(subgraphEnvName(subgraph, "DATABASE_URL"))
    ? subgraphEnvName(subgraph, "DATABASE_URL")
    : "DATABASE_URL";
  const url = envOptional(variable);
  if (!url) return embeddedTarget(subgraph, path.resolve(envString("PGLITE_DIR", ".data"), embeddedFolder));
  return databaseTargetFromUrl(subgraph, url, variable);
}

export function databaseTargetFromUrl(subgraph: string, url: string, variable = "DATABASE_URL"): DatabaseTarget {
  if (url === "memory://") return embeddedTarget(subgraph, null);
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? schemaOf(subgraph);
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new Error(`${variable}: schema "${schema}" must be lower-case letters, digits and underscores`);
    }
    parsed.searchParams.delete("schema");
    return { kind: "postgres", url: parsed.toString(), schema };
  }
  throw new Error(`${variable} must be a postgresql:// URL or memory://, got "${url.replace(/\/\/[^@]*@/, "//…@")}"`);
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite")
    return `${target.dataDir ? `PGlite at ${target.dataDir}` : "PGlite in memory"} schema ${target.schema}`;
  return `PostgreSQL ${target.url.replace(/\/\/[^@]*@/, "//")} schema ${target.schema}`;
}

/** Opens the subgraph's database, applies its committed migrations, and returns Prisma plus raw SQL. */
export async function openDatabase<Client extends PrismaClientLike>(
  subgraph: string,
  target: DatabaseTarget,
  createClient: PrismaClientFactory<Client>,
  options: {
    pgliteExtensions?: PGliteExtensions;
    /** The process's shared embedded database, for a PGlite target in its folder; else the subgraph opens its own. */
    embedded?: EmbeddedPostgres;
    /** Called for each statement Prisma sends, with how long the database took (the subgraph's metrics). */
    observeStatement?: (durationMs: number) => void;
  } = {},
): Promise<Database<Client>> {
  const connection =
    target.kind === "pglite"
      ? await openEmbedded(subgraph, target, options.pgliteExtensions ?? {}, options.embedded)
      : await openPostgres(target, subgraph);
  try {
    await applyMigrations(connection.sql, subgraph, path.join(__dirname, "..", "prisma", subgraph, "migrations"));
  } catch (error) {
    await connection.close();
    throw error;
  }
  const adapter = tracingOn() ? tracedAdapter(connection.adapter) : connection.adapter;
  const prisma = createClient({ adapter, log: [{ emit: "event", level: "query" }] });
  let statements = 0;
  prisma.$on("query", (event) => {
    statements += 1;
    options.observeStatement?.(event.duration);
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

// PostgreSQL's default of 128 MB of shared buffers would dominate the process's memory, and the registries' working
// set fits in far less (measured in README, Benchmarks).
const pgliteSettings = ["shared_buffers = 16MB"];

/**
 * The embedded PostgreSQL (PGlite) of one process: one instance for every subgraph the process serves, each in its own
 * schema as on a PostgreSQL server, instead of one WebAssembly PostgreSQL (memory, buffers, start-up) per subgraph.
 * PGlite is a single connection: a subgraph's statement first sets the search path to its schema when another
 * subgraph's statement ran last, and a transaction holds the connection until it ends, as it does in PGlite anyway.
 */
export class EmbeddedPostgres {
  private readonly turn = new Mutex();
  private searchPath: string | null = null;

  private constructor(
    readonly dataDir: string | null,
    private readonly pglite: PGlite,
    private readonly extensions: ReadonlySet<string>,
  ) {}

  /** Opens (on first use: creates) the database in `dataDir`, or in memory; with every extension its subgraphs need. */
  static async open(dataDir: string | null, extensions: PGliteExtensions = {}): Promise<EmbeddedPostgres> {
    if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    // One options object: PGlite reads its second argument only when the first is a data directory.
    const pglite = new PGlite({ dataDir: dataDir ?? undefined, postgresqlconf: pgliteSettings, extensions });
    await pglite.waitReady;
    return new EmbeddedPostgres(dataDir, pglite, new Set(Object.keys(extensions)));
  }

  /** A subgraph's connection to its schema (created on first use). */
  async connect(subgraph: string, schema: string, extensions: PGliteExtensions): Promise<Connection> {
    const missing = Object.keys(extensions).filter((name) => !this.extensions.has(name));
    if (missing.length > 0)
      throw new Error(`${subgraph}: the embedded database was opened without the extension ${missing.join(", ")}`);
    const client = this.inSchema(schema);
    await client.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const driver = (queryable: Pick<PGlite, "query" | "exec">, nested: boolean): SqlDriver => ({
      query: async <Row>(sql: string, params: unknown[] = []) => (await queryable.query<Row>(sql, params)).rows,
      exec: async (sql) => {
        await queryable.exec(sql);
      },
      transaction: (work) =>
        nested ? work(driver(queryable, true)) : client.transaction((tx) => work(driver(tx, true))),
    });
    // Typed against an older @prisma/driver-adapter-utils; at run time they fit.
    const factory = new PrismaPGlite(client as PGlite) as unknown as SqlMigrationAwareDriverAdapterFactory;
    return {
      adapter: {
        provider: factory.provider,
        adapterName: factory.adapterName,
        // The factory names no schema, and Prisma would then write "public" into every statement.
        connect: async () =>
          Object.assign(await factory.connect(), {
            getConnectionInfo: () => ({ schemaName: schema, supportsRelationJoins: true }),
          }),
        connectToShadowDb: () => factory.connectToShadowDb(),
      },
      sql: driver(client, false),
      // The process closes the shared database once its last subgraph has stopped.
      close: async () => undefined,
    };
  }

  /** PGlite's calls that Prisma's adapter and the SQL driver make, each in its turn and in `schema`. */
  private inSchema(schema: string): Pick<PGlite, "query" | "exec" | "transaction"> {
    const inTurn = <T>(work: () => Promise<T>) =>
      this.turn.runExclusive(async () => {
        if (this.searchPath !== schema) {
          await this.pglite.exec(`SET search_path TO "${schema}"`);
          this.searchPath = schema;
        }
        return work();
      });
    return {
      query: <Row>(sql: string, params?: unknown[], options?: QueryOptions) =>
        inTurn(() => this.pglite.query<Row>(sql, params, options)),
      exec: (sql: string, options?: QueryOptions) => inTurn(() => this.pglite.exec(sql, options)),
      transaction: (work) => inTurn(() => this.pglite.transaction(work)),
    };
  }

  /** A PGlite instance keeps the process alive until closed. */
  close(): Promise<void> {
    return this.pglite.close();
  }
}

async function openEmbedded(
  subgraph: string,
  target: Extract<DatabaseTarget, { kind: "pglite" }>,
  extensions: PGliteExtensions,
  shared: EmbeddedPostgres | undefined,
): Promise<Connection> {
  if (shared && shared.dataDir === target.dataDir) return shared.connect(subgraph, target.schema, extensions);
  const own = await EmbeddedPostgres.open(target.dataDir, extensions);
  try {
    return { ...(await own.connect(subgraph, target.schema, extensions)), close: () => own.close() };
  } catch (error) {
    await own.close();
    throw error;
  }
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

/**
 * SQL spans: neither the embedded PGlite driver nor Prisma's driver adapters are instrumented, so the adapter Prisma
 * talks to is wrapped, the same for PGlite and PostgreSQL. A span per statement of a traced request, child of the
 * resolver that sent it, named by its first keyword, with the statement's text: Prisma sends values as parameters
 * ($1, $2…), never in the text, and parameters are not recorded.
 */
function tracedAdapter(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => tracedConnection(await factory.connect()),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

function tracedConnection(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return {
    ...tracedQueries(adapter),
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: async (isolationLevel) => tracedTransaction(await adapter.startTransaction(isolationLevel)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  };
}

function tracedTransaction(transaction: Transaction): Transaction {
  return {
    ...tracedQueries(transaction),
    options: transaction.options,
    commit: () => transaction.commit(),
    rollback: () => transaction.rollback(),
  };
}

/** A statement's span: not made active, since nothing runs under it that could be its child. */
async function inSqlSpan<Result>(
  query: SqlQuery,
  run: (query: SqlQuery) => Promise<Result>,
  rows?: (result: Result) => number,
): Promise<Result> {
  const span = tracer.startSpan(/^\s*([A-Za-z]+)/.exec(query.sql)?.[1]?.toUpperCase() ?? "SQL", {
    kind: SpanKind.CLIENT,
    attributes: { "db.system.name": "postgresql", "db.query.text": query.sql },
  });
  try {
    const result = await run(query);
    if (rows) span.setAttribute("db.response.returned_rows", rows(result));
    return result;
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    span.setStatus({ code: SpanStatusCode.ERROR });
    if (typeof code === "string") span.setAttribute("db.response.status_code", code);
    throw error;
  } finally {
    span.end();
  }
}

function tracedQueries(queryable: SqlQueryable): SqlQueryable {
  const traced =
    <Result>(run: (query: SqlQuery) => Promise<Result>, rows?: (result: Result) => number) =>
    (query: SqlQuery) =>
      // Only under a recorded span: not for requests the sampler left out, nor for work outside requests (a worker's
      // polling would otherwise start a trace at every poll).
      !trace.getActiveSpan()?.isRecording() ? run(query) : inSqlSpan(query, run, rows);
  return {
    provider: queryable.provider,
    adapterName: queryable.adapterName,
    queryRaw: traced(
      (query) => queryable.queryRaw(query),
      (result) => result.rows.length,
    ),
    executeRaw: traced((query) => queryable.executeRaw(query)),
  };
}
