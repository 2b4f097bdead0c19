// npm start: every subgraph (migrated and seeded on first start) and the gateway, in one process.
import "reflect-metadata";
import { databaseTargetFromEnv } from "../common/database";
import { logger } from "../common/logger";
import { startSubgraphs } from "../common/subgraph";
import { startTelemetry, stopTelemetry } from "../common/telemetry";
import { signingKeysFromEnv, viewerKeysFrom } from "../common/viewer-token";
import { startGateway } from "../gateway";
import { subgraphs } from "../subgraphs";

async function main() {
  let started: Awaited<ReturnType<typeof startSubgraphs>> | undefined;
  try {
    // One process, one service name: each subgraph's spans carry its name as the `subgraph.name` attribute.
    startTelemetry("cybercrime-networks-graph");
    // One process: the subgraphs hold the gateway's public keys directly.
    const signingKeys = await signingKeysFromEnv();
    const viewerKeys = viewerKeysFrom(signingKeys.published);
    // Embedded: one database in PGLITE_DIR/graph for every subgraph, one schema each.
    started = await startSubgraphs(subgraphs, {
      targetOf: (name) => databaseTargetFromEnv(name, "graph"),
      viewerKeys,
    });
    const gateway = await startGateway({
      signingKeys,
      subgraphUrls: Object.fromEntries(started.subgraphs.map((subgraph) => [subgraph.name, subgraph.url])),
    });
    // Subgraphs check references to other subgraphs' entities through this gateway.
    process.env.GATEWAY_URL ??= gateway.url;
    const shutdown = async (signal: string) => {
      logger.info({ signal }, "shutting down");
      await gateway.close();
      await started?.stop();
      await stopTelemetry();
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    console.log(`\nThe graph is ready: open ${gateway.url} (Apollo Sandbox in a browser, POST GraphQL from apps).\n`);
  } catch (error) {
    logger.error({ err: error }, "start failed");
    await started?.stop();
    process.exit(1);
  }
}

void main();
