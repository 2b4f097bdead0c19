import autocannon from "autocannon";
import { isDeepStrictEqual } from "node:util";

/**
 * Where requests go and as whom: one header set per simulated user (a gateway gets each user's JWT, a subgraph each
 * user's viewer token). Requests rotate over users, as real traffic does, so no gateway can answer concurrent
 * requests with one shared subgraph call (Hive Gateway deduplicates identical in-flight subgraph requests).
 */
export interface Target {
  name: "ours" | "hive" | "hiveRust" | "direct";
  url: string;
  users: () => Promise<Record<string, string>[]>;
}

/** One GraphQL request's query and variables. */
export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

/** A query and the variable sets requests rotate over. */
export interface Workload {
  query: string;
  variants: Record<string, unknown>[];
}

export interface LoadResult {
  target: Target["name"];
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  requests: number;
  /** Non-2xx answers, socket errors and timeouts: any of them makes the numbers suspect, so they are reported. */
  failures: number;
  /** CPU time the process that received the requests spent per request (the gateway's own cost, or the subgraph's). */
  cpuMsPerRequest: number;
}

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/** Sends one operation and returns its data; throws on an HTTP or GraphQL error so a broken target is never timed. */
export async function execute(target: Target, operation: Operation): Promise<unknown> {
  const response = await fetch(target.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await target.users())[0] },
    body: JSON.stringify(operation),
  });
  const text = await response.text();
  let body: { data?: unknown; errors?: unknown[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${target.name} answered ${response.status} with no JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok || body.errors || body.data == null) {
    throw new Error(`${target.name} answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}

/** Asserts that two targets give the same answer, so their timings compare like with like. */
export async function assertSameAnswer(first: Target, second: Target, operation: Operation): Promise<void> {
  const [a, b] = await Promise.all([execute(first, operation), execute(second, operation)]);
  if (!isDeepStrictEqual(a, b))
    throw new Error(`${first.name} and ${second.name} answer ${operation.query.slice(0, 60)}… differently`);
}

/** Drives load at one target with autocannon: a warm-up (not counted), then the measured run. */
export async function measureLoad(
  target: Target,
  workload: Workload,
  settings: LoadSettings,
  cpuSeconds: () => number,
): Promise<LoadResult> {
  if (settings.warmupSeconds > 0)
    await run(target, workload, { connections: settings.connections, duration: settings.warmupSeconds });
  const latencies: number[] = [];
  const cpuBefore = cpuSeconds();
  const result = await run(
    target,
    workload,
    { connections: settings.connections, duration: settings.durationSeconds },
    (responseTime) => latencies.push(responseTime),
  );
  const cpuUsed = cpuSeconds() - cpuBefore;
  latencies.sort((a, b) => a - b);
  const percentile = (fraction: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.ceil(fraction * latencies.length) - 1)] ?? NaN);
  return {
    target: target.name,
    requestsPerSecond: round(result.requests.total / settings.durationSeconds),
    latencyMs: {
      p50: percentile(0.5),
      p95: percentile(0.95),
      p99: percentile(0.99),
      max: round(latencies.at(-1) ?? NaN),
    },
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest: round((cpuUsed * 1000) / Math.max(1, result.requests.total)),
  };
}

/** A fixed request rate for a while; calls back every second, so memory can be sampled while it runs. */
export async function runAtRate(
  target: Target,
  workload: Workload,
  options: { rate: number; seconds: number; connections: number },
  everySecond: () => void,
) {
  const timer = setInterval(everySecond, 1_000);
  try {
    const result = await run(target, workload, {
      connections: options.connections,
      duration: options.seconds,
      overallRate: options.rate,
    });
    return { requests: result.requests.total, failures: result.non2xx + result.errors + result.timeouts };
  } finally {
    clearInterval(timer);
  }
}

async function run(
  target: Target,
  workload: Workload,
  options: Pick<autocannon.Options, "connections" | "duration" | "overallRate">,
  onResponse?: (responseTime: number) => void,
) {
  const users = await target.users();
  const bodies = workload.variants.map((variables) => JSON.stringify({ query: workload.query, variables }));
  let sent = 0;
  const setupRequest = (request: autocannon.Request) => {
    const index = sent++;
    return {
      ...request,
      body: bodies[index % bodies.length],
      headers: { "content-type": "application/json", ...users[index % users.length] },
    };
  };
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: target.url, method: "POST", requests: [{ setupRequest }], timeout: 30, ...options },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onResponse) instance.on("response", (_client, _status, _bytes, responseTime) => onResponse(responseTime));
  });
}

const round = (value: number) => Math.round(value * 100) / 100;
