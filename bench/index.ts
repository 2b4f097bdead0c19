// npm run bench [-- --size tiny|small|large --database postgresql://… --duration 10 --warmup 3 --connections 16
//   --leak-seconds 300 --leak-rate 50 --no-embedded --out bench/results]
// Our gateway, Hive Gateway and the subgraphs directly, side by side on one PostgreSQL data set; see README, Benchmarks.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import "reflect-metadata";
import { subgraphEnvName } from "../common/config";
import { newSigningKey, signingKeysFrom, signViewerToken, viewerTokenHeader } from "../common/viewer-token";
import { supergraphPath } from "../gateway";
import { signClientToken } from "../gateway/auth";
import { subgraphs } from "../subgraphs";
import { ensureDataSet, type DataSetSize } from "./dataset";
import { measureEmbedded } from "./embedded";
import { assertSameAnswer, execute, measureLoad, runAtRate, type LoadSettings, type Target } from "./load";
import { numberOption, sharedOptions, sharedSettings } from "./options";
import { freePort, startService, type ServiceProcess } from "./processes";
import { benchQueries, benchViewers, type BenchQuery } from "./queries";
import { embeddedTargets, machineFacts, megabytes, writeReport, type BenchReport, type QueryReport } from "./report";

export interface BenchOptions {
  size: DataSetSize;
  databaseUrl: string;
  settings: LoadSettings;
  leakSeconds: number;
  /** Requests per second of the leak check; null: half our gateway's measured throughput on the same query. */
  leakRate: number | null;
  embedded: boolean;
  /** The queries of the mix to run, by name; null: all. */
  queryNames: string[] | null;
  outDirectory: string;
  progress: boolean;
  command: string;
}

export function benchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...sharedOptions,
      "leak-seconds": { type: "string", default: "300" },
      "leak-rate": { type: "string", default: "auto" },
      "no-embedded": { type: "boolean", default: false },
      queries: { type: "string" },
    },
  });
  return {
    ...sharedSettings(values),
    leakSeconds: numberOption("leak-seconds", values["leak-seconds"], 0),
    leakRate: values["leak-rate"] === "auto" ? null : numberOption("leak-rate", values["leak-rate"], 1),
    embedded: !values["no-embedded"],
    queryNames: values.queries ? values.queries.split(",") : null,
    progress: process.stderr.isTTY === true,
    command: `npm run bench -- ${argv.join(" ")}`.trim(),
  };
}

