// npm start: every subgraph (migrated and seeded on first start) and the gateway, in one process.
import "reflect-metadata";
import { logger } from "../common/logger";
import { startSubgraph, type RunningSubgraph } from "../common/subgraph";
import { signingKeysFromEnv, viewerKeysFrom } from "../common/viewer-token";
import { startGateway } from "../gateway";
import { subgraphs } from "../subgraphs";

async function main() {
  const running: RunningSubgraph[] = [];
  const stopAll = async () => {
    await Promise.allSettled(running.map((subgraph) => subgraph.stop()));
  };
  try {
    // One process: the subgraphs hold the gateway's public keys directly.
    const signingKeys = await signingKeysFromEnv();
    const viewerKeys = viewerKeysFrom(signingKeys.published);
    for (const definition of subgraphs) running.push(await startSubgraph(definition, { viewerKeys }));
    const gateway = await startGateway({
      signingKeys,
      subgraphUrls: Object.fromEntries(running.map((subgraph) => [subgraph.name, subgraph.url])),
    });
    // Subgraphs check references to other subgraphs' entities through this gateway.
    process.env.GATEWAY_URL ??= gateway.url;
    const shutdown = async (signal: string) => {
      logger.info({ signal }, "shutting down");
      await gateway.close();
      await stopAll();
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown("SIGINT"));
    process.once("SIGTERM", () => void shutdown("SIGTERM"));
    console.log(`\nThe graph is ready: open ${gateway.url} (Apollo Sandbox in a browser, POST GraphQL from apps).\n`);
  } catch (error) {
    logger.error({ err: error }, "start failed");
    await stopAll();
    process.exit(1);
  }
}

void main();
