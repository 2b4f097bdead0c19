// A smoke run of `npm run bench` (tiny data set, a second per target), so the harness cannot rot. It needs the
// PostgreSQL server the benchmark runs on, so it runs in the PostgreSQL pass of `npm test`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchOptions, runBench } from "../bench";
import { subgraphs } from "../subgraphs";
import { testDatabaseUrl } from "./harness";

const onPostgres = testDatabaseUrl.startsWith("postgres");
const smokeDatabaseUrl = () =>
  Object.assign(new URL(testDatabaseUrl), { pathname: `${new URL(testDatabaseUrl).pathname}_bench_smoke` }).toString();

(onPostgres ? describe : describe.skip)("npm run bench, smoke run", () => {
  it("measures every query on every target, counts statements, checks memory and writes its report", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-"));
    try {
      const options = benchOptions([
        "--size",
        "tiny",
        "--database",
        smokeDatabaseUrl(),
        "--duration",
        "1",
        "--warmup",
        "0",
        "--connections",
        "2",
        "--leak-seconds",
        "3",
        "--leak-rate",
        "10",
        "--out",
        out,
      ]);
      const report = await runBench(options, () => undefined);

      expect(report.queries.map((query) => query.name)).toEqual([
        "countryProfile",
        "findContactPoints",
        "findContactPoints100",
        "contactPointsDeepPage",
        "requestStatistics",
        "expiringPreservations",
        "librarySearch",
        "libraryBrowse",
        "forumThreads",
        "forumSearch",
      ]);
      for (const query of report.queries) {
        expect(query.results.map((result) => result.target)).toEqual(["ours", "hive", "hiveRust", "direct"]);
        for (const result of query.results) {
          expect(result.requests).toBeGreaterThan(0);
          expect(result.failures).toBe(0);
          expect(result.latencyMs.p50).toBeGreaterThan(0);
          expect(result.latencyMs.p99).toBeGreaterThanOrEqual(result.latencyMs.p50);
        }
        expect(query.sqlStatements.many.statements).toBeGreaterThan(0);
        expect(query.sqlStatements.nPlusOne).toBe(false);
      }
      // Every subgraph, our gateway and Hive Gateway (with each planner), each in its own process.
      expect(Object.keys(report.peakRssMb).sort()).toEqual(
        [...subgraphs.map((subgraph) => subgraph.name), "gateway", "hive-gateway", "hive-gateway-rust"].sort(),
      );
      expect(report.leakCheck).toMatchObject({ seconds: 3, failures: 0 });
      expect(report.embedded!.firstStartPeakRssMb).toBeGreaterThan(100);
      expect(report.embedded!.laterStartSeconds).toBeGreaterThan(0);
      expect(report.targets.length).toBeGreaterThan(5);

      const written = JSON.parse(fs.readFileSync(path.join(out, "tiny.json"), "utf8"));
      expect(written.queries).toHaveLength(report.queries.length);
      expect(fs.readFileSync(path.join(out, "tiny.md"), "utf8")).toContain(
        "| `countryProfile` (3 subgraphs) | our gateway |",
      );
      expect(fs.readFileSync(path.join(out, "tiny.svg"), "utf8")).toMatch(/^<svg [^>]*>[\s\S]*<\/svg>\n$/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);

  it("refuses options it cannot use", () => {
    expect(() => benchOptions(["--size", "huge"])).toThrow("--size must be one of tiny, small, large");
    expect(() => benchOptions(["--database", "mysql://x"])).toThrow("--database must be a postgresql:// URL");
    expect(() => benchOptions(["--duration", "0"])).toThrow("--duration must be a number ≥ 1");
    expect(benchOptions(["--queries", "findContactPoints,contactPointsDeepPage"]).queryNames).toEqual([
      "findContactPoints",
      "contactPointsDeepPage",
    ]);
    expect(benchOptions([]).queryNames).toBeNull();
  });
});