/** Runs the whole benchmark and writes its report; the report says which checks and targets passed. */
export async function runBench(
  options: BenchOptions,
  log: (line: string) => void = (line) => console.log(line),
): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const postgres = await ensureDatabase(options.databaseUrl);
  log(`data set ${options.size} on ${options.databaseUrl.replace(/\/\/[^@]*@/, "//")}`);
  const dataSet = await ensureDataSet(options.databaseUrl, options.size, options.progress);
  log(dataSet.reused ? "data set already loaded: reused" : `data set loaded in ${Math.round(dataSet.loadSeconds)} s`);
  const mix = await benchQueries(options.databaseUrl);
  const unknown = options.queryNames?.filter((name) => !mix.some((query) => query.name === name)) ?? [];
  if (unknown.length > 0)
    throw new Error(
      `--queries: no query named ${unknown.join(", ")} (the mix: ${mix.map((query) => query.name).join(", ")})`,
    );
  // A part of the mix, to measure one change; the leak check then runs on the first query chosen.
  const queries = options.queryNames ? mix.filter((query) => options.queryNames!.includes(query.name)) : mix;

  const services: ServiceProcess[] = [];
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "bench-"));
  try {
    // The gateways sign viewer tokens with one key pair; the subgraphs hold its public half.
    const privateKeys = { keys: [await newSigningKey()] };
    const signingKeys = await signingKeysFrom(privateKeys);
    const signingKeysFile = path.join(temporary, "signing-keys.json");
    const publicKeysFile = path.join(temporary, "gateway-keys.json");
    fs.writeFileSync(signingKeysFile, JSON.stringify(privateKeys), { mode: 0o600 });
    fs.writeFileSync(publicKeysFile, JSON.stringify(signingKeys.published));
    const subgraphUrls: Record<string, string> = {};
    for (const definition of subgraphs) {
      const port = await freePort();
      subgraphUrls[definition.name] = `http://127.0.0.1:${port}/graphql`;
      services.push(
        await startService({
          name: definition.name,
          script: "scripts/start-subgraph.ts",
          args: [definition.name],
          url: subgraphUrls[definition.name],
          env: {
            [subgraphEnvName(definition.name, "DATABASE_URL")]: options.databaseUrl,
            [subgraphEnvName(definition.name, "PORT")]: String(port),
            GATEWAY_PUBLIC_KEYS_FILE: publicKeysFile,
          },
        }),
      );
    }
    // Both gateways get the same supergraph, pointing at these subgraphs.
    const supergraphFile = path.join(temporary, "supergraph.graphql");
    fs.writeFileSync(
      supergraphFile,
      fs
        .readFileSync(supergraphPath, "utf8")
        .replace(
          /@join__graph\(name: "([^"]+)", url: "[^"]+"\)/g,
          (_match, name: string) => `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")`,
        ),
    );
    const oursPort = await freePort();
    const ours = await startService({
      name: "gateway",
      script: "scripts/start-gateway.ts",
      url: `http://127.0.0.1:${oursPort}/graphql`,
      env: {
        PORT: String(oursPort),
        HOST: "127.0.0.1",
        GATEWAY_SIGNING_KEYS_FILE: signingKeysFile,
        // Hive Gateway runs here without limits: like for like.
        GATEWAY_RATE_LIMIT: "off",
        ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [subgraphEnvName(name, "URL"), url])),
      },
    });
    services.push(ours);
    const hivePort = await freePort();
    const hive = await startService({
      name: "hive-gateway",
      script: "bench/hive-gateway.ts",
      url: `http://127.0.0.1:${hivePort}/graphql`,
      env: { PORT: String(hivePort), SUPERGRAPH_FILE: supergraphFile, GATEWAY_SIGNING_KEYS_FILE: signingKeysFile },
    });
    services.push(hive);
    // The same gateway runtime planning with Hive Router's Rust query planner.
    const hiveRustPort = await freePort();
    const hiveRust = await startService({
      name: "hive-gateway-rust",
      script: "bench/hive-gateway.ts",
      url: `http://127.0.0.1:${hiveRustPort}/graphql`,
      env: {
        PORT: String(hiveRustPort),
        SUPERGRAPH_FILE: supergraphFile,
        GATEWAY_SIGNING_KEYS_FILE: signingKeysFile,
        HIVE_QUERY_PLANNER: "rust",
      },
    });
    services.push(hiveRust);
    log("services started");

    const viewers = benchViewers(64);
    const clientTokens = await Promise.all(viewers.map((viewer) => signClientToken(viewer, "6h")));
    const gatewayUsers = async () => clientTokens.map((token) => ({ authorization: `Bearer ${token}` }));
    const targets = {
      ours: { name: "ours", url: ours.url, users: gatewayUsers },
      hive: { name: "hive", url: hive.url, users: gatewayUsers },
      hiveRust: { name: "hiveRust", url: hiveRust.url, users: gatewayUsers },
    } satisfies Record<string, Target>;
    // Subgraphs trust only a viewer token the gateway signed for them; it lives 60 s, so it is signed afresh per run.
    const directTarget = (subgraph: string): Target => ({
      name: "direct",
      url: subgraphUrls[subgraph],
      users: async () =>
        Promise.all(
          viewers.map(async (viewer) => ({
            [viewerTokenHeader]: await signViewerToken(viewer, subgraph, signingKeys),
          })),
        ),
    });

    const reports: QueryReport[] = [];
    for (const query of queries) {
      // The targets must agree before they are timed (a few variants each).
      for (const variables of query.gateway.variants.slice(0, 3)) {
        await assertSameAnswer(targets.ours, targets.hive, { query: query.gateway.query, variables });
        await assertSameAnswer(targets.ours, targets.hiveRust, { query: query.gateway.query, variables });
        if (query.subgraphs.length === 1)
          await assertSameAnswer(targets.ours, directTarget(query.direct.subgraph), {
            query: query.direct.query,
            variables,
          });
      }
      await execute(directTarget(query.direct.subgraph), {
        query: query.direct.query,
        variables: query.direct.variants[0],
      });
      const sqlStatements = await countStatements(
        query,
        targets.ours,
        services.filter((service) => query.subgraphs.includes(service.name)),
      );
      log(
        `${query.name}: ${sqlStatements.many.statements} SQL statements for ${sqlStatements.many.rows} rows, ${sqlStatements.few.statements} for ${sqlStatements.few.rows}${sqlStatements.nPlusOne ? " — N+1!" : ""}`,
      );
      const results = [];
      const receiver = {
        ours,
        hive,
        hiveRust,
        direct: services.find((service) => service.name === query.direct.subgraph)!,
      };
      for (const target of [targets.ours, targets.hive, targets.hiveRust, directTarget(query.direct.subgraph)]) {
        const result = await measureLoad(
          target,
          target.name === "direct" ? query.direct : query.gateway,
          options.settings,
          () => receiver[target.name].cpuSeconds(),
        );
        log(
          `  ${target.name.padEnd(6)} ${String(result.requestsPerSecond).padStart(8)} req/s  p50 ${result.latencyMs.p50} ms  p95 ${result.latencyMs.p95} ms  p99 ${result.latencyMs.p99} ms  CPU ${result.cpuMsPerRequest} ms/request${result.failures ? `  ${result.failures} failed` : ""}`,
        );
        results.push(result);
      }
      const [oursResult, hiveResult, hiveRustResult, directResult] = results;
      const aloneMs = await measureAlone(targets.ours, query);
      log(
        `  alone  p50 ${aloneMs.p50} ms  max ${aloneMs.max} ms (one request at a time${query.uncached ? ", each computed afresh" : ""})`,
      );
      const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
      reports.push({
        name: query.name,
        description: query.description,
        subgraphs: query.subgraphs,
        sqlStatements,
        results,
        aloneMs,
        ratios: {
          throughputOursToHive: ratio(oursResult.requestsPerSecond, hiveResult.requestsPerSecond),
          throughputOursToHiveRust: ratio(oursResult.requestsPerSecond, hiveRustResult.requestsPerSecond),
          throughputOursToDirect: ratio(oursResult.requestsPerSecond, directResult.requestsPerSecond),
          p50OursToDirect: ratio(oursResult.latencyMs.p50, directResult.latencyMs.p50),
        },
      });
    }

    // The leak check runs below saturation: a queue growing in the gateway would look like a leak.
    const leakRate = options.leakRate ?? Math.max(1, Math.floor(reports[0].results[0].requestsPerSecond / 2));
    const leakCheck =
      options.leakSeconds > 0
        ? await checkLeak(targets.ours, queries[0], ours, options.leakSeconds, leakRate, log)
        : null;
    const peakRssMb = Object.fromEntries(
      services.map((service) => [service.name, megabytes(service.memory().peakRssBytes)]),
    );
    for (const service of services.splice(0).reverse()) await service.stop();

    const embedded = options.embedded ? await measureEmbedded(temporary, log) : null;
    const report: BenchReport = {
      startedAt,
      command: options.command,
      machine: machineFacts(postgres),
      dataSet: {
        size: options.size,
        reused: dataSet.reused,
        loadSeconds: Math.round(dataSet.loadSeconds),
        rows: dataSet.rows,
      },
      settings: options.settings,
      queries: reports,
      peakRssMb,
      leakCheck,
      embedded,
      targets: [],
    };
    report.targets = targetsOf(report);
    const table = writeReport(report, options.outDirectory);
    log(
      `\n${table}\nwritten to ${path.relative(process.cwd(), options.outDirectory) || "."}/${options.size}.{json,md,svg}`,
    );
    return report;
  } finally {
    for (const service of services.reverse()) await service.stop();
    fs.rmSync(temporary, { recursive: true, force: true });
  }
}

