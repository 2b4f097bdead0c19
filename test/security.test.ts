import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import path from "node:path";
import { allowDevelopmentSecretsVariable } from "../common/auth";
import { subgraphEnvName } from "../common/config";
import { upsertRows } from "../common/seed";
import { startGateway } from "../gateway";
import { subgraphs } from "../subgraphs";
import { bearer, clientToken, postGraphQL, useTestGraph } from "./harness";

const graph = useTestGraph();

const gatewayPort = () => Number(new URL(graph.gatewayUrl).port);

/** A stand-in for an internal service on this machine: it records every request that reaches it. */
async function internalService(
  answer: (response: http.ServerResponse) => void = (response) => response.end("internal secret\n"),
) {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    answer(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { port, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** GET with the request target sent exactly as written (absolute-form, encoded dots, double slashes). */
function rawGet(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
    );
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]),
        body: text.slice(text.indexOf("\r\n\r\n") + 4),
      });
    });
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("calendar feeds reach the events subgraph only", () => {
  const eventsMetrics = () =>
    graph.subgraphs.find((subgraph) => subgraph.name === "events")!.url.replace("/graphql", "/metrics");

  it.each([
    [
      "an absolute-form target naming another port",
      (port: number) => `http://127.0.0.1:${port}/calendar/network/ejcn.ics`,
    ],
    ["an absolute-form target with any path", (port: number) => `http://127.0.0.1:${port}/calendar/x`],
    ["a protocol-relative target", (port: number) => `//127.0.0.1:${port}/calendar/network/ejcn.ics`],
    ["a host inside the path", (port: number) => `/calendar//127.0.0.1:${port}/x`],
    ["a host in the query", (port: number) => `/calendar/network/ejcn.ics?url=http://127.0.0.1:${port}/`],
    ["encoded dots", () => "/calendar/%2e%2e/%2e%2e/metrics"],
    ["encoded slashes", () => "/calendar/network/..%2f..%2fmetrics.ics"],
    ["dots in a feed name", () => "/calendar/country/../../metrics"],
  ])("never forwards %s anywhere but a known feed", async (_label, target) => {
    const internal = await internalService();
    try {
      const { status, body } = await rawGet(gatewayPort(), target(internal.port));
      expect(internal.hits).toEqual([]);
      expect(body).not.toContain("internal secret");
      expect(body).not.toContain("sql_statements_total");
      // Only a well-formed feed path is served, and then from the events subgraph.
      if (status === 200) expect(body).toContain("BEGIN:VCALENDAR");
      else expect(status).toBe(404);
    } finally {
      await internal.close();
    }
  });

  it("keeps the events subgraph's other paths out of reach", async () => {
    expect((await fetch(eventsMetrics())).status).toBe(200);
    for (const target of ["/calendar/../metrics", "/calendar/%2e%2e/metrics", "/calendar/network/x/../../../metrics"]) {
      const { body } = await rawGet(gatewayPort(), target);
      expect(body).not.toContain("sql_statements_total");
    }
  });

  it("follows no redirect of the upstream", async () => {
    const internal = await internalService();
    const redirecting = await internalService((response) => {
      response.writeHead(302, { location: `http://127.0.0.1:${internal.port}/metrics` }).end();
    });
    const gateway = await startGateway({
      port: 0,
      host: "127.0.0.1",
      subgraphUrls: {
        ...Object.fromEntries(graph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url])),
        events: `http://127.0.0.1:${redirecting.port}/graphql`,
      },
    });
    try {
      const response = await fetch(gateway.url.replace("/graphql", "/calendar/network/ejcn.ics"), {
        redirect: "manual",
      });
      expect(response.status).toBe(502);
      expect(await response.text()).not.toContain("internal secret");
      expect(redirecting.hits).toEqual(["/calendar/network/ejcn.ics"]);
      expect(internal.hits).toEqual([]);
    } finally {
      await gateway.close();
      await internal.close();
      await redirecting.close();
    }
  });
});

