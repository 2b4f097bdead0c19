// npm run start:gateway: the gateway alone, reaching subgraphs at <NAME>_URL (or the supergraph's URLs).
import "reflect-metadata";
import { logger } from "../common/logger";
import { startTelemetry, stopTelemetry } from "../common/telemetry";
import { startGateway } from "../gateway";

async function main() {
  startTelemetry("gateway");
  return startGateway();
}

main()
  .then((gateway) => {
    logger.info({ url: gateway.url }, "gateway listening");
    const shutdown = async () => {
      await gateway.close();
      await stopTelemetry();
      process.exit(0);
    };
    process.once("SIGINT", () => void shutdown());
    process.once("SIGTERM", () => void shutdown());
  })
  .catch((error) => {
    logger.error({ err: error }, "start failed");
    process.exit(1);
  });
