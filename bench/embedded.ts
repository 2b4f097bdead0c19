// npm run bench:embedded [-- --runs 3 --out bench/results]
// `npm start` on the embedded database with the default data, as a newcomer runs it: seconds until the gateway answers
// and the process's peak RSS, on a first start (empty folder) and on a later start of the same folder, each followed
// by a few queries across the subgraphs. `npm run bench` measures one run of it beside the load tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import "reflect-metadata";
import { subgraphEnvName } from "../common/config";
import { subgraphs } from "../subgraphs";
import { execute, type Target } from "./load";
import { freePort, processMemory, repositoryRoot, startService, type ServiceProcess } from "./processes";
import { describeEmbedded, embeddedTargets, megabytes, type EmbeddedReport, type EmbeddedStart } from "./report";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function startAndQuery(pgliteDir: string, fresh: boolean): Promise<EmbeddedStart> {
  // Embedded databases whatever the environment says. Memory and time are measured here, not limits: the queries
  // below, anonymous from one address, would pass the allowance. The subgraphs take ports the kernel picks (0), so
  // that no other process can take one between its choice and its use.
  const settings: Record<string, string> = { DATABASE_URL: "", GATEWAY_RATE_LIMIT: "off" };
  for (const definition of subgraphs) {
    settings[subgraphEnvName(definition.name, "PORT")] = "0";
    settings[subgraphEnvName(definition.name, "DATABASE_URL")] = "";
  }
  // The gateway's port must be known beforehand: chosen free, and chosen again if another process took it meanwhile.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const started = performance.now();
    try {
      const stack = await startService({
        name: "npm start",
        script: "scripts/start.ts",
        url: `http://127.0.0.1:${port}/graphql`,
        env: { PGLITE_DIR: pgliteDir, PORT: String(port), HOST: "127.0.0.1", ...settings },
      });
      return await queried(stack, started);
    } catch (error) {
      if (attempt === 3 || !String((error as Error).message).includes("EADDRINUSE")) throw error;
      // A first start is measured on an empty folder.
      if (fresh) fs.rmSync(pgliteDir, { recursive: true, force: true });
    }
  }
}

/** Seconds from `started` until the stack answered, then its peak RSS after a few queries; stops it. */
async function queried(stack: ServiceProcess, started: number): Promise<EmbeddedStart> {
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  try {
    // A few queries across the subgraphs, so the figure includes serving, not just starting.
    const target: Target = { name: "ours", url: stack.url, users: async () => [{}] };
    for (let round = 0; round < 20; round += 1) {
      await execute(target, {
        query: `{ country(code: "PT") { name networks { id } contactPoints { id } events { id } } networks { id members { country { code } } } }`,
        variables: {},
      });
    }
    return { seconds, peakRssMb: megabytes(processMemory(stack.pid).peakRssBytes) };
  } finally {
    await stack.stop();
  }
}

/** `runs` times: a first start on an empty folder, then a later start on the same folder. */
export async function measureEmbedded(
  temporary: string,
  log: (line: string) => void,
  runs = 1,
): Promise<EmbeddedReport> {
  const measured: EmbeddedReport["runs"] = [];
  for (let run = 0; run < runs; run += 1) {
    const pgliteDir = path.join(temporary, `pglite-${run}`);
    const first = await startAndQuery(pgliteDir, true);
    const later = await startAndQuery(pgliteDir, false);
    fs.rmSync(pgliteDir, { recursive: true, force: true });
    log(
      `embedded npm start, run ${run + 1}: first start ${first.seconds} s, peak RSS ${first.peakRssMb} MB; ` +
        `later start ${later.seconds} s, peak RSS ${later.peakRssMb} MB`,
    );
    measured.push({ first, later });
  }
  const of = (pick: (run: EmbeddedReport["runs"][number]) => number) => median(measured.map(pick));
  const report = {
    runs: measured,
    firstStartPeakRssMb: of((run) => run.first.peakRssMb),
    laterStartPeakRssMb: of((run) => run.later.peakRssMb),
    firstStartSeconds: of((run) => run.first.seconds),
    laterStartSeconds: of((run) => run.later.seconds),
  };
  return {
    ...report,
    passed:
      Math.max(report.firstStartPeakRssMb, report.laterStartPeakRssMb) <= embeddedTargets.peakRssMb &&
      report.firstStartSeconds <= embeddedTargets.firstStartSeconds &&
      report.laterStartSeconds <= embeddedTargets.laterStartSeconds,
  };
}

if (require.main === module) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      runs: { type: "string", default: "3" },
      out: { type: "string", default: path.join(repositoryRoot, "bench", "results") },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error("--runs must be a whole number ≥ 1");
    process.exit(2);
  }
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "bench-embedded-"));
  measureEmbedded(temporary, (line) => console.log(line), runs)
    .then((report) => {
      const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
      const command = `npm run bench:embedded -- ${process.argv.slice(2).join(" ")}`.trim();
      fs.mkdirSync(values.out, { recursive: true });
      fs.writeFileSync(
        path.join(values.out, "embedded.json"),
        `${JSON.stringify({ startedAt: new Date().toISOString(), command, machine, ...report }, null, 2)}\n`,
      );
      const text = `${describeEmbedded(report)} Machine: ${machine}. Command: \`${command}\`.\n`;
      fs.writeFileSync(path.join(values.out, "embedded.md"), text);
      console.log(`\n${text}`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    })
    .finally(() => fs.rmSync(temporary, { recursive: true, force: true }));
}
