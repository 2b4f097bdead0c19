// npm run start:subgraph -- <name>: one subgraph alone, e.g. for a network's developers or a separate host.
import "reflect-metadata";
import { logger } from "../common/logger";
import { startSubgraph } from "../common/subgraph";
import { subgraphs } from "../subgraphs";

async function main() {
  const name = process.argv[2];
  const definition = subgraphs.find((subgraph) => subgraph.name === name);
  if (!definition) {
    console.error(`usage: npm run start:subgraph -- <${subgraphs.map((subgraph) => subgraph.name).join("|")}>`);
    process.exit(2);
  }
  const running = await startSubgraph(definition);
  const shutdown = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

main().catch((error) => {
  logger.error({ err: error }, "start failed");
  process.exit(1);
});
