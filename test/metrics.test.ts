// /metrics of the gateway and of a subgraph (issue 23): prom-client histograms of requests by operation and outcome,
// subgraph fetches by subgraph, errors by code, SQL statements and their duration, event-loop lag and the process's own
// metrics, scraped after real requests through the gateway.
import { now } from "../common/clock";
import { startSubgraph, type RunningSubgraph } from "../common/subgraph";
import { newSigningKey, signingKeysFrom, viewerKeysFrom } from "../common/viewer-token";
import { startGateway } from "../gateway";
import { subgraphs } from "../subgraphs";
import { bearer, clientToken, dropTarget, postGraphQL, testTarget } from "./harness";

const profile = `query CountryProfile($code: ID!) {
  country(code: $code) { name networks { acronym } contactPoints { kind } events(upcoming: true) { id } }
}`;

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text, one sample a line (comments skipped). */
function parseMetrics(text: string): Sample[] {
  return text
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

async function scrape(graphqlUrl: string): Promise<Sample[]> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, "/metrics"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(await response.text());
}

/** The samples of one metric whose labels include `labels`. */
const samples = (all: Sample[], name: string, labels: Record<string, string> = {}) =>
  all.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );

const single = (all: Sample[], name: string, labels: Record<string, string> = {}) => {
  const found = samples(all, name, labels);
  expect(found).toHaveLength(1);
  return found[0].value;
};

/** A histogram with these labels: buckets cumulative up to +Inf = count, a positive sum, a mean below `maxMean`. */
function expectHistogram(
  all: Sample[],
  name: string,
  labels: Record<string, string>,
  minCount: number,
  maxMean: number,
) {
  const count = single(all, `${name}_count`, labels);
  const sum = single(all, `${name}_sum`, labels);
  expect(count).toBeGreaterThanOrEqual(minCount);
  expect(sum).toBeGreaterThan(0);
  expect(sum / count).toBeLessThan(maxMean);
  const buckets = samples(all, `${name}_bucket`, labels);
  expect(buckets.length).toBeGreaterThan(5);
  for (let index = 1; index < buckets.length; index += 1)
    expect(buckets[index].value).toBeGreaterThanOrEqual(buckets[index - 1].value);
  expect(buckets.at(-1)!.labels.le).toBe("+Inf");
  expect(buckets.at(-1)!.value).toBe(count);
  return { count, sum };
}

