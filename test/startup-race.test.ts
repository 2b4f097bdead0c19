// Replicas that start together (issue 22): three `npm start` stacks started at the same moment on one PostgreSQL
// database, empty or left by an earlier release, all serve; each subgraph's migrations and seed ran once, under its
// advisory lock, while the other replicas waited. PostgreSQL only: the embedded database belongs to one process.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { subgraphEnvName } from "../common/config";
import { applyMigrations } from "../common/migrations";
import type { SqlDriver } from "../common/sql";
import { subgraphs } from "../subgraphs";
import { postGraphQL, testDatabaseUrl } from "./harness";
import {
  childEnv,
  freePort,
  freshPostgresDatabase,
  killAll,
  repositoryRoot,
  startProcess,
  waitReady,
  withPostgres,
  type ServiceProcess,
} from "./processes";

const onPostgres = testDatabaseUrl !== "memory://";
const subgraphNames = subgraphs.map((definition) => definition.name);
const stacks = 3;

const migrationsOf = (name: string) =>
  fs
    .readdirSync(path.join(repositoryRoot, "prisma", name, "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** A country's own fields (members) and the ones contacts and events add: three subgraphs in one answer. */
const profile = `{ country(code: "PT") { name networks { acronym } contactPoints { kind } } networks { id } }`;

interface Stack {
  process: ServiceProcess;
  gateway: string;
}

/** `stacks` processes of `npm start` (every subgraph and a gateway each), spawned in the same tick. */
async function startStacks(databaseUrl: string): Promise<Stack[]> {
  const ports = await Promise.all(
    Array.from({ length: stacks }, async () => ({
      gateway: await freePort(),
      subgraphs: Object.fromEntries(await Promise.all(subgraphNames.map(async (name) => [name, await freePort()]))),
    })),
  );
  return ports.map((port, index) => ({
    gateway: `http://127.0.0.1:${port.gateway}`,
    process: startProcess({
      name: `stack ${index + 1}`,
      script: "scripts/start.ts",
      env: childEnv(subgraphNames, {
        DATABASE_URL: databaseUrl,
        // Three stacks of eight subgraphs share the server's 100 connections with the rest of the suite.
        DATABASE_POOL_SIZE: "3",
        PORT: String(port.gateway),
        ...Object.fromEntries(
          subgraphNames.map((name) => [subgraphEnvName(name, "PORT"), String(port.subgraphs[name])]),
        ),
      }),
    }),
  }));
}

/** Every stack ready and answering a three-subgraph query with the seeded facts. */
async function expectAllServe(started: Stack[]): Promise<void> {
  await Promise.all(started.map((stack) => waitReady(stack.gateway, stack.process, 240_000)));
  for (const stack of started) {
    const answer = await postGraphQL(`${stack.gateway}/graphql`, { query: profile });
    expect({ stack: stack.process.name, errors: answer.body.errors }).toEqual({
      stack: stack.process.name,
      errors: undefined,
    });
    expect(answer.body.data.country.name).toBe("Portugal");
    expect(answer.body.data.networks.length).toBeGreaterThan(0);
    expect(stack.process.running()).toBe(true);
  }
}

/** Each subgraph's migrations recorded once each and one seed run: nothing was done twice. */
async function expectEachDoneOnce(databaseUrl: string): Promise<void> {
  await withPostgres(databaseUrl, async (client) => {
    for (const name of subgraphNames) {
      const schema = name.replace(/-/g, "_");
      const migrations = await client.query<{ migration_name: string }>(
        `SELECT "migration_name" FROM "${schema}"."_prisma_migrations" ORDER BY "migration_name"`,
      );
      expect({ name, migrations: migrations.rows.map((row) => row.migration_name) }).toEqual({
        name,
        migrations: migrationsOf(name),
      });
      const seeds = await client.query(`SELECT 1 FROM "${schema}"."_seed_runs" WHERE "subgraph" = $1`, [name]);
      expect({ name, seedRuns: seeds.rowCount }).toEqual({ name, seedRuns: 1 });
    }
  });
}

/** A SqlDriver on one pg client, in one schema: enough for the migration runner. */
function clientDriver(client: pg.Client): SqlDriver {
  const driver: SqlDriver = {
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
    exec: async (sql) => {
      await client.query(sql);
    },
    transaction: async (work) => {
      await client.query("BEGIN");
      try {
        const result = await work(driver);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
  return driver;
}

/**
 * A database as an earlier release left it: each subgraph with all its migrations but the last applied, and a seed
 * run recorded for another version of the seed.
 */
async function olderRelease(databaseUrl: string): Promise<void> {
  const earlier = fs.mkdtempSync(path.join(os.tmpdir(), "earlier-migrations-"));
  try {
    await withPostgres(databaseUrl, async (client) => {
      for (const name of subgraphNames) {
        const schema = name.replace(/-/g, "_");
        const dir = path.join(earlier, name);
        for (const migration of migrationsOf(name).slice(0, -1)) {
          fs.cpSync(path.join(repositoryRoot, "prisma", name, "migrations", migration), path.join(dir, migration), {
            recursive: true,
          });
        }
        await client.query(`CREATE SCHEMA "${schema}"`);
        await client.query(`SET search_path TO "${schema}"`);
        await applyMigrations(clientDriver(client), name, dir);
        await client.query(`INSERT INTO "_seed_runs" ("subgraph", "checksum") VALUES ($1, 'an earlier seed')`, [name]);
      }
    });
  } finally {
    fs.rmSync(earlier, { recursive: true, force: true });
  }
}

(onPostgres ? describe : describe.skip)(`${stacks} stacks started together on one PostgreSQL database`, () => {
  const serverUrl = testDatabaseUrl.split("?")[0];
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;

  afterEach(async () => {
    await killAll();
    await database?.drop();
    database = undefined;
  });

  it("all serve on an empty database, each subgraph migrated and seeded once", async () => {
    database = await freshPostgresDatabase(serverUrl);
    await expectAllServe(await startStacks(database.url));
    await expectEachDoneOnce(database.url);
  }, 600_000);

  it("all serve on a database of an earlier release: its last migrations and new seed applied once", async () => {
    database = await freshPostgresDatabase(serverUrl);
    await olderRelease(database.url);
    await expectAllServe(await startStacks(database.url));
    await expectEachDoneOnce(database.url);
    await withPostgres(database.url, async (client) => {
      for (const name of subgraphNames) {
        const [seed] = (
          await client.query<{ checksum: string }>(
            `SELECT "checksum" FROM "${name.replace(/-/g, "_")}"."_seed_runs" WHERE "subgraph" = $1`,
            [name],
          )
        ).rows;
        expect({ name, checksum: seed.checksum }).not.toEqual({ name, checksum: "an earlier seed" });
      }
    });
  }, 600_000);
});
