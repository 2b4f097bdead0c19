import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadResult } from "./load";

/** The targets of the embedded start (performance round 2). */
export const embeddedTargets = { peakRssMb: 400, firstStartSeconds: 8, laterStartSeconds: 3 };

export interface EmbeddedStart {
  seconds: number;
  peakRssMb: number;
}

export interface EmbeddedReport {
  runs: { first: EmbeddedStart; later: EmbeddedStart }[];
  /** Medians over the runs. */
  firstStartPeakRssMb: number;
  laterStartPeakRssMb: number;
  firstStartSeconds: number;
  laterStartSeconds: number;
  passed: boolean;
}

/** One sentence for a report: the medians and their targets. */
export function describeEmbedded(report: EmbeddedReport): string {
  const runs = report.runs.length;
  return (
    `Embedded \`npm start\` (one process, one PGlite database with a schema per subgraph, default data; ` +
    `${runs === 1 ? "one run" : `medians of ${runs} runs`}): first start ${report.firstStartSeconds} s to the first ` +
    `answer and peak RSS ${report.firstStartPeakRssMb} MB with queries; later start ${report.laterStartSeconds} s ` +
    `and ${report.laterStartPeakRssMb} MB (targets: ≤ ${embeddedTargets.firstStartSeconds} s first, ` +
    `≤ ${embeddedTargets.laterStartSeconds} s later, ≤ ${embeddedTargets.peakRssMb} MB).`
  );
}

export interface QueryReport {
  name: string;
  description: string;
  subgraphs: string[];
  /** SQL statements of one request through our gateway, returning few and many rows. */
  sqlStatements: {
    few: { statements: number; rows: number };
    many: { statements: number; rows: number };
    nPlusOne: boolean;
  };
  results: LoadResult[];
  /** Latency through our gateway with one request at a time (for cached answers: each computed afresh). */
  aloneMs: { requests: number; p50: number; max: number; computedAfresh: boolean };
  ratios: {
    throughputOursToHive: number;
    throughputOursToHiveRust: number;
    throughputOursToDirect: number;
    p50OursToDirect: number;
  };
}

export interface BenchReport {
  startedAt: string;
  command: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; postgres: string };
  dataSet: { size: string; reused: boolean; loadSeconds: number; rows: Record<string, number> };
  settings: { connections: number; durationSeconds: number; warmupSeconds: number };
  queries: QueryReport[];
  /** Peak RSS of each process over the whole run (VmHWM), in MB. */
  peakRssMb: Record<string, number>;
  leakCheck: null | {
    seconds: number;
    rate: number;
    requests: number;
    failures: number;
    rssAfterWarmupMb: number;
    rssAtEndMb: number;
    growthPercent: number;
    passed: boolean;
  };
  embedded: null | EmbeddedReport;
  targets: { name: string; value: string; passed: boolean }[];
}

export function machineFacts(postgres: string): BenchReport["machine"] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
  };
}

export const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);

/** Writes `<size>.json`, `<size>.md` and `<size>.svg` and returns the Markdown table. */
export function writeReport(report: BenchReport, directory: string): string {
  fs.mkdirSync(directory, { recursive: true });
  const base = path.join(directory, report.dataSet.size);
  const markdown = markdownReport(report);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown);
  fs.writeFileSync(`${base}.svg`, latencyChart(report));
  return markdown;
}

const targetNames: Record<LoadResult["target"], string> = {
  ours: "our gateway",
  hive: "Hive Gateway",
  hiveRust: "Hive Gateway, Rust planner",
  direct: "subgraph directly",
};

