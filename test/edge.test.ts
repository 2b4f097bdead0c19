import { Kind, parse, print, visit } from "graphql";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { subgraphEnvName } from "../common/config";
import { newSigningKey, signingKeysFrom } from "../common/viewer-token";
import { startGateway, supergraphPath, type GatewayOptions } from "../gateway";
import { bearer, clientToken, postGraphQL, testDatabaseUrl, useTestGraph } from "./harness";
import { childEnv, freePort, killAll, randomSuffix, sleep, startProcess, waitReady } from "./processes";

/** The gateway's edge: rate limits by viewer, trusted documents, a supergraph that changes without a restart. */
// The gateway's private keys, also written to a file for the gateway processes; the test graph's subgraphs trust them.
const privateKeys: { keys: Awaited<ReturnType<typeof newSigningKey>>[] } = { keys: [] };
const graphOptions: Parameters<typeof useTestGraph>[0] = {};
beforeAll(async () => {
  privateKeys.keys.push(await newSigningKey());
  graphOptions.signingKeys = await signingKeysFrom(privateKeys);
});
const graph = useTestGraph(graphOptions);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-"));
const networksQuery = `{ networks { id } }`;
const gateways: { close(): Promise<void> }[] = [];

async function gateway(options: Partial<GatewayOptions>): Promise<string> {
  const started = await startGateway({
    signingKeys: graph.signingKeys,
    port: 0,
    host: "127.0.0.1",
    subgraphUrls: Object.fromEntries(graph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url])),
    rateLimits: false,
    ...options,
  });
  gateways.push(started);
  return started.url;
}

