// OpenTelemetry through the gateway (issue 23): a request with a client's traceparent that reaches three subgraphs,
// its spans exported over OTLP/HTTP to a receiver in this test that decodes what the exporters send, and the log lines
// of each process. First with the gateway and each subgraph in its own process, as on the networks' own hosts; then
// in one process, as `npm start` runs them, where a span names its subgraph by attribute.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { subgraphEnvName } from "../common/config";
import { startSubgraph, type RunningSubgraph } from "../common/subgraph";
import { startTelemetry, stopTelemetry } from "../common/telemetry";
import { newSigningKey, signingKeysFrom, viewerKeysFrom } from "../common/viewer-token";
import { startGateway } from "../gateway";
import { subgraphs } from "../subgraphs";
import {
  bearer,
  clientToken,
  dropTarget,
  postGraphQL,
  testDatabaseUrl,
  testTarget,
  type GraphQLResponse,
} from "./harness";
import {
  childEnv,
  dropSchema,
  freePort,
  getStatus,
  killAll,
  randomSuffix,
  sleep,
  startProcess,
  waitReady,
  waitUntil,
  withSchema,
  type ServiceProcess,
} from "./processes";

const onPostgres = testDatabaseUrl !== "memory://";
const subgraphNames = subgraphs.map((definition) => definition.name);
const traced = ["members", "contacts", "events"];

/** A country's own fields, its contact points' e-mail addresses and its events, and the marker in three lookups. */
const document = `query TelemetryProbe($code: ID!, $marker: ID!) {
  country(code: $code) { name networks { acronym } contactPoints { kind channels { email } } events(upcoming: true) { id } }
  network(id: $marker) { id }
  contactPoint(id: $marker) { id }
  event(id: $marker) { id }
}`;
/** A piece of the document that no span may carry. */
const documentPiece = "contactPoints { kind channels { email } }";

/** A member of every network: it may read the contact points' channels. */
const member = () =>
  clientToken({
    sub: "telemetry-member",
    networks: {
      ejcn: ["MEMBER"],
      gpen: ["MEMBER"],
      "coe-24-7": ["MEMBER"],
      "forum-cibercrime": ["MEMBER"],
      ciberred: ["MEMBER"],
    },
  });

interface ExportedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  attributes: Record<string, unknown>;
}

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
};

const decodeValue = (value: OtlpValue): unknown =>
  value.arrayValue
    ? (value.arrayValue.values ?? []).map(decodeValue)
    : (value.stringValue ??
      value.boolValue ??
      value.doubleValue ??
      // 64-bit integers may come as strings.
      (value.intValue === undefined ? undefined : Number(value.intValue)));

const decodeAttributes = (attributes: { key: string; value: OtlpValue }[] = []) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, decodeValue(value)]));