export function markdownReport(report: BenchReport): string {
  const rows = report.queries.flatMap((query) =>
    query.results.map((result) => {
      const ratios =
        result.target === "ours"
          ? `${query.ratios.throughputOursToHive}× Hive, ${query.ratios.throughputOursToHiveRust}× Hive (Rust planner), ${query.ratios.throughputOursToDirect}× direct; p50 ${query.ratios.p50OursToDirect}× direct`
          : "";
      const cell = (value: number) => (Number.isFinite(value) ? String(value) : "–");
      return `| ${result.target === "ours" ? `\`${query.name}\` (${query.subgraphs.length} subgraph${query.subgraphs.length > 1 ? "s" : ""})` : ""} | ${targetNames[result.target]} | ${result.requestsPerSecond} | ${cell(result.latencyMs.p50)} | ${cell(result.latencyMs.p95)} | ${cell(result.latencyMs.p99)} | ${result.cpuMsPerRequest} | ${result.failures} | ${ratios} | ${result.target === "ours" ? `${query.sqlStatements.many.statements} (${query.sqlStatements.many.rows} rows) / ${query.sqlStatements.few.statements} (${query.sqlStatements.few.rows})` : ""} |`;
    }),
  );
  const { machine, dataSet, settings } = report;
  const lines = [
    `Data set \`${dataSet.size}\`: ${Object.entries(dataSet.rows)
      .map(([table, count]) => `${count.toLocaleString("en")} ${table}`)
      .join(", ")} (${dataSet.reused ? "reused" : `loaded in ${Math.round(dataSet.loadSeconds)} s`}). ` +
      `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.postgres}. ` +
      `${settings.connections} connections, ${settings.warmupSeconds} s warm-up and ${settings.durationSeconds} s measured per row. Command: \`${report.command}\`, ${report.startedAt}.`,
    "",
    "| Query | Target | req/s | p50 ms | p95 ms | p99 ms | CPU ms/req¹ | failed | ours: throughput; p50 | SQL statements², many rows / few |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|---|",
    ...rows,
    "",
    `Without load (one request at a time through our gateway, ${report.queries[0]?.aloneMs.requests ?? 0} requests each): ` +
      report.queries
        .map(
          (query) =>
            `\`${query.name}\` p50 ${query.aloneMs.p50} ms, max ${query.aloneMs.max} ms${query.aloneMs.computedAfresh ? " (each computed afresh, not from the cache)" : ""}`,
        )
        .join("; ") +
      ".",
    `Peak RSS (MB): ${Object.entries(report.peakRssMb)
      .map(([name, mb]) => `${name} ${mb}`)
      .join(", ")}.`,
    report.leakCheck
      ? `Leak check: ${report.leakCheck.seconds} s at ${report.leakCheck.rate} req/s on \`countryProfile\` (${report.leakCheck.requests} requests, ${report.leakCheck.failures} failed): gateway RSS ${report.leakCheck.rssAfterWarmupMb} MB after warm-up, ${report.leakCheck.rssAtEndMb} MB at the end (${report.leakCheck.growthPercent} %).`
      : "Leak check: not run.",
    report.embedded ? describeEmbedded(report.embedded) : "Embedded `npm start`: not measured.",
    "",
    "| Target | Measured | Met |",
    "|---|---|---|",
    ...report.targets.map((target) => `| ${target.name} | ${target.value} | ${target.passed ? "yes" : "**no**"} |`),
    "",
  ];
  return lines.join("\n");
}

/** Horizontal bars of p50 per query and target on a log scale, with a tick at p95. */
export function latencyChart(report: BenchReport): string {
  const colours: Record<LoadResult["target"], string> = {
    ours: "#1f77b4",
    hive: "#ff7f0e",
    hiveRust: "#d62728",
    direct: "#2ca02c",
  };
  const barHeight = 12;
  const left = 190;
  const width = 420;
  const all = report.queries
    .flatMap((query) => query.results.flatMap((result) => [result.latencyMs.p50, result.latencyMs.p95]))
    .filter((value) => value > 0);
  const min = Math.pow(10, Math.floor(Math.log10(Math.min(...all, 1))));
  const max = Math.pow(10, Math.ceil(Math.log10(Math.max(...all, 10))));
  const x = (ms: number) => left + (Math.log10(Math.max(ms, min) / min) / Math.log10(max / min)) * width;
  const parts: string[] = [];
  let y = 30;
  for (const query of report.queries) {
    parts.push(`<text x="${left - 8}" y="${y + barHeight * 1.8}" text-anchor="end">${query.name}</text>`);
    for (const result of query.results) {
      parts.push(
        `<rect x="${left}" y="${y}" width="${(x(result.latencyMs.p50) - left).toFixed(1)}" height="${barHeight - 2}" fill="${colours[result.target]}"/>`,
      );
      parts.push(
        `<line x1="${x(result.latencyMs.p95).toFixed(1)}" x2="${x(result.latencyMs.p95).toFixed(1)}" y1="${y}" y2="${y + barHeight - 2}" stroke="#000"/>`,
      );
      y += barHeight;
    }
    y += 10;
  }
  const grid: string[] = [];
  for (let tick = min; tick <= max; tick *= 10) {
    grid.push(
      `<line x1="${x(tick).toFixed(1)}" x2="${x(tick).toFixed(1)}" y1="25" y2="${y}" stroke="#ccc"/><text x="${x(tick).toFixed(1)}" y="${y + 14}" text-anchor="middle">${tick} ms</text>`,
    );
  }
  const legend = (Object.keys(colours) as LoadResult["target"][])
    .map(
      (target, index) =>
        `<rect x="${left + index * 140}" y="6" width="10" height="10" fill="${colours[target]}"/><text x="${left + index * 140 + 14}" y="15">${targetNames[target]}</text>`,
    )
    .join("");
  const height = y + 24;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 30}" height="${height}" font-family="sans-serif" font-size="11">
<title>Latency p50 (bar) and p95 (tick), log scale, data set ${report.dataSet.size}</title>
${legend}
${grid.join("\n")}
${parts.join("\n")}
</svg>
`;
}