describe("listening beyond this machine", () => {
  const secrets = ["JWT_SECRET", "JWT_JWKS_URL", allowDevelopmentSecretsVariable, "HOST"];
  let saved: Record<string, string | undefined>;
  beforeEach(() => {
    saved = Object.fromEntries(secrets.map((variable) => [variable, process.env[variable]]));
    for (const variable of secrets) delete process.env[variable];
  });
  afterEach(() => {
    for (const [variable, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[variable];
      else process.env[variable] = value;
    }
  });

  it("binds the gateway to loopback by default", async () => {
    const gateway = await startGateway({ port: 0 });
    try {
      expect(new URL(gateway.url).hostname).toBe("127.0.0.1");
    } finally {
      await gateway.close();
    }
  });

  it("refuses another interface with the development secrets", async () => {
    await expect(startGateway({ port: 0, host: "0.0.0.0" })).rejects.toThrow(/development JWT_SECRET/);
  });

  it("accepts another interface with real secrets, or with the explicit opt-in", async () => {
    process.env.JWT_SECRET = "a client-token secret of this deployment, 32+ chars";
    const withSecrets = await startGateway({ port: 0, host: "0.0.0.0" });
    await withSecrets.close();
    delete process.env.JWT_SECRET;
    process.env[allowDevelopmentSecretsVariable] = "true";
    const optedIn = await startGateway({ port: 0, host: "0.0.0.0" });
    await optedIn.close();
  });
});

describe("references to other subgraphs' entities", () => {
  const portugal = async () =>
    bearer(await clientToken({ sub: "pt-cp", authorityId: "pt-pgr", networks: { "coe-24-7": ["CONTACT_POINT"] } }));
  const content = {
    offence: { description: "Computer fraud (Art. 8)", summaryOfFacts: "Phishing site." },
    requestingContact: {
      organisation: "PGR Portugal",
      personInCharge: "Ana Exemplo (fictional)",
      email: "ana@example.org",
      timeZone: "Europe/Lisbon",
    },
  };
  const input = {
    kind: "GENERAL_ASSISTANCE",
    requestingCountry: "PT",
    requestedCountry: "NO",
    requestedAuthority: "no-kripos",
    caseReference: "refs",
    content,
  };
  const create = `mutation ($input: CreateCooperationRequestInput!) { createCooperationRequest(input: $input) { id requestedAuthority { id } } }`;
  const count = async () =>
    (await graph.query(`{ cooperationRequests { totalCount } }`, {}, await portugal())).body.data.cooperationRequests
      .totalCount as number;

  it.each([
    [{ requestedAuthority: "ghost-authority" }, "input.requestedAuthority", /no authority "ghost-authority"/],
    [{ requestedAuthority: "al-state-police" }, "input.requestedAuthority", /is of AL, not NO/],
    [{ requestingCountry: "ES" }, "input.requestingCountry", /your authority is of PT/],
  ])("refuses %j at write time and saves nothing", async (change, field, message) => {
    const before = await count();
    const { body } = await graph.query(create, { input: { ...input, ...change } }, await portugal());
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(body.errors![0].message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it("refuses to write unchecked when the graph does not answer", async () => {
    const before = await count();
    const saved = process.env.GATEWAY_URL;
    process.env.GATEWAY_URL = `http://127.0.0.1:${await freePort()}/graphql`;
    try {
      const { body } = await graph.query(create, { input }, await portugal());
      expect(body.errors![0].extensions!.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      process.env.GATEWAY_URL = saved;
    }
    expect(await count()).toBe(before);
  });

  it("answers a request whose authority has vanished with null there and an error at its path, and keeps the list", async () => {
    const kept = (await graph.query(create, { input }, await portugal())).body.data.createCooperationRequest.id;
    const requests = graph.subgraphs.find((subgraph) => subgraph.name === "requests")!.database.sql;
    await upsertRows(
      requests,
      "CooperationRequest",
      ["id"],
      [
        {
          id: "vanished-authority-request",
          kind: "GENERAL_ASSISTANCE",
          status: "DRAFT",
          version: 1,
          requestingAuthorityId: "pt-pgr",
          requestingCountryCode: "PT",
          requestedAuthorityId: "dissolved-authority",
          requestedCountryCode: "NO",
          caseReference: "vanished",
          urgent: false,
          previousRequestId: null,
          idempotencyKey: null,
          createdBy: "test",
          content: JSON.stringify(content),
          requestedTimeZone: "UTC",
          responseTargetHours: null,
        },
      ],
    );
    const { body } = await graph.query(
      `{ cooperationRequests(first: 100) { edges { node { id requestedAuthority { id name } requestingAuthority { id } } } } }`,
      {},
      await portugal(),
    );
    const nodes = body.data.cooperationRequests.edges.map(
      (edge: { node: { id: string; requestedAuthority: { id: string } | null } }) => edge.node,
    );
    expect(
      nodes.find((node: { id: string }) => node.id === "vanished-authority-request").requestedAuthority,
    ).toBeNull();
    expect(nodes.find((node: { id: string }) => node.id === kept).requestedAuthority).toEqual({
      id: "no-kripos",
      name: expect.any(String),
    });
    const index = nodes.findIndex((node: { id: string }) => node.id === "vanished-authority-request");
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ["cooperationRequests", "edges", index, "node", "requestedAuthority"],
        extensions: expect.objectContaining({ code: "NOT_FOUND" }),
      }),
    ]);
  });
});

describe("idempotency keys", () => {
  const albania = async () =>
    bearer(
      await clientToken({ sub: "al-cp", authorityId: "al-state-police", networks: { "coe-24-7": ["CONTACT_POINT"] } }),
    );
  const input = {
    kind: "GENERAL_ASSISTANCE",
    requestingCountry: "AL",
    requestedCountry: "NO",
    requestedAuthority: "no-kripos",
    caseReference: "idem",
    idempotencyKey: "submit-al-1",
    content: {
      offence: { description: "Fraud" },
      requestingContact: {
        organisation: "State Police",
        personInCharge: "Arta Shembull (fictional)",
        timeZone: "Europe/Tirane",
      },
    },
  };
  const create = `mutation ($input: CreateCooperationRequestInput!) { createCooperationRequest(input: $input) { id caseReference } }`;

  it("returns the first request to an identical retry and refuses the key with other input as CONFLICT", async () => {
    const first = await graph.query(create, { input }, await albania());
    expect(first.body.errors).toBeUndefined();
    const retry = await graph.query(create, { input }, await albania());
    expect(retry.body.data.createCooperationRequest.id).toBe(first.body.data.createCooperationRequest.id);

    const other = await graph.query(create, { input: { ...input, caseReference: "another case" } }, await albania());
    expect(other.body.data).toBeNull();
    expect(other.body.errors![0].extensions).toMatchObject({
      code: "CONFLICT",
      idempotencyKey: "submit-al-1",
      field: "input.idempotencyKey",
    });
    expect(other.body.errors![0].message).toContain("submit-al-1");
    const list = await graph.query(
      `{ cooperationRequests(first: 100) { edges { node { caseReference } } } }`,
      {},
      await albania(),
    );
    expect(
      list.body.data.cooperationRequests.edges.map(
        (edge: { node: { caseReference: string } }) => edge.node.caseReference,
      ),
    ).toEqual(["idem"]);
  });
});

describe("client mistakes in the operation", () => {
  it.each([
    [{ query: "query A { networks { id } } query B { countries { totalCount } }" }, /several operations/],
    [{ query: "query A { networks { id } }", operationName: "B" }, /no operation named "B"/],
  ])("answers %j with 400 and the field at fault", async (body, message) => {
    const response = await postGraphQL(graph.gatewayUrl, body);
    expect(response.status).toBe(400);
    expect(response.body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "operationName" });
    expect(response.body.errors![0].message).toMatch(message);
  });
});