/** An OTLP/HTTP receiver: takes what exporters POST to /v1/traces (JSON, gzipped or not) and keeps it. */
async function startReceiver() {
  const bodies: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = request.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw;
      const accepted = request.url === "/v1/traces" && request.headers["content-type"] === "application/json";
      if (accepted) bodies.push(body.toString("utf8"));
      response.writeHead(accepted ? 200 : 415, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Every export request as received, for the privacy checks. */
    bodies,
    spans(traceId: string): ExportedSpan[] {
      return bodies.flatMap((body) =>
        (JSON.parse(body).resourceSpans ?? []).flatMap(
          (resourceSpans: { resource?: { attributes?: [] }; scopeSpans?: { spans?: Record<string, any>[] }[] }) => {
            const service = String(decodeAttributes(resourceSpans.resource?.attributes)["service.name"]);
            return (resourceSpans.scopeSpans ?? [])
              .flatMap((scope) => scope.spans ?? [])
              .filter((span) => span.traceId === traceId)
              .map((span) => ({
                service,
                name: span.name,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId ?? "",
                attributes: decodeAttributes(span.attributes),
              }));
          },
        ),
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A client's trace context: a trace id and the client's own span id, sampled. */
function clientTraceContext() {
  const traceId = crypto.randomBytes(16).toString("hex");
  const parentSpanId = crypto.randomBytes(8).toString("hex");
  return { traceId, parentSpanId, traceparent: `00-${traceId}-${parentSpanId}-01` };
}

/** The e-mail address of a person read in the answer, and the answer. */
function emailIn(response: GraphQLResponse): string {
  expect(response.status).toBe(200);
  const emails = (response.body.data.country.contactPoints as { channels: { email: string | null } | null }[])
    .map((point) => point.channels?.email)
    .filter((email): email is string => typeof email === "string");
  expect(emails[0]).toMatch(/^[^@\s]+@[^@\s]+$/);
  return emails[0];
}

/**
 * The whole trace has arrived: the gateway's span of the request (it ends last in its process) and, for each of its
 * fetches, the subgraph's span of that request (it ends last in the subgraph's).
 */
function traceComplete(spans: ExportedSpan[], clientSpanId: string): boolean {
  const servers = spans.filter(servesGraphQL);
  return (
    servers.some((span) => span.parentSpanId === clientSpanId) &&
    spans
      .filter((span) => span.name === "gateway.fetch")
      .every((fetch) => servers.some((server) => server.parentSpanId === fetch.spanId))
  );
}

/** A span of a request to /graphql, at the gateway or in a subgraph (there named after its operation). */
const servesGraphQL = (span: ExportedSpan) => span.attributes["http.route"] === "/graphql";

/** What every trace of the probe must hold: spans of each traced subgraph, with their SQL, under the gateway's fetches. */
function expectSubgraphSpans(spans: ExportedSpan[], subgraphOf: (span: ExportedSpan) => string | undefined) {
  const fetches = spans.filter((span) => span.name === "gateway.fetch");
  expect(new Set(fetches.map((span) => span.attributes["subgraph.name"]))).toEqual(new Set(traced));
  for (const subgraph of traced) {
    const own = spans.filter((span) => span.name !== "gateway.fetch" && subgraphOf(span) === subgraph);
    const servers = own.filter(servesGraphQL);
    expect(servers.length).toBeGreaterThan(0);
    // A subgraph's server span is its operation's: one span, not two of the same length.
    for (const server of servers) expect(server.name).toMatch(/^query TelemetryProbe__/);
    // Each of its requests is a child of one of the gateway's fetches from it.
    for (const server of servers)
      expect(
        fetches.filter((fetch) => fetch.attributes["subgraph.name"] === subgraph).map((fetch) => fetch.spanId),
      ).toContain(server.parentSpanId);
    expect(own.map((span) => span.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^query TelemetryProbe__/)]),
    );
    // Resolver spans where an operation has more than one root field: the members part asks for country and network.
    if (subgraph === "members")
      expect(own.map((span) => span.name)).toEqual(
        expect.arrayContaining(["resolve Query.country", "resolve Query.network"]),
      );
    const sql = own.filter((span) => span.attributes["db.system.name"] === "postgresql");
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) expect(statement.attributes["db.query.text"]).toMatch(/^\s*(SELECT|WITH)\b/i);
  }
}

/** Nothing the graph protects, and nothing the client sent but names, in anything exported. */
function expectNothingProtectedIn(texts: string[], protectedValues: string[]) {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) for (const value of protectedValues) expect(text).not.toContain(value);
}