afterAll(async () => {
  for (const started of gateways) await started.close();
  await killAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const member = async (sub: string) => bearer(await clientToken({ sub, networks: { ejcn: ["MEMBER"] } }));

describe("rate limits", () => {
  const limits = { anonymous: 50, member: 1000, privileged: 5000, windowSeconds: 60 };

  it("refuses a burst past an anonymous client's allowance with RATE_LIMITED and a retry time, and serves others", async () => {
    const url = await gateway({ rateLimits: limits });
    const answers = [];
    // { networks { id } } costs 10 (a list of at most ten networks): five fit in 50, the sixth not.
    for (let request = 0; request < 6; request += 1) answers.push(await postGraphQL(url, { query: networksQuery }));
    expect(answers.slice(0, 5).map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const refused = answers[5];
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.body.errors?.[0].extensions).toMatchObject({
      code: "RATE_LIMITED",
      limit: 50,
      windowSeconds: 60,
      retryAfterSeconds: expect.any(Number),
    });
    expect(refused.body.data).toBeUndefined();
    // A signed-in viewer has an allowance of their own.
    const other = await postGraphQL(url, { query: networksQuery }, await member(`member-${randomSuffix()}`));
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });

  it("does nothing of a refused operation", async () => {
    const url = await gateway({ rateLimits: { ...limits, anonymous: 1 } });
    const before = graph.statementCount();
    const refused = await postGraphQL(url, { query: `{ countries(first: 5) { edges { node { code } } } }` });
    expect(refused.status).toBe(429);
    expect(graph.statementCount()).toBe(before);
  });

  it("charges by cost: one costly query can use what ten cheap ones would", async () => {
    const url = await gateway({ rateLimits: { ...limits, anonymous: 150 } });
    const costly = `{ countries(first: 100) { edges { node { code } } } }`;
    expect((await postGraphQL(url, { query: costly })).status).toBe(200);
    const second = await postGraphQL(url, { query: costly });
    expect(second.status).toBe(429);
    expect(second.body.errors?.[0].extensions?.cost).toBeGreaterThan(100);
  });
});

// Two gateway processes counting in one PostgreSQL table: the allowance holds across them.
const postgresUrl = testDatabaseUrl === "memory://" ? null : testDatabaseUrl;
(postgresUrl ? describe : describe.skip)("rate limits across two gateway processes sharing PostgreSQL", () => {
  it("counts one viewer's requests to either gateway against one allowance", async () => {
    const keysFile = path.join(dir, "signing-keys.json");
    fs.writeFileSync(keysFile, JSON.stringify(privateKeys), { mode: 0o600 });
    const subgraphNames = graph.subgraphs.map((subgraph) => subgraph.name);
    const urls: string[] = [];
    for (const name of ["first", "second"]) {
      const port = await freePort();
      const process = startProcess({
        name: `gateway ${name}`,
        script: "scripts/start-gateway.ts",
        env: childEnv(subgraphNames, {
          NODE_ENV: "development",
          PORT: String(port),
          HOST: "127.0.0.1",
          GATEWAY_SIGNING_KEYS_FILE: keysFile,
          GATEWAY_RATE_LIMIT_DATABASE_URL: postgresUrl!.split("?")[0],
          GATEWAY_RATE_LIMIT_MEMBER: "100",
          ...Object.fromEntries(
            graph.subgraphs.map((subgraph) => [subgraphEnvName(subgraph.name, "URL"), subgraph.url]),
          ),
        }),
      });
      await waitReady(`http://127.0.0.1:${port}`, process);
      urls.push(`http://127.0.0.1:${port}/graphql`);
    }
    const viewer = await member(`shared-${randomSuffix()}`);
    const statuses: number[] = [];
    // Requests of cost 10 each, alternately to each gateway: ten fit in 100 together, not twenty.
    for (let request = 0; request < 14; request += 1)
      statuses.push((await postGraphQL(urls[request % 2], { query: networksQuery }, viewer)).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
  }, 300_000);
});

describe("trusted documents", () => {
  const trusted = "query Networks { networks { id acronym } }";
  const trustedId = crypto.createHash("sha256").update(trusted).digest("hex");
  const manifests = path.join(dir, "manifests");
  const byId = (id: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: id } } });

  beforeAll(() => {
    fs.mkdirSync(manifests, { recursive: true });
    fs.writeFileSync(
      path.join(manifests, "prosecutor-app.json"),
      JSON.stringify({
        format: "apollo-persisted-query-manifest",
        version: 1,
        operations: [{ id: trustedId, name: "Networks", type: "query", body: trusted }],
      }),
    );
  });

  describe("in required mode", () => {
    let url: string;
    beforeAll(async () => {
      url = await gateway({ trustedDocuments: { mode: "required", dir: manifests } });
    });

    it("runs a manifest operation by its id", async () => {
      const { status, body } = await postGraphQL(url, byId(trustedId));
      expect(status).toBe(200);
      expect(body.data.networks.length).toBeGreaterThan(0);
    });

    it("refuses a free document with its own code", async () => {
      const { status, body } = await postGraphQL(url, { query: networksQuery });
      expect(status).toBe(400);
      expect(body.errors?.[0].extensions?.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
      expect(body.data).toBeUndefined();
    });

    it("refuses an unknown id, and registers nothing", async () => {
      const unknown = crypto.createHash("sha256").update(networksQuery).digest("hex");
      const registering = await postGraphQL(url, { query: networksQuery, ...byId(unknown) });
      expect(registering.body.errors?.[0].extensions?.code).toBe("TRUSTED_DOCUMENT_REQUIRED");
      const { body } = await postGraphQL(url, byId(unknown));
      expect(body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    });

    it("runs an analyst's or a network admin's free query", async () => {
      const analyst = bearer(await clientToken({ sub: "analyst", analyst: true }));
      expect((await postGraphQL(url, { query: networksQuery }, analyst)).body.errors).toBeUndefined();
      const admin = bearer(await clientToken({ sub: "admin", networks: { ejcn: ["NETWORK_ADMIN"] } }));
      expect((await postGraphQL(url, { query: networksQuery }, admin)).body.errors).toBeUndefined();
    });
  });

  it("in allow mode runs both manifest ids and free documents", async () => {
    const url = await gateway({ trustedDocuments: { mode: "allow", dir: manifests } });
    expect((await postGraphQL(url, byId(trustedId))).body.errors).toBeUndefined();
    expect((await postGraphQL(url, { query: networksQuery })).body.errors).toBeUndefined();
  });
});

describe("a supergraph that changes without a restart", () => {
  const full = fs.readFileSync(supergraphPath, "utf8");
  // The supergraph without Network.forum, as before the gpen subgraph added it.
  const withoutForum = print(
    visit(parse(full), {
      FieldDefinition: (field, _key, _parent, _path, ancestors) => {
        const owner = ancestors.at(-1);
        const isNetwork =
          owner && "kind" in owner && owner.kind === Kind.OBJECT_TYPE_DEFINITION && owner.name.value === "Network";
        return isNetwork && field.name.value === "forum" ? null : undefined;
      },
    }),
  );
  const eventsDescription = `"""Its events in start order."""`;

  it("serves a new description, then a new field, under load with no failed request; a broken file changes nothing", async () => {
    expect(withoutForum).not.toContain("forum: Forum");
    const file = path.join(dir, "supergraph.graphql");
    const urls = Object.fromEntries(graph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
    const localised = (sdl: string) =>
      sdl.replace(
        /@join__graph\(name: "([^"]+)", url: "[^"]+"\)/g,
        (_m, name: string) => `@join__graph(name: "${name}", url: "${urls[name]}")`,
      );
    fs.writeFileSync(file, localised(withoutForum));
    const url = await gateway({ supergraphFile: file });
    const readiness = async () =>
      (await (await fetch(url.replace("/graphql", "/ready"))).json()) as { supergraph: { hash: string } };
    const firstHash = (await readiness()).supergraph.hash;

    // Load: two clients asking all along; every answer must be whole.
    let failures = 0;
    let answered = 0;
    let loading = true;
    const client = async () => {
      while (loading) {
        const { status, body } = await postGraphQL(url, { query: `{ networks { id acronym } }` });
        if (status !== 200 || body.errors) failures += 1;
        answered += 1;
      }
    };
    const load = [client(), client()];
    const within = async (seconds: number, condition: () => Promise<boolean>) => {
      const deadline = Date.now() + seconds * 1000;
      while (Date.now() < deadline) {
        if (await condition()) return true;
        await sleep(200);
      }
      return false;
    };
    const description = async () => {
      const { body } = await postGraphQL(url, {
        query: `{ __type(name: "Network") { fields { name description } } }`,
      });
      return (body.data.__type.fields as { name: string; description: string }[]).find(
        (field) => field.name === "events",
      )?.description;
    };
    try {
      fs.writeFileSync(file, localised(withoutForum.replace(eventsDescription, `"""Its events (reloaded)."""`)));
      expect(await within(10, async () => (await description()) === "Its events (reloaded).")).toBe(true);

      fs.writeFileSync(file, localised(full));
      const forum = `{ network(id: "gpen") { forum { threadCount } } }`;
      const gpenMember = bearer(await clientToken({ sub: "gpen-member", networks: { gpen: ["MEMBER"] } }));
      const forumAnswers = async () => !(await postGraphQL(url, { query: forum }, gpenMember)).body.errors;
      expect(await within(10, forumAnswers)).toBe(true);
      const servedHash = (await readiness()).supergraph.hash;
      expect(servedHash).not.toBe(firstHash);

      fs.writeFileSync(file, "type Query { broken");
      await sleep(3000);
      expect(await forumAnswers()).toBe(true);
      expect((await readiness()).supergraph.hash).toBe(servedHash);
      const metrics = await (await fetch(url.replace("/graphql", "/metrics"))).text();
      expect(metrics).toContain(`gateway_supergraph_loaded_timestamp_seconds{hash="${servedHash}"}`);
    } finally {
      loading = false;
      await Promise.all(load);
    }
    expect(answered).toBeGreaterThan(10);
    expect(failures).toBe(0);
  }, 120_000);
});