/** Creates the benchmark's database when the server lacks it; returns the server's version. */
export async function ensureDatabase(databaseUrl: string): Promise<string> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const server = new pg.Client({
    connectionString: Object.assign(new URL(databaseUrl), { pathname: "/postgres" }).toString(),
  });
  await server.connect();
  try {
    const exists = (await server.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
    if (!exists) await server.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    const [{ server_version }] = (await server.query("SHOW server_version")).rows;
    return `PostgreSQL ${String(server_version).split(" ")[0]}`;
  } finally {
    await server.end();
  }
}

/**
 * SQL statements one request costs over the subgraphs it reaches, read from their /metrics counters, for few and
 * many rows.
 */
async function countStatements(
  query: BenchQuery,
  gateway: Target,
  subgraphProcesses: ServiceProcess[],
): Promise<QueryReport["sqlStatements"]> {
  const total = async () => {
    let sum = 0;
    for (const service of subgraphProcesses) {
      const metrics = await (await fetch(service.url.replace(/\/graphql$/, "/metrics"))).text();
      sum += Number(/^sql_statements_total\{[^}]*\} (\d+)$/m.exec(metrics)?.[1] ?? NaN);
    }
    return sum;
  };
  const measure = async (variables: Record<string, unknown>) => {
    const before = await total();
    const data = await execute(gateway, { query: query.gateway.query, variables });
    return { statements: (await total()) - before, rows: query.scaling.rows(data) };
  };
  const few = await measure(query.scaling.few);
  const many = await measure(query.scaling.many);
  return { few, many, nPlusOne: many.rows > few.rows && many.statements > few.statements };
}