describe("a request through the gateway and three subgraphs, each in its own process", () => {
  let dir: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let gatewayBase: string;
  /** Every line each process wrote on stdout (its log), by service; and whatever they wrote on stderr. */
  const lines = new Map<string, string[]>();
  const stderr: string[] = [];
  const schemas: string[] = [];
  const client = clientTraceContext();
  const marker = `telemetry-marker-${randomSuffix()}`;
  const requestId = `telemetry-${randomSuffix()}`;
  let email: string;

  /** Starts an entry point with tracing on, keeping every line it writes. */
  const start = (name: string, script: string, args: string[], env: Record<string, string>) => {
    const service = startProcess({
      name,
      script,
      args,
      env: childEnv(subgraphNames, {
        NODE_ENV: "development",
        LOG_LEVEL: "debug",
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_BSP_SCHEDULE_DELAY: "100",
        ...env,
      }),
    });
    const kept: string[] = [];
    lines.set(name, kept);
    let partial = "";
    service.child.stdout!.on("data", (chunk: Buffer) => {
      const parts = (partial + chunk.toString("utf8")).split("\n");
      partial = parts.pop()!;
      kept.push(...parts.filter(Boolean));
    });
    service.child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString("utf8")));
    return service;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "telemetry-"));
    receiver = await startReceiver();
    const privateKeys = { keys: [await newSigningKey()] };
    const keys = await signingKeysFrom(privateKeys);
    const signingKeysFile = path.join(dir, "gateway-signing-keys.json");
    const publicKeysFile = path.join(dir, "gateway-public-keys.json");
    fs.writeFileSync(signingKeysFile, JSON.stringify(privateKeys), { mode: 0o600 });
    fs.writeFileSync(publicKeysFile, JSON.stringify(keys.published));

    const urls: Record<string, string> = {};
    const started: [ServiceProcess, string][] = [];
    for (const name of traced) {
      const port = await freePort();
      urls[name] = `http://127.0.0.1:${port}/graphql`;
      const schema = `test_telemetry_${name}_${randomSuffix()}`;
      if (onPostgres) schemas.push(schema);
      const service = start(name, "scripts/start-subgraph.ts", [name], {
        DATABASE_URL: onPostgres ? withSchema(testDatabaseUrl, schema) : "memory://",
        [subgraphEnvName(name, "PORT")]: String(port),
        GATEWAY_PUBLIC_KEYS_FILE: publicKeysFile,
      });
      started.push([service, `http://127.0.0.1:${port}`]);
    }
    const gatewayPort = await freePort();
    gatewayBase = `http://127.0.0.1:${gatewayPort}`;
    const gateway = start("gateway", "scripts/start-gateway.ts", [], {
      PORT: String(gatewayPort),
      HOST: "127.0.0.1",
      GATEWAY_SIGNING_KEYS_FILE: signingKeysFile,
      ...Object.fromEntries(traced.map((name) => [subgraphEnvName(name, "URL"), urls[name]])),
    });
    for (const [service, base] of started) await waitReady(base, service);
    // The gateway is not ready without the other subgraphs; it is up.
    await waitUntil("the gateway up", async () => (await getStatus(`${gatewayBase}/health`)) === 200, {
      timeoutMs: 120_000,
      service: gateway,
    });

    const response = await postGraphQL(
      `${gatewayBase}/graphql`,
      { query: document, variables: { code: "PT", marker } },
      { ...bearer(await member()), traceparent: client.traceparent, "x-request-id": requestId },
    );
    email = emailIn(response);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toMatchObject({ network: null, contactPoint: null, event: null });
    // The exporters send every 100 ms; the log lines are written before the answer.
    await waitUntil(
      "the whole trace at the receiver",
      async () => traceComplete(receiver.spans(client.traceId), client.parentSpanId),
      { timeoutMs: 30_000 },
    );
  }, 300_000);

  afterAll(async () => {
    await killAll();
    await receiver?.close();
    for (const schema of schemas) await dropSchema(testDatabaseUrl, schema);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("ties the gateway's request, plan and fetches, each subgraph's work and its SQL to the client's trace", () => {
    const spans = receiver.spans(client.traceId);
    const gateway = spans.filter((span) => span.service === "gateway");
    const root = gateway.find((span) => span.name === "POST /graphql")!;
    // The client's span is the parent: its traceparent was honoured.
    expect(root.parentSpanId).toBe(client.parentSpanId);
    expect(gateway.map((span) => span.name)).toEqual(
      expect.arrayContaining(["gateway.request", "gateway.plan", "gateway.fetch"]),
    );
    // The spans left unrecorded leave no gap: each fetch is a child of the request.
    for (const name of ["gateway.validate", "gateway.execute", "gateway.postprocessing"])
      expect(gateway.map((span) => span.name)).not.toContain(name);
    const request = gateway.find((span) => span.name === "gateway.request")!;
    expect(request.parentSpanId).toBe(root.spanId);
    for (const fetch of gateway.filter((span) => span.name === "gateway.fetch"))
      expect(fetch.parentSpanId).toBe(request.spanId);
    expect(request.attributes).toMatchObject({
      "graphql.operation.name": "TelemetryProbe",
      "graphql.operation.type": "query",
    });
    // Each subgraph runs in its own process: its spans' service is the subgraph.
    expectSubgraphSpans(spans, (span) => (span.service === "gateway" ? undefined : span.service));
    for (const subgraph of traced)
      expect(
        spans
          .filter((span) => span.service === subgraph)
          .every((span) => span.attributes["subgraph.name"] === subgraph),
      ).toBe(true);
  });

  it("keeps the variables, the person's e-mail address and the document out of every span and every log line", () => {
    expect(email.length).toBeGreaterThan(3);
    expect(receiver.bodies.some((body) => body.includes(client.traceId))).toBe(true);
    expectNothingProtectedIn(receiver.bodies, [marker, email, documentPiece]);
    for (const span of receiver.spans(client.traceId)) expect(span.attributes).not.toHaveProperty("graphql.document");
    expectNothingProtectedIn([...[...lines.values()].flat(), ...stderr], [marker, email]);
  });

  it("writes the trace and span ids beside the request id on every log line of the request", () => {
    const spanIds = new Set(receiver.spans(client.traceId).map((span) => span.spanId));
    for (const service of ["gateway", ...traced]) {
      const ofTheRequest = lines
        .get(service)!
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((entry) => entry.requestId === requestId);
      expect(ofTheRequest.length).toBeGreaterThan(0);
      for (const entry of ofTheRequest) {
        expect(entry.traceId).toBe(client.traceId);
        expect(spanIds).toContain(entry.spanId);
      }
    }
  });

  it("leaves the gateway's health checks of the subgraphs out of the traces", async () => {
    const exported = receiver.bodies.length;
    // Not ready: five subgraphs of the supergraph are not running here. The three that are get asked.
    expect(await getStatus(`${gatewayBase}/ready`)).toBe(503);
    await sleep(1000);
    const healthChecks = receiver.bodies
      .slice(exported)
      .filter((body) => body.includes("__ApolloServiceHealthCheck__"));
    expect(healthChecks).toEqual([]);
    // The subgraphs were asked: each logged the request it served.
    for (const subgraph of traced)
      expect(lines.get(subgraph)!.filter((line) => line.includes('"request served"')).length).toBeGreaterThan(1);
  });
});

