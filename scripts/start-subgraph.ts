// npm run start:subgraph -- <name>: one subgraph alone, e.g. on a network's own host. It loads its own code and
// Prisma client only (subgraphs/<name>/), never the other subgraphs'.
import fs from "node:fs";
import path from "node:path";
import "reflect-metadata";
import { logger } from "../common/logger";
import { startSubgraph, type SubgraphDefinition } from "../common/subgraph";
import { startTelemetry, stopTelemetry } from "../common/telemetry";

const subgraphsDir = path.join(__dirname, "..", "subgraphs");

/** The definition that subgraphs/<name>/index.ts exports. */
function definitionOf(name: string): SubgraphDefinition<never, unknown> | null {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !fs.existsSync(path.join(subgraphsDir, name, "index.ts"))) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the one subgraph named, loaded on demand
  const exported = require(path.join(subgraphsDir, name)) as Record<string, unknown>;
  return (Object.values(exported).find((value) => (value as { name?: unknown } | null)?.name === name) ??
    null) as SubgraphDefinition<never, unknown> | null;
}

async function main() {
  const name = process.argv[2] ?? "";
  const definition = definitionOf(name);
  if (!definition) {
    const known = fs.readdirSync(subgraphsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    console.error(`usage: npm run start:subgraph -- <${known.map((entry) => entry.name).join("|")}>`);
    process.exit(2);
  }
  // Its own process: its spans' service is the subgraph (unless OTEL_SERVICE_NAME says otherwise).
  startTelemetry(definition.name);
  const running = await startSubgraph(definition);
  const shutdown = async () => {
    await running.stop();
    await stopTelemetry();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

main().catch((error: unknown) => {
  logger.error({ err: error }, "start failed");
  process.exit(1);
});
