import { SignJWT } from "jose";
import crypto from "node:crypto";
import pg from "pg";
import "reflect-metadata";
import { databaseTargetFromUrl, embeddedTarget, type DatabaseTarget } from "../common/database";
import { startSubgraphs, type RunningSubgraph } from "../common/subgraph";
import { newSigningKey, signingKeysFrom, viewerKeysFrom, type SigningKeys } from "../common/viewer-token";
import { startGateway, type GatewayOptions } from "../gateway";
import { developmentJwtSecret } from "../gateway/auth";
import { subgraphs } from "../subgraphs";

/**
 * The database the tests run on: in-memory PGlite, or with TEST_DATABASE_URL a PostgreSQL server, where each test
 * graph gets fresh schemas that are dropped on close.
 */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || "memory://";

export function testTarget(subgraph: string): DatabaseTarget {
  if (testDatabaseUrl === "memory://") return embeddedTarget(subgraph, null);
  const schema = `test_${subgraph.replace(/-/g, "_")}_${crypto.randomBytes(4).toString("hex")}`;
  return databaseTargetFromUrl(
    subgraph,
    `${testDatabaseUrl}${testDatabaseUrl.includes("?") ? "&" : "?"}schema=${schema}`,
  );
}

export async function dropTarget(target: DatabaseTarget): Promise<void> {
  if (target.kind !== "postgres") return;
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${target.schema}" CASCADE`);
  await client.end();
}

export interface GraphQLResponse<Data = any> {
  status: number;
  body: {
    data?: Data;
    errors?: {
      message: string;
      path?: (string | number)[];
      locations?: { line: number; column: number }[];
      extensions?: Record<string, any>;
    }[];
  };
  headers: Headers;
}

export interface TestGraph {
  gatewayUrl: string;
  /** The keys this graph's gateway signs viewer tokens with. */
  signingKeys: SigningKeys;
  subgraphs: RunningSubgraph<any>[];
  query<Data = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  /** SQL statements sent by every subgraph so far. */
  statementCount(): number;
  /** Runs a query and says how many SQL statements it cost, over every subgraph. */
  measure<Data = any>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ statements: number; body: GraphQLResponse<Data>["body"] }>;
  /** Runs a query that must succeed: its SQL statements and how many rows it returned (for N+1 checks). */
  statementsAndRows(
    query: string,
    variables: Record<string, unknown>,
    rowsOf: (data: any) => number,
  ): Promise<{ statements: number; rows: number }>;
  close(): Promise<void>;
}

/**
 * The graph of this test file: started before its first test, stopped after its last. Use it inside tests only:
 * `const graph = useTestGraph();` at the top of the file.
 */
export function useTestGraph(options: Parameters<typeof startTestGraph>[0] = {}): TestGraph {
  let started: TestGraph | undefined;
  beforeAll(async () => {
    started = await startTestGraph(options);
  });
  afterAll(() => started?.close());
  const current = (): TestGraph => {
    if (!started) throw new Error("the test graph is not started: use it inside a test or a hook");
    return started;
  };
  return {
    get gatewayUrl() {
      return current().gatewayUrl;
    },
    get subgraphs() {
      return current().subgraphs;
    },
    get signingKeys() {
      return current().signingKeys;
    },
    query: (...args) => current().query(...args),
    statementCount: () => current().statementCount(),
    measure: (...args) => current().measure(...args),
    statementsAndRows: (...args) => current().statementsAndRows(...args),
    close: () => current().close(),
  };
}

/**
 * Every subgraph on a fresh, seeded database and a free port, and the gateway over them, in this process. Embedded,
 * they share one in-memory database, a schema each, as `npm start` does.
 */
export async function startTestGraph(
  gatewayOptions: Omit<GatewayOptions, "port" | "host" | "subgraphUrls"> = {},
): Promise<TestGraph> {
  const targets = new Map(subgraphs.map((definition) => [definition.name, testTarget(definition.name)]));
  let started: Awaited<ReturnType<typeof startSubgraphs>> | undefined;
  const stopSubgraphs = async () => {
    await started?.stop();
    for (const target of targets.values()) await dropTarget(target);
  };
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  // This graph's own gateway keys: subgraphs hold its public keys, as a host that may not call the gateway does.
  const signingKeys = gatewayOptions.signingKeys ?? (await signingKeysFrom({ keys: [await newSigningKey()] }));
  let running: RunningSubgraph<any>[] = [];
  try {
    started = await startSubgraphs(subgraphs, {
      targetOf: (name) => targets.get(name)!,
      port: 0,
      viewerKeys: viewerKeysFrom(signingKeys.published),
    });
    running = started.subgraphs;
    gateway = await startGateway({
      // A suite sends thousands of requests from one address: rate limits only where a test asks for them.
      rateLimits: false,
      ...gatewayOptions,
      signingKeys,
      port: 0,
      host: "127.0.0.1",
      subgraphUrls: Object.fromEntries(running.map((subgraph) => [subgraph.name, subgraph.url])),
    });
    // Subgraphs check references to other subgraphs' entities through this gateway (its port is known only now).
    process.env.GATEWAY_URL = gateway.url;
  } catch (error) {
    // Open embedded databases would keep the test process alive.
    await stopSubgraphs();
    throw error;
  }
  const statementCount = () => running.reduce((sum, subgraph) => sum + subgraph.database.statementCount(), 0);
  const measure: TestGraph["measure"] = async (query, variables) => {
    const before = statementCount();
    const { body } = await postGraphQL(gateway.url, { query, variables });
    return { statements: statementCount() - before, body };
  };
  return {
    gatewayUrl: gateway.url,
    signingKeys,
    subgraphs: running,
    query: (query, variables, headers) => postGraphQL(gateway.url, { query, variables }, headers),
    statementCount,
    measure,
    async statementsAndRows(query, variables, rowsOf) {
      const { statements, body } = await measure(query, variables);
      if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
      return { statements, rows: rowsOf(body.data) };
    },
    async close() {
      await gateway.close();
      await stopSubgraphs();
    },
  };
}

export async function postGraphQL(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as GraphQLResponse["body"],
    headers: response.headers,
  };
}

/** A client token as an identity provider would issue it (HS256 with the development secret unless told). */
export async function clientToken(
  claims: Record<string, unknown>,
  options: { secret?: string; expiresIn?: string | number } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "1h")
    .sign(new TextEncoder().encode(options.secret ?? developmentJwtSecret));
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