describe("npm start's one process: each span names its subgraph", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const running: RunningSubgraph[] = [];
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  const saved = { ...process.env };

  beforeAll(async () => {
    receiver = await startReceiver();
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.endpoint;
    process.env.OTEL_BSP_SCHEDULE_DELAY = "100";
    expect(startTelemetry("cybercrime-networks-graph")).toBe("on");
    const signingKeys = await signingKeysFrom({ keys: [await newSigningKey()] });
    for (const definition of subgraphs.filter((subgraph) => traced.includes(subgraph.name)))
      running.push(
        await startSubgraph(definition, {
          target: testTarget(definition.name),
          port: 0,
          viewerKeys: viewerKeysFrom(signingKeys.published),
        }),
      );
    gateway = await startGateway({
      signingKeys,
      port: 0,
      host: "127.0.0.1",
      rateLimits: false,
      subgraphUrls: Object.fromEntries(running.map((subgraph) => [subgraph.name, subgraph.url])),
    });
  }, 300_000);

  afterAll(async () => {
    await gateway?.close();
    for (const subgraph of running) {
      await subgraph.stop();
      await dropTarget(subgraph.database.target);
    }
    await stopTelemetry();
    await receiver?.close();
    process.env = saved;
  }, 60_000);

  it("puts the subgraph's name on its operation, resolver and SQL spans, under the client's trace", async () => {
    const client = clientTraceContext();
    const marker = `telemetry-marker-${randomSuffix()}`;
    const response = await postGraphQL(
      gateway!.url,
      { query: document, variables: { code: "PT", marker } },
      { ...bearer(await member()), traceparent: client.traceparent },
    );
    const email = emailIn(response);
    await waitUntil(
      "the whole trace at the receiver",
      async () => traceComplete(receiver.spans(client.traceId), client.parentSpanId),
      { timeoutMs: 30_000 },
    );
    const spans = receiver.spans(client.traceId);
    expect(new Set(spans.map((span) => span.service))).toEqual(new Set(["cybercrime-networks-graph"]));
    expectSubgraphSpans(spans, (span) => span.attributes["subgraph.name"] as string | undefined);
    // The gateway's own spans name no subgraph, but for its fetches from one.
    for (const span of spans.filter(
      (candidate) => candidate.name.startsWith("gateway.") && candidate.name !== "gateway.fetch",
    ))
      expect(span.attributes).not.toHaveProperty("subgraph.name");
    for (const span of spans.filter((candidate) => /^(query |resolve |SELECT|WITH)/.test(candidate.name)))
      expect(traced).toContain(span.attributes["subgraph.name"]);
    expectNothingProtectedIn(receiver.bodies, [marker, email, documentPiece]);
  });
});