/**
 * Latency without load: requests one at a time through our gateway (for a cached query, with variables never asked
 * before, so each answer is computed, not served from the cache).
 */
async function measureAlone(target: Target, query: BenchQuery): Promise<QueryReport["aloneMs"]> {
  const latencies: number[] = [];
  const first = Date.now() % 100_000;
  for (let index = 0; index < 9; index += 1) {
    const variables = query.uncached
      ? query.uncached(first + index)
      : query.gateway.variants[index % query.gateway.variants.length];
    const started = performance.now();
    await execute(target, { query: query.gateway.query, variables });
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    p50: Math.round(latencies[4]),
    max: Math.round(latencies.at(-1)!),
    computedAfresh: query.uncached !== undefined,
  };
}

/** A fixed rate on the three-subgraph query; the gateway's RSS at the end against its RSS just after warm-up. */
async function checkLeak(
  target: Target,
  query: BenchQuery,
  gateway: ServiceProcess,
  seconds: number,
  rate: number,
  log: (line: string) => void,
): Promise<NonNullable<BenchReport["leakCheck"]>> {
  log(`leak check: ${seconds} s at ${rate} req/s`);
  const samples: number[] = [];
  const run = await runAtRate(target, query.gateway, { rate, seconds, connections: 8 }, () =>
    samples.push(gateway.memory().rssBytes),
  );
  // Warm-up is the first fifth of the run; compare the mean of the tenth after it with the mean of the last tenth.
  const window = Math.max(1, Math.floor(samples.length / 10));
  const warmupEnd = Math.floor(samples.length / 5);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const afterWarmup = mean(samples.slice(warmupEnd, warmupEnd + window));
  const atEnd = mean(samples.slice(-window));
  const growthPercent = Math.round((atEnd / afterWarmup - 1) * 1000) / 10;
  return {
    seconds,
    rate,
    ...run,
    rssAfterWarmupMb: megabytes(afterWarmup),
    rssAtEndMb: megabytes(atEnd),
    growthPercent,
    passed: growthPercent <= 10 && run.failures === 0,
  };
}

