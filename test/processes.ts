// Real processes for the fault tests: entry points of this repository started under node in their own process group,
// so that a test can SIGKILL a whole service (and whatever it started) as an operator's `kill -9` would.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { subgraphEnvName } from "../common/config";

export const repositoryRoot = path.join(__dirname, "..");

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port nothing listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The environment of a child: this one's, without any variable that would point it at another service's database,
 * port, URL or keys (set by the test runner, by an earlier test of the file, or by the developer's shell), plus
 * `overrides`.
 */
export function childEnv(subgraphNames: string[], overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const inherited = [
    "DATABASE_URL",
    "PGLITE_DIR",
    "PORT",
    "HOST",
    "SUBGRAPH_HOST",
    "GATEWAY_URL",
    "GATEWAY_JWKS_URL",
    "GATEWAY_PUBLIC_KEYS_FILE",
    "GATEWAY_SIGNING_KEYS_FILE",
    // Client tokens in these tests are signed with the development secret.
    "JWT_SECRET",
    "JWT_JWKS_URL",
    "TLS_CERT_FILE",
    "TLS_KEY_FILE",
    ...subgraphNames.flatMap((name) => ["URL", "PORT", "DATABASE_URL"].map((suffix) => subgraphEnvName(name, suffix))),
  ];
  for (const name of inherited) delete env[name];
  // A developer's own tracing settings stay out of the tests' processes.
  for (const name of Object.keys(env)) if (name.startsWith("OTEL_")) delete env[name];
  return { ...env, LOG_LEVEL: "warn", ...overrides };
}

/** A TypeScript entry point of this repository running under node, in a process group of its own. */
export interface ServiceProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code or signal when the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  /** The last lines it printed, for error messages. */
  output(): string;
  /** Sends a signal to the whole process group (the process and anything it started). */
  signalGroup(signal: NodeJS.Signals): void;
  /** SIGKILL to the group, then waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL to the group after `graceMs`; waits for the exit. */
  stop(graceMs?: number): Promise<void>;
}

const started = new Set<ServiceProcess>();

/** Every process these helpers started that is still running: for afterAll. */
export async function killAll(): Promise<void> {
  await Promise.all([...started].map((service) => service.kill()));
}

export function startProcess(options: {
  name: string;
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
}): ServiceProcess {
  const child = spawn(
    process.execPath,
    ["-r", "@swc-node/register", path.join(repositoryRoot, options.script), ...(options.args ?? [])],
    {
      cwd: repositoryRoot,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: a kill reaches everything it runs, as `kill -9 -<pgid>` would.
      detached: true,
    },
  );
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      ended = true;
      resolve({ code, signal });
    }),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group has ended.
    }
  };
  const service: ServiceProcess = {
    name: options.name,
    pid: child.pid!,
    child,
    exited,
    running: () => !ended,
    output: () => lines.join("\n"),
    signalGroup,
    async kill() {
      signalGroup("SIGKILL");
      if (!ended) await exited;
      started.delete(service);
    },
    async stop(graceMs = 15_000) {
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      // Anything it started and left behind.
      signalGroup("SIGKILL");
      started.delete(service);
    },
  };
  started.add(service);
  void exited.then(() => {
    if (!service.running()) started.delete(service);
  });
  return service;
}

/** The HTTP status of a GET, or null when nothing answers (within `timeoutMs`). */
export async function getStatus(url: string, timeoutMs = 5000): Promise<number | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/** Polls `check` until it holds; fails with the service's last output when it ends first or the deadline passes. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  options: { timeoutMs: number; service?: ServiceProcess; intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await check()) return;
    if (options.service && !options.service.running()) {
      throw new Error(`${options.service.name} ended before ${what}:\n${options.service.output()}`);
    }
    if (Date.now() > deadline) {
      const output = options.service ? `:\n${options.service.output()}` : "";
      throw new Error(`not ${what} within ${options.timeoutMs / 1000} s${output}`);
    }
    await sleep(options.intervalMs ?? 250);
  }
}

/** Waits until `<base>/ready` answers 200. */
export function waitReady(baseUrl: string, service: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  return waitUntil(`ready at ${baseUrl}/ready`, async () => (await getStatus(`${baseUrl}/ready`, 3000)) === 200, {
    timeoutMs,
    service,
  });
}

export const randomSuffix = () => crypto.randomBytes(4).toString("hex");

/** A PostgreSQL URL with `?schema=` added (one subgraph in that schema). */
export const withSchema = (url: string, schema: string) => `${url}${url.includes("?") ? "&" : "?"}schema=${schema}`;

/** Runs `work` with a client on `url`, and closes it. */
export async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database on the server of `serverUrl`: its URL, and how to drop it. */
export async function freshPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `fault_${randomSuffix()}`;
  await withPostgres(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withPostgres(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

export async function dropSchema(serverUrl: string, schema: string): Promise<void> {
  await withPostgres(serverUrl, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/**
 * The environment of a whole `npm start` stack as a user runs it (NODE_ENV=development): the gateway on `port`,
 * subgraphs on free ports, data in a new database on `postgresServerUrl` when given, else embedded under `pgliteDir`.
 * `drop` removes the PostgreSQL database afterwards.
 */
export async function stackEnv(options: {
  subgraphNames: string[];
  port: number;
  pgliteDir: string;
  postgresServerUrl: string | null;
  overrides?: Record<string, string>;
}): Promise<{ env: NodeJS.ProcessEnv; databaseUrl: string | null; drop(): Promise<void> }> {
  const database = options.postgresServerUrl ? await freshPostgresDatabase(options.postgresServerUrl) : null;
  const env = childEnv(options.subgraphNames, {
    NODE_ENV: "development",
    PORT: String(options.port),
    HOST: "127.0.0.1",
    ...(database ? { DATABASE_URL: database.url } : { PGLITE_DIR: options.pgliteDir }),
    ...Object.fromEntries(options.subgraphNames.map((name) => [subgraphEnvName(name, "PORT"), "0"])),
    ...options.overrides,
  });
  return { env, databaseUrl: database?.url ?? null, drop: async () => database?.drop() };
}
