import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import fs from "node:fs";
import type { Viewer } from "./auth";
import { envOptional, envPort, envString, subgraphEnvName } from "./config";
import { subgraphContext, type SubgraphContext } from "./context";
import {
  databaseTargetFromEnv,
  describeTarget,
  EmbeddedPostgres,
  openDatabase,
  type Database,
  type DatabaseTarget,
  type PGliteExtensions,
  type PrismaClientFactory,
  type PrismaClientLike,
} from "./database";
import { maskInternalErrors } from "./errors";
import { serveGraphQL, type Route } from "./http";
import { refuseUnstorableText } from "./input-guard";
import { logger } from "./logger";
import { subgraphMetrics } from "./metrics";
import { operationTelemetry, traceResolvers } from "./operation-telemetry";
import { seedOnce, type SeedTable } from "./seed";
import { tracingOn } from "./telemetry";
import { viewerKeysFromEnv, viewerTokenVerifier, type ViewerKeys } from "./viewer-token";

/** Everything the shared runner needs to know about one subgraph; each subgraph's index.ts exports one. */
export interface SubgraphDefinition<Client extends PrismaClientLike, Loaders> {
  name: string;
  defaultPort: number;
  /** Builds the federated schema; needs no database, so `npm run compose` can call it. */
  buildSchema(): Promise<GraphQLSchema>;
  createPrismaClient: PrismaClientFactory<Client>;
  /** PostgreSQL extensions its migrations create, for the embedded database to load (PGlite's own bundles). */
  pgliteExtensions?: PGliteExtensions;
  /** Per request; loaders that filter by who asks get the viewer. */
  createLoaders(prisma: Client, viewer: Viewer | null): Loaders;
  seed?(): SeedTable[];
  /** HTTP routes beside /graphql, e.g. calendar feeds. */
  routes?(prisma: Client): Record<string, Route>;
  /** Work in the background while the subgraph serves, e.g. delivering notifications; stopped before the database. */
  startWorker?(prisma: Client): BackgroundWorker | undefined;
}

export interface BackgroundWorker {
  /** Finishes the work in hand and takes no more. */
  stop(): Promise<void>;
}