describe("/metrics of the gateway and of a subgraph", () => {
  const running: RunningSubgraph[] = [];
  let gatewayUrl: string;
  let close: (() => Promise<void>) | undefined;
  const subgraphUrl = (name: string) => running.find((subgraph) => subgraph.name === name)!.url;

  beforeAll(async () => {
    const signingKeys = await signingKeysFrom({ keys: [await newSigningKey()] });
    for (const definition of subgraphs.filter((subgraph) => ["members", "contacts", "events"].includes(subgraph.name)))
      running.push(
        await startSubgraph(definition, {
          target: testTarget(definition.name),
          port: 0,
          viewerKeys: viewerKeysFrom(signingKeys.published),
        }),
      );
    const gateway = await startGateway({
      signingKeys,
      port: 0,
      host: "127.0.0.1",
      rateLimits: false,
      subgraphUrls: Object.fromEntries(running.map((subgraph) => [subgraph.name, subgraph.url])),
    });
    gatewayUrl = gateway.url;
    close = () => gateway.close();

    const member = bearer(await clientToken({ sub: "metrics-member", networks: { ejcn: ["MEMBER"] } }));
    for (const code of ["PT", "ES", "FR", "NO", "BR"]) {
      const { body } = await postGraphQL(gatewayUrl, { query: profile, variables: { code } }, member);
      expect(body.errors).toBeUndefined();
    }
    // A bad argument, and a person's channels asked for anonymously: refused by the members and contacts subgraphs.
    const refused = await postGraphQL(gatewayUrl, {
      query: `query Refused { country(code: "ZZ") { name } contactPoint(id: "cp-ejcn-pt") { channels { email } } }`,
    });
    expect(refused.body.errors!.map((error) => error.extensions!.code).sort()).toEqual(["BAD_USER_INPUT", "FORBIDDEN"]);
  }, 300_000);

  afterAll(async () => {
    await close?.();
    for (const subgraph of running) {
      await subgraph.stop();
      await dropTarget(subgraph.database.target);
    }
  }, 60_000);

  it("shows at the gateway request durations by operation and outcome, fetches by subgraph and errors by code", async () => {
    const metrics = await scrape(gatewayUrl);
    expect(
      expectHistogram(
        metrics,
        "graphql_request_duration_seconds",
        { operation: "CountryProfile", outcome: "ok" },
        5,
        30,
      ).count,
    ).toBe(5);
    expectHistogram(metrics, "graphql_request_duration_seconds", { operation: "Refused", outcome: "error" }, 1, 30);
    expect(single(metrics, "graphql_errors_total", { code: "BAD_USER_INPUT" })).toBe(1);
    expect(single(metrics, "graphql_errors_total", { code: "FORBIDDEN" })).toBe(1);
    for (const subgraph of ["members", "contacts", "events"])
      expectHistogram(metrics, "gateway_subgraph_fetch_duration_seconds", { subgraph, outcome: "ok" }, 5, 30);
    expect(single(metrics, "gateway_subgraph_fetch_errors_total", { subgraph: "contacts", code: "FORBIDDEN" })).toBe(1);
    expect(
      single(metrics, "gateway_subgraph_fetch_errors_total", { subgraph: "members", code: "BAD_USER_INPUT" }),
    ).toBe(1);
    // Each fetch is part of a request: its mean is below the request's.
    const request = expectHistogram(
      metrics,
      "graphql_request_duration_seconds",
      { operation: "CountryProfile" },
      5,
      30,
    );
    const members = expectHistogram(
      metrics,
      "gateway_subgraph_fetch_duration_seconds",
      { subgraph: "members", outcome: "ok" },
      5,
      30,
    );
    expect(members.sum / members.count).toBeLessThan(request.sum / request.count);
    const [supergraph] = samples(metrics, "gateway_supergraph_loaded_timestamp_seconds");
    expect(supergraph.labels.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(supergraph.value).toBeLessThanOrEqual(now().getTime() / 1000);
    expect(supergraph.value).toBeGreaterThan(now().getTime() / 1000 - 3600);
  });

  it("shows at a subgraph its requests, SQL statements with their duration, and the process's own metrics", async () => {
    const members = running.find((subgraph) => subgraph.name === "members")!;
    const metrics = await scrape(subgraphUrl("members"));
    const operations = samples(metrics, "graphql_request_duration_seconds_count", {
      subgraph: "members",
      outcome: "ok",
    });
    expect(operations.map((sample) => sample.labels.operation)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^CountryProfile__members__\d+$/)]),
    );
    expectHistogram(
      metrics,
      "graphql_request_duration_seconds",
      { subgraph: "members", operation: operations[0].labels.operation },
      5,
      30,
    );
    expect(single(metrics, "graphql_errors_total", { subgraph: "members", code: "BAD_USER_INPUT" })).toBe(1);
    // The counter the benchmark and the N+1 tests read, and the histogram of the same statements.
    const statements = single(metrics, "sql_statements_total", { subgraph: "members" });
    expect(statements).toBe(members.database.statementCount());
    expect(expectHistogram(metrics, "sql_statement_duration_seconds", { subgraph: "members" }, 5, 5).count).toBe(
      statements,
    );
    // Only its own: the other subgraphs in this process count theirs on their own /metrics.
    expect(new Set(samples(metrics, "sql_statements_total").map((sample) => sample.labels.subgraph))).toEqual(
      new Set(["members"]),
    );
    const lag = single(metrics, "nodejs_eventloop_lag_seconds");
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(10);
    expect(single(metrics, "nodejs_eventloop_lag_p99_seconds")).toBeGreaterThan(0);
    expect(single(metrics, "process_resident_memory_bytes")).toBeGreaterThan(50 * 2 ** 20);
    expect(single(metrics, "process_cpu_seconds_total")).toBeGreaterThan(0);
  });

  it("does not let a client grow the registry with made-up operation names", async () => {
    for (let index = 0; index < 520; index += 1)
      await postGraphQL(gatewayUrl, { query: `query Made${index} { __typename }` });
    const operations = new Set(
      samples(await scrape(gatewayUrl), "graphql_request_duration_seconds_count").map(
        (sample) => sample.labels.operation,
      ),
    );
    expect(operations.size).toBeLessThanOrEqual(501);
    expect(operations).toContain("(other)");
    expect(operations).toContain("CountryProfile");
  });
});