/** The issue's targets, measured. */
function targetsOf(report: BenchReport): BenchReport["targets"] {
  const query = (name: string) => report.queries.find((entry) => entry.name === name);
  const result = (name: string, target: string) => query(name)?.results.find((entry) => entry.target === target);
  const targets: BenchReport["targets"] = [];
  const profile = query("countryProfile");
  if (profile)
    targets.push({
      name: "throughput ≥ 1.25× Hive Gateway, three-subgraph query",
      value: `${profile.ratios.throughputOursToHive}×`,
      passed: profile.ratios.throughputOursToHive >= 1.25,
    });
  // The peer to beat: Hive Gateway planning with its Rust query planner, on every query.
  for (const entry of report.queries)
    targets.push({
      name: `throughput ≥ 1× Hive Gateway with the Rust planner, \`${entry.name}\``,
      value: `${entry.ratios.throughputOursToHiveRust}×`,
      passed: entry.ratios.throughputOursToHiveRust >= 1,
    });
  for (const entry of report.queries.filter((candidate) => candidate.subgraphs.length === 1)) {
    targets.push({
      name: `throughput ≥ 1× Hive Gateway, \`${entry.name}\``,
      value: `${entry.ratios.throughputOursToHive}×`,
      passed: entry.ratios.throughputOursToHive >= 1,
    });
    targets.push({
      name: `p50 ≤ 2× the direct call, \`${entry.name}\``,
      value: `${entry.ratios.p50OursToDirect}×`,
      passed: entry.ratios.p50OursToDirect <= 2,
    });
  }
  for (const name of ["contactPointsDeepPage", "findContactPoints", "findContactPoints100", "librarySearch"]) {
    const ours = result(name, "ours");
    const alone = query(name)?.aloneMs;
    if (ours && alone)
      targets.push({
        name: `p95 ≤ 50 ms, \`${name}\` (filtered, paginated)`,
        value: `${ours.latencyMs.p95} ms under load (${alone.p50} ms alone)`,
        passed: ours.latencyMs.p95 <= 50,
      });
  }
  const statistics = query("requestStatistics");
  const statisticsLoaded = result("requestStatistics", "ours");
  if (statistics && statisticsLoaded) {
    targets.push({
      name: "`requestStatistics` ≤ 1 s",
      value: `${statisticsLoaded.latencyMs.p95} ms p95 under load; ${statistics.aloneMs.max} ms at most computed afresh`,
      passed: statisticsLoaded.latencyMs.p95 <= 1000 && statistics.aloneMs.max <= 1000,
    });
  }
  targets.push({
    name: "no N+1: SQL statements do not grow with rows",
    value: report.queries.map((entry) => `${entry.name} ${entry.sqlStatements.many.statements}`).join(", "),
    passed: report.queries.every((entry) => !entry.sqlStatements.nPlusOne),
  });
  if (report.leakCheck)
    targets.push({
      name: "gateway RSS growth ≤ 10 % after warm-up at a fixed rate",
      value: `${report.leakCheck.growthPercent} % over ${report.leakCheck.seconds} s`,
      passed: report.leakCheck.passed,
    });
  if (report.embedded)
    targets.push({
      name: `embedded \`npm start\` ≤ ${embeddedTargets.peakRssMb} MB peak RSS, first start ≤ ${embeddedTargets.firstStartSeconds} s, later ≤ ${embeddedTargets.laterStartSeconds} s`,
      value: `${Math.max(report.embedded.firstStartPeakRssMb, report.embedded.laterStartPeakRssMb)} MB, ${report.embedded.firstStartSeconds} s, ${report.embedded.laterStartSeconds} s`,
      passed: report.embedded.passed,
    });
  return targets;
}

if (require.main === module) {
  let options: BenchOptions;
  try {
    options = benchOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  runBench(options)
    .then((report) => {
      // N+1 and leaks are defects: the command fails on them. Missed speed targets are reported, not fatal.
      const defect = report.queries.some((query) => query.sqlStatements.nPlusOne) || report.leakCheck?.passed === false;
      process.exit(defect ? 1 : 0);
    })
    .catch((error) => {
      if (error?.code === "ECONNREFUSED")
        console.error(
          `no PostgreSQL server answers at ${options.databaseUrl.replace(/\/\/[^@]*@/, "//")}: start one or pass --database`,
        );
      else console.error(error);
      process.exit(1);
    });
}