/** TLS_CERT_FILE and TLS_KEY_FILE (PEM): the subgraph serves https, as on a network's own host. */
function tlsFromEnv(): { cert: Buffer; key: Buffer } | undefined {
  const cert = envOptional("TLS_CERT_FILE");
  const key = envOptional("TLS_KEY_FILE");
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new Error("TLS_CERT_FILE and TLS_KEY_FILE must be set together");
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

export interface RunningSubgraph<Client = unknown> {
  name: string;
  url: string;
  database: Database<Client>;
  stop(): Promise<void>;
}

/**
 * Opens the subgraph's database (migrations applied), seeds it once, and serves it. Subgraphs listen on loopback
 * by default: only the gateway should reach them.
 */
export async function startSubgraph<Client extends PrismaClientLike, Loaders>(
  definition: SubgraphDefinition<Client, Loaders>,
  options: {
    target?: DatabaseTarget;
    port?: number;
    host?: string;
    seed?: boolean;
    /** The gateway's public keys; by default from the environment (its JWKS URL or a key file). */
    viewerKeys?: ViewerKeys;
    /** The process's embedded database, shared with the other subgraphs it serves. */
    embedded?: EmbeddedPostgres;
  } = {},
): Promise<RunningSubgraph<Client>> {
  const target = options.target ?? databaseTargetFromEnv(definition.name);
  const viewerKeys = options.viewerKeys ?? viewerKeysFromEnv();
  const verifyViewer = viewerTokenVerifier(definition.name, viewerKeys);
  const log = logger.child({ subgraph: definition.name });
  log.info({ database: describeTarget(target) }, "opening database");
  const metrics = subgraphMetrics(definition.name);
  const database = await openDatabase(definition.name, target, definition.createPrismaClient, {
    pgliteExtensions: definition.pgliteExtensions,
    embedded: options.embedded,
    observeStatement: (durationMs) => metrics.observeStatement(durationMs),
  });
  try {
    if (definition.seed && options.seed !== false) {
      const seeded = await seedOnce(database.sql, definition.name, definition.seed());
      log.info(seeded ? "seed data loaded" : "seed data already loaded");
    }
    const schema = await definition.buildSchema();
    if (tracingOn()) traceResolvers(schema);
    const server = new ApolloServer<SubgraphContext<Client, Loaders>>({
      // Our entry points stop the servers on SIGTERM and SIGINT, draining requests in flight first; Apollo's own
      // handlers would stop at once and end the process.
      stopOnTerminationSignals: false,
      schema,
      // The gateway does not ask for traces; answering without them keeps responses small.
      plugins: [
        ApolloServerPluginInlineTraceDisabled(),
        refuseUnstorableText,
        operationTelemetry(metrics, { operationSpans: true }),
      ],
      includeStacktraceInErrorResponses: false,
      formatError: maskInternalErrors,
      csrfPrevention: true,
    });
    await server.start();
    const host = options.host ?? envString("SUBGRAPH_HOST", "127.0.0.1");
    const http = await serveGraphQL(server, {
      name: definition.name,
      host,
      port: options.port ?? envPort(subgraphEnvName(definition.name, "PORT"), definition.defaultPort),
      context: (request, requestId) =>
        subgraphContext(request, requestId, verifyViewer, database.prisma, (viewer) =>
          definition.createLoaders(database.prisma, viewer),
        ),
      unavailableDependencies: async () =>
        (await database.sql.query("SELECT 1").then(
          (rows) => rows.length === 1,
          () => false,
        ))
          ? []
          : ["database"],
      tls: tlsFromEnv(),
      routes: definition.routes?.(database.prisma),
      metrics: metrics.registry,
      subgraph: definition.name,
    });
    log.info({ url: http.url }, "subgraph listening");
    const worker = definition.startWorker?.(database.prisma);
    return {
      name: definition.name,
      url: http.url,
      database,
      async stop() {
        await http.close();
        await worker?.stop();
        await server.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Several subgraphs in this process, started in order. Those whose target is embedded share one embedded database per
 * folder (one schema each), opened with every extension they need and closed once the last has stopped.
 */
export async function startSubgraphs(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each subgraph has its own client and loaders
  definitions: readonly SubgraphDefinition<any, any>[],
  options: { targetOf(subgraph: string): DatabaseTarget; port?: number; viewerKeys?: ViewerKeys },
): Promise<{ subgraphs: RunningSubgraph[]; stop(): Promise<void> }> {
  const targets = definitions.map((definition) => ({ definition, target: options.targetOf(definition.name) }));
  const embedded = new Map<string | null, EmbeddedPostgres>();
  const running: RunningSubgraph[] = [];
  const stop = async () => {
    await Promise.allSettled(running.map((subgraph) => subgraph.stop()));
    await Promise.allSettled([...embedded.values()].map((database) => database.close()));
  };
  try {
    for (const { target } of targets) {
      if (target.kind !== "pglite" || embedded.has(target.dataDir)) continue;
      const extensions = Object.assign(
        {},
        ...targets.flatMap(({ definition, target: other }) =>
          other.kind === "pglite" && other.dataDir === target.dataDir ? [definition.pgliteExtensions ?? {}] : [],
        ),
      ) as PGliteExtensions;
      embedded.set(target.dataDir, await EmbeddedPostgres.open(target.dataDir, extensions));
    }
    for (const { definition, target } of targets) {
      running.push(
        await startSubgraph(definition, {
          target,
          port: options.port,
          viewerKeys: options.viewerKeys,
          embedded: target.kind === "pglite" ? embedded.get(target.dataDir) : undefined,
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { subgraphs: running, stop };
}
