import fs from "node:fs";
import { formatSummary, runFuzz, summaryJson } from "./fuzz/run";
import { prepareFuzz } from "./fuzz/setup";
import { testDatabaseUrl, useTestGraph } from "./harness";

// Schema-driven fuzzing (test/fuzz): operations generated from the live schema, sent through the gateway as four
// viewers, every answer checked. FUZZ_COUNT operations per database pass (default 5000: `npm test` runs this file on
// PGlite and again on PostgreSQL, 10 000 together, with different seeds); FUZZ_SEED to choose the seed; FUZZ_REPORT
// to write the summary as JSON. Longer runs: `npm run fuzz -- --count N`.
const count = positiveInt("FUZZ_COUNT", 5000);
const onPostgres = testDatabaseUrl !== "memory://";
const seed = positiveInt("FUZZ_SEED", onPostgres ? 2 : 1);

function positiveInt(variable: string, fallback: number): number {
  const value = process.env[variable];
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`${variable} must be a whole number ≥ 1`);
  return parsed;
}

const graph = useTestGraph();

describe("schema-driven fuzzing through the gateway", () => {
  it(
    `answers ${count} generated operations (seed ${seed}, ${onPostgres ? "PostgreSQL" : "PGlite"}) without a server ` +
      `error, a hang, a leak, or a change by a failed mutation`,
    async () => {
      const setup = await prepareFuzz(graph.gatewayUrl);
      const summary = await runFuzz(setup, {
        seed,
        count,
        databases: graph.subgraphs.map((subgraph) => ({ name: subgraph.name, sql: subgraph.database.sql })),
        subgraphPorts: graph.subgraphs.map((subgraph) => Number(new URL(subgraph.url).port)),
      });
      const report = [...setup.notes.map((note) => `note: ${note}`), formatSummary(summary, 8)].join("\n");
      if (process.env.FUZZ_REPORT) fs.writeFileSync(process.env.FUZZ_REPORT, summaryJson(summary));
      if (summary.failures.length > 0) throw new Error(`the fuzz found failures:\n${report}`);
      console.log(report);

      // The fuzz reaches the resolvers: many operations are answered, few are refused by cost before planning.
      expect(summary.operations).toBe(count);
      expect(summary.outcomes.ok ?? 0).toBeGreaterThan(count * 0.15);
      expect(summary.refusedByCost).toBeLessThan(count * 0.1);
    },
    Math.max(300_000, count * 150),
  );
});
