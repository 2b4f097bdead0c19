// npm run fuzz -- [--count N] [--seed S] [--start I] [--only I,J] [--url URL] [--concurrency C] [--timeout MS]
//                 [--report FILE] [--jwt-secret SECRET]
// Schema-driven fuzzing of the graph (test/fuzz): generated operations through the gateway as four viewers, each
// answer checked (no 5xx, no INTERNAL_SERVER_ERROR, no hang, no leaked internals, no data changed by a mutation that
// failed). Without --url it starts a test graph in this process (fresh seeded in-memory databases, or schemas on
// TEST_DATABASE_URL); with --url it fuzzes a running gateway (the data check needs the databases, so it is off then).
// Exits 1 on any failure. A failing operation prints its seed and index: `--seed S --only I` sends it again.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

process.env.LOG_LEVEL ??= "silent";

function usage(message: string): never {
  console.error(`${message}\nusage: npm run fuzz -- [--count N] [--seed S] [--start I] [--only I,J] [--url URL]`);
  process.exit(2);
}

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0) usage(`--${name} must be a whole number ≥ 0, got "${value}"`);
  return parsed;
}

/** With --url: the ports of schema/subgraphs.json (`npm start`'s), so that an error naming one is caught. */
function defaultSubgraphPorts(): number[] {
  const listed = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "schema", "subgraphs.json"), "utf8")) as {
    url: string;
  }[];
  return listed.map((subgraph) => Number(new URL(subgraph.url).port)).filter((port) => port > 0);
}

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: "string" },
      seed: { type: "string" },
      start: { type: "string" },
      only: { type: "string" },
      url: { type: "string" },
      concurrency: { type: "string" },
      timeout: { type: "string" },
      report: { type: "string" },
      "jwt-secret": { type: "string" },
    },
  });
  const count = integer(values.count, "count", 1000);
  const seed = integer(values.seed, "seed", Math.floor(Math.random() * 2 ** 31));
  const only = values.only?.split(",").map((index) => integer(index.trim(), "only", 0));
  // Loaded after LOG_LEVEL is set: the graph's logger reads it once.
  const { prepareFuzz } = await import("../test/fuzz/setup");
  const { formatSummary, runFuzz, summaryJson } = await import("../test/fuzz/run");
  const { startTestGraph } = await import("../test/harness");

  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const graph = values.url ? null : await startTestGraph();
  try {
    const gatewayUrl = values.url ?? graph!.gatewayUrl;
    console.log(
      `fuzzing ${gatewayUrl} with seed ${seed}${graph ? ` (a test graph in this process, up in ${elapsed()})` : ""}`,
    );
    const setup = await prepareFuzz(gatewayUrl, { jwtSecret: values["jwt-secret"] ?? process.env.JWT_SECRET });
    console.log(`prepared in ${elapsed()}`);
    for (const note of setup.notes) console.log(`note: ${note}`);
    console.log(
      `${setup.fields.length} root fields; pools: ${Object.entries(setup.pools)
        .map(([key, items]) => `${key} ${items.length}`)
        .join(", ")}`,
    );
    if (!graph)
      console.log("note: no database access with --url: the check that failed mutations change nothing is off");
    let lastShown = 0;
    const summary = await runFuzz(setup, {
      seed,
      count,
      start: integer(values.start, "start", 0),
      only,
      databases: graph?.subgraphs.map((subgraph) => ({ name: subgraph.name, sql: subgraph.database.sql })),
      subgraphPorts: graph
        ? graph.subgraphs.map((subgraph) => Number(new URL(subgraph.url).port))
        : defaultSubgraphPorts(),
      concurrency: integer(values.concurrency, "concurrency", 2),
      maxMs: integer(values.timeout, "timeout", 15_000),
      onProgress: (done, total) => {
        if (process.stderr.isTTY && (done - lastShown >= 100 || done === total)) {
          lastShown = done;
          process.stderr.write(`\r${done}/${total}`);
          if (done === total) process.stderr.write("\n");
        }
      },
    });
    console.log(formatSummary(summary));
    if (values.report) {
      fs.writeFileSync(values.report, summaryJson(summary));
      console.log(`report written to ${values.report}`);
    }
    process.exitCode = summary.failures.length > 0 ? 1 : 0;
  } finally {
    await graph?.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
