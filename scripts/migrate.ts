// npm run migrate -- <subgraph>: applies the subgraph's migrations and loads its seed, under its start-up lock, then
// exits; what the Kubernetes init container runs before the server (deploy/charts.ts). The server does the same at
// start and finds it done.
import fs from "node:fs";
import path from "node:path";
import "reflect-metadata";
import { databaseTargetFromEnv, describeTarget, openDatabase } from "../common/database";
import { logger } from "../common/logger";
import { seedOnce } from "../common/seed";
import type { SubgraphDefinition } from "../common/subgraph";

const subgraphsDir = path.join(__dirname, "..", "subgraphs");

async function main() {
  const name = process.argv[2] ?? "";
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !fs.existsSync(path.join(subgraphsDir, name, "index.ts"))) {
    console.error("usage: npm run migrate -- <subgraph>");
    process.exit(2);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the one subgraph named, loaded on demand
  const exported = require(path.join(subgraphsDir, name)) as Record<string, unknown>;
  const definition = Object.values(exported).find(
    (value) => (value as { name?: unknown } | null)?.name === name,
  ) as SubgraphDefinition<never, unknown>;
  const target = databaseTargetFromEnv(name);
  const log = logger.child({ subgraph: name });
  log.info({ database: describeTarget(target) }, "migrating");
  const database = await openDatabase(name, target, definition.createPrismaClient, {
    pgliteExtensions: definition.pgliteExtensions,
  });
  try {
    if (definition.seed) {
      const seeded = await seedOnce(database.sql, name, definition.seed());
      log.info(seeded ? "seed data loaded" : "seed data already loaded");
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  logger.error({ err: error }, "migration failed");
  process.exit(1);
});
