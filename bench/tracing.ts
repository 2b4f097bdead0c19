// npm run bench:tracing [-- --size small --database postgresql://… --duration 10 --warmup 3 --connections 16
//   --rounds 3 --windows 1 --modes disabled,off,on --out bench/results]
// What tracing costs: `countryProfile` through our gateway with tracing off (the default) and on (always-on sampler,
// every span of the gateway and of the three subgraphs exported to an OTLP/HTTP receiver in this process), in
// windows that alternate between the modes' services, started side by side afresh each round. See README,
// "Operating the graph".
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import "reflect-metadata";
import { subgraphEnvName } from "../common/config";
import { newSigningKey, signingKeysFrom } from "../common/viewer-token";
import { signClientToken } from "../gateway/auth";
import { ensureDataSet, type DataSetSize } from "./dataset";
import { ensureDatabase } from "./index";
import { execute, measureLoad, type LoadResult, type LoadSettings, type Target } from "./load";
import { numberOption, sharedOptions, sharedSettings } from "./options";
import { freePort, startService, type ServiceProcess } from "./processes";
import { benchQueries, benchViewers } from "./queries";
import { machineFacts } from "./report";

/**
 * `disabled`: OTEL_SDK_DISABLED=true, no OpenTelemetry at all (as before tracing existed); `off`: the default, no
 * OTEL_* variable (ids for the logs, nothing recorded); `on`: always-on sampler, every span exported.
 */
const modes = ["disabled", "off", "on"] as const;
type Mode = (typeof modes)[number];
const modeDescriptions: Record<Mode, string> = {
  disabled: "OpenTelemetry disabled (`OTEL_SDK_DISABLED=true`)",
  off: "tracing off (the default: no OTEL_* variable)",
  on: "tracing on (`OTEL_TRACES_SAMPLER=always_on`, every span exported over OTLP/HTTP to a receiver on the same machine)",
};

/** The exporters' default batch delay (OTEL_BSP_SCHEDULE_DELAY), which the measured runs keep. */
const exportDelayMs = 5000;
/** Until the exporters have sent what they held. */
const exportsSent = () => new Promise((resolve) => setTimeout(resolve, exportDelayMs + 1000));

interface TracingRun {
  round: number;
  /** The measured window within the round: each mode has one per window, one after the other. */
  window: number;
  mode: Mode;
  result: LoadResult;
  /** CPU per request of the three subgraphs together. */
  subgraphCpuMsPerRequest: number;
  /** Spans a request makes, counted over a few requests after the round's windows (on only). */
  spansPerRequest: number | null;
}

interface Comparison {
  /** Each window's pair (the two modes measured one after the other on services started together). */
  byWindow: number[];
  /** The median of those pairs' ratios: what a drift of the machine's speed over the run moves least. */
  pairedMedian: number;
  medians: number;
}

export interface TracingReport {
  startedAt: string;
  command: string;
  machine: ReturnType<typeof machineFacts>;
  dataSet: DataSetSize;
  settings: LoadSettings;
  runs: TracingRun[];
  /** Throughput with tracing on against off, and off against disabled: each window's pair, and over the medians. */
  onToOff: Comparison | null;
  offToDisabled: Comparison | null;
}

function tracingOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...sharedOptions,
      rounds: { type: "string", default: "3" },
      windows: { type: "string", default: "1" },
      modes: { type: "string", default: modes.join(",") },
    },
  });
  const chosen = values.modes.split(",");
  if (chosen.length === 0 || chosen.some((mode) => !(modes as readonly string[]).includes(mode)))
    throw new Error(`--modes must be some of ${modes.join(",")}`);
  return {
    ...sharedSettings(values),
    modes: modes.filter((mode) => chosen.includes(mode)),
    rounds: numberOption("rounds", values.rounds, 1),
    windows: numberOption("windows", values.windows, 1),
    command: `npm run bench:tracing -- ${argv.join(" ")}`.trim(),
  };
}