describe("stopping", () => {
  it("stops the server that npm start runs when npm is signalled, after the requests in flight have finished", async () => {
    const port = await freePort();
    const subgraphPorts = Object.fromEntries(subgraphs.map(({ name }) => [subgraphEnvName(name, "PORT"), "0"]));
    const npm = spawn("npm", ["start"], {
      cwd: path.join(__dirname, ".."),
      // As a user runs it: not under the test runner's NODE_ENV=test, with which servers handle signals differently.
      env: {
        ...process.env,
        ...subgraphPorts,
        NODE_ENV: "development",
        DATABASE_URL: "memory://",
        PORT: String(port),
        LOG_LEVEL: "warn",
        HOST: "127.0.0.1",
        // Nine country profiles in a few seconds from one address are past an anonymous client's allowance.
        GATEWAY_RATE_LIMIT: "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so that whatever is left can be cleaned up; the stop signal goes to npm alone.
      detached: true,
    });
    try {
      await stopsCleanly(npm, port);
    } finally {
      try {
        process.kill(-npm.pid!, "SIGKILL");
      } catch {
        // The whole group has ended.
      }
    }
  }, 120_000);
});

/** Waits for npm start, sends 8 requests, signals npm: every request must be answered and the server gone. */
async function stopsCleanly(npm: ReturnType<typeof spawn>, port: number): Promise<void> {
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    npm.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("The graph is ready") && resolve());
    npm.once("exit", () => reject(new Error("npm start ended before the graph was ready")));
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const profile = `{ countries(first: 50) { edges { node { code name contactPoints { id kind } events { id } } } } }`;
  // Warm up (query plans, connections), then stop while eight requests are being answered: sent, read by the
  // server (100 ms on loopback), and not yet done (each takes several hundred milliseconds here).
  await postGraphQL(url, { query: profile });
  const started = Date.now();
  const inFlight = Array.from({ length: 8 }, () => postGraphQL(url, { query: profile }));
  await new Promise((resolve) => setTimeout(resolve, 100));
  npm.kill("SIGTERM");
  const answers = await Promise.all(inFlight);
  // They were still in flight when the signal came.
  expect(Date.now() - started).toBeGreaterThan(100);
  expect(answers.map((answer) => [answer.status, answer.body.errors])).toEqual(
    Array.from({ length: 8 }, () => [200, undefined]),
  );
  expect(await exited).toBe(0);
  // Nothing is left serving on the port.
  await expect(fetch(url.replace("/graphql", "/health"))).rejects.toThrow();
}