/** An OTLP/HTTP receiver that takes every export and counts its spans (one trace id per span in OTLP JSON). */
async function startReceiver() {
  let spans = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      spans += Buffer.concat(chunks).toString("utf8").split('"traceId":').length - 1;
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans: () => spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Each mode's OTEL_* variables, whatever the bench's own environment holds (empty is unset). */
const tracingEnv = (mode: Mode, endpoint: string): Record<string, string> => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: mode === "on" ? endpoint : "",
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "",
  OTEL_TRACES_EXPORTER: "",
  OTEL_TRACES_SAMPLER: mode === "on" ? "always_on" : "",
  OTEL_SDK_DISABLED: mode === "disabled" ? "true" : "",
});

export async function runTracingBench(
  options: ReturnType<typeof tracingOptions>,
  log: (line: string) => void = (line) => console.log(line),
): Promise<TracingReport> {
  const startedAt = new Date().toISOString();
  const postgres = await ensureDatabase(options.databaseUrl);
  const dataSet = await ensureDataSet(options.databaseUrl, options.size, process.stderr.isTTY === true);
  log(dataSet.reused ? "data set already loaded: reused" : `data set loaded in ${Math.round(dataSet.loadSeconds)} s`);
  const profile = (await benchQueries(options.databaseUrl)).find((query) => query.name === "countryProfile")!;
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "bench-tracing-"));
  const receiver = await startReceiver();
  const services: ServiceProcess[] = [];
  try {
    const privateKeys = { keys: [await newSigningKey()] };
    const signingKeysFile = path.join(temporary, "signing-keys.json");
    const publicKeysFile = path.join(temporary, "gateway-keys.json");
    fs.writeFileSync(signingKeysFile, JSON.stringify(privateKeys), { mode: 0o600 });
    fs.writeFileSync(publicKeysFile, JSON.stringify((await signingKeysFrom(privateKeys)).published));
    const tokens = await Promise.all(benchViewers(64).map((viewer) => signClientToken(viewer, "6h")));

    /** The three subgraphs the query reaches and our gateway over them, each in its own process. */
    const startStack = async (mode: Mode) => {
      const otel = tracingEnv(mode, receiver.endpoint);
      const subgraphUrls: Record<string, string> = {};
      const subgraphs = await Promise.all(
        profile.subgraphs.map(async (name) => {
          const port = await freePort();
          subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
          const subgraph = await startService({
            name,
            script: "scripts/start-subgraph.ts",
            args: [name],
            url: subgraphUrls[name],
            env: {
              [subgraphEnvName(name, "DATABASE_URL")]: options.databaseUrl,
              [subgraphEnvName(name, "PORT")]: String(port),
              GATEWAY_PUBLIC_KEYS_FILE: publicKeysFile,
              ...otel,
            },
          });
          // Kept at once: if another fails to start, this one is still stopped.
          services.push(subgraph);
          return subgraph;
        }),
      );
      const port = await freePort();
      const gateway = await startService({
        name: "gateway",
        script: "scripts/start-gateway.ts",
        url: `http://127.0.0.1:${port}/graphql`,
        env: {
          PORT: String(port),
          HOST: "127.0.0.1",
          GATEWAY_SIGNING_KEYS_FILE: signingKeysFile,
          GATEWAY_RATE_LIMIT: "off",
          ...Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [subgraphEnvName(name, "URL"), url])),
          ...otel,
        },
      });
      services.push(gateway);
      return { gateway, subgraphs };
    };

    /** Spans one request makes: counted over a few requests after a window, whose exports are sent by then. */
    const spansPerRequest = async (target: Target) => {
      const before = receiver.spans();
      const probes = 20;
      for (let index = 0; index < probes; index += 1)
        await execute(target, {
          query: profile.gateway.query,
          variables: profile.gateway.variants[index % profile.gateway.variants.length],
        });
      await exportsSent();
      return Math.round(((receiver.spans() - before) / probes) * 10) / 10;
    };

    const runs: TracingRun[] = [];
    for (let round = 1; round <= options.rounds; round += 1) {
      // Every mode's services run side by side, idle but for the window being measured: the windows of the modes
      // alternate, so a drift of the machine's speed weighs on each pair alike.
      const stacks = new Map<Mode, Awaited<ReturnType<typeof startStack>>>();
      for (const mode of options.modes) stacks.set(mode, await startStack(mode));
      const targetOf = (mode: Mode): Target => ({
        name: "ours",
        url: stacks.get(mode)!.gateway.url,
        users: async () => tokens.map((token) => ({ authorization: `Bearer ${token}` })),
      });
      for (const mode of options.modes)
        await execute(targetOf(mode), { query: profile.gateway.query, variables: profile.gateway.variants[0] });
      for (let window = 1; window <= options.windows; window += 1) {
        // Forwards, then backwards (A B C, C B A, …): each mode goes before and after its neighbours equally often,
        // and the pairs compared are always next to each other.
        const order = (round + window) % 2 === 0 ? options.modes : [...options.modes].reverse();
        for (const mode of order) {
          const { gateway, subgraphs } = stacks.get(mode)!;
          const subgraphCpu = () => subgraphs.reduce((sum, service) => sum + service.cpuSeconds(), 0);
          // measureLoad reads the gateway's CPU when the measured run starts and when it ends: the subgraphs' too.
          const subgraphCpuMarks: number[] = [];
          const result = await measureLoad(targetOf(mode), profile.gateway, options.settings, () => {
            subgraphCpuMarks.push(subgraphCpu());
            return gateway.cpuSeconds();
          });
          const requests = Math.max(1, result.requests);
          const run: TracingRun = {
            round,
            window,
            mode,
            result,
            subgraphCpuMsPerRequest:
              Math.round(((subgraphCpuMarks[1] - subgraphCpuMarks[0]) * 100_000) / requests) / 100,
            spansPerRequest: null,
          };
          runs.push(run);
          // The spans still batched are sent within the export delay: every window is followed by it, so that none
          // carries the export of the one before, and each starts after the same pause.
          await exportsSent();
          log(
            `round ${round} window ${window} tracing ${mode.padEnd(8)} ${String(result.requestsPerSecond).padStart(8)} req/s  p50 ${result.latencyMs.p50} ms  p95 ${result.latencyMs.p95} ms  gateway CPU ${result.cpuMsPerRequest} ms/request  subgraphs CPU ${run.subgraphCpuMsPerRequest} ms/request${result.failures ? `  ${result.failures} failed` : ""}`,
          );
        }
      }
      if (stacks.has("on")) {
        const spans = await spansPerRequest(targetOf("on"));
        for (const run of runs) if (run.round === round && run.mode === "on") run.spansPerRequest = spans;
        log(`round ${round}: ${spans} spans/request`);
      }
      for (const service of services.splice(0).reverse()) await service.stop();
    }
    const report: TracingReport = {
      startedAt,
      command: options.command,
      machine: machineFacts(postgres),
      dataSet: options.size,
      settings: options.settings,
      runs,
      onToOff: compareModes(runs, "on", "off"),
      offToDisabled: compareModes(runs, "off", "disabled"),
    };
    fs.mkdirSync(options.outDirectory, { recursive: true });
    const base = path.join(options.outDirectory, `tracing-${options.size}`);
    fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(`${base}.md`, markdownTracingReport(report));
    log(`\n${markdownTracingReport(report)}\nwritten to ${path.relative(process.cwd(), base)}.{json,md}`);
    return report;
  } finally {
    for (const service of services.reverse()) await service.stop();
    await receiver.close();
    fs.rmSync(temporary, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Throughput of `mode` against `baseline`: window by window, the median of those, and median against median. */
export function compareModes(runs: TracingRun[], mode: Mode, baseline: Mode): Comparison | null {
  const throughput = (of: Mode) => runs.filter((run) => run.mode === of).map((run) => run.result.requestsPerSecond);
  if (throughput(mode).length === 0 || throughput(baseline).length === 0) return null;
  const byWindow = runs
    .filter((run) => run.mode === mode)
    .map((run) => {
      const other = runs.find(
        (candidate) => candidate.mode === baseline && candidate.round === run.round && candidate.window === run.window,
      )!;
      return run.result.requestsPerSecond / other.result.requestsPerSecond;
    });
  return {
    byWindow: byWindow.map(round3),
    pairedMedian: round3(median(byWindow)),
    medians: round3(median(throughput(mode)) / median(throughput(baseline))),
  };
}

export function markdownTracingReport(report: TracingReport): string {
  const range = (values: number[]) =>
    values.length === 0 ? "–" : `${Math.min(...values)}–${Math.max(...values)}`.replace(/^(\S+)–\1$/, "$1");
  const of = (mode: Mode) => report.runs.filter((run) => run.mode === mode);
  const row = (mode: Mode) => {
    const runs = of(mode);
    return `| ${mode} | ${runs.map((run) => run.result.requestsPerSecond).join(", ")} | ${range(runs.map((run) => run.result.latencyMs.p50))} | ${range(runs.map((run) => run.result.latencyMs.p95))} | ${range(runs.map((run) => run.result.cpuMsPerRequest))} | ${range(runs.map((run) => run.subgraphCpuMsPerRequest))} | ${mode === "on" ? range(runs.map((run) => run.spansPerRequest ?? 0)) : "–"} | ${runs.reduce((sum, run) => sum + run.result.failures, 0)} |`;
  };
  const loss = (ratio: number) => Math.round((1 - ratio) * 1000) / 10;
  const comparison = (compared: Comparison | null) =>
    compared
      ? `${compared.byWindow.join(", ")} by window (loss ${range(compared.byWindow.map(loss))} %), **${compared.pairedMedian} the median of those (loss ${loss(compared.pairedMedian)} %)**, ${compared.medians} median against median (loss ${loss(compared.medians)} %)`
      : "not measured";
  const { machine, settings } = report;
  return [
    `\`countryProfile\` through our gateway, ${modes
      .filter((mode) => of(mode).length > 0)
      .map((mode) => modeDescriptions[mode])
      .join(
        ", ",
      )}. ${new Set(report.runs.map((run) => run.round)).size} rounds, each on freshly started services, every mode's side by side; ${Math.max(...report.runs.map((run) => run.window))} measured windows a round, the modes in turn forwards then backwards, each window followed by the exporters' delay. Data set \`${report.dataSet}\`. Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.postgres}. ${settings.connections} connections, ${settings.warmupSeconds} s warm-up and ${settings.durationSeconds} s measured per window. Command: \`${report.command}\`, ${report.startedAt}.`,
    "",
    "| Tracing | req/s, each window | p50 ms | p95 ms | gateway CPU ms/req | subgraphs CPU ms/req | spans/req | failed |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...modes.filter((mode) => of(mode).length > 0).map(row),
    "",
    `Throughput with tracing on against off: ${comparison(report.onToOff)}. Off against disabled: ${comparison(report.offToDisabled)}.`,
    `CPU per request, medians: ${modes
      .filter((mode) => of(mode).length > 0)
      .map(
        (mode) =>
          `${mode} ${round3(median(of(mode).map((run) => run.result.cpuMsPerRequest)))} ms at the gateway and ${round3(median(of(mode).map((run) => run.subgraphCpuMsPerRequest)))} ms over the subgraphs`,
      )
      .join("; ")}.`,
    "",
  ].join("\n");
}

if (require.main === module) {
  let options: ReturnType<typeof tracingOptions>;
  try {
    options = tracingOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  runTracingBench(options).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
