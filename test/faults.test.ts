// Fault tests with real processes and real signals (issue 13): a subgraph SIGKILLed during a bounded load and started
// again, and `kill -9` of the whole stack that `npm start` runs while writes are in flight, then a restart on the same
// data. Both run on embedded PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { PGlite } from "@electric-sql/pglite";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { subgraphEnvName } from "../common/config";
import { startSubgraph, type RunningSubgraph } from "../common/subgraph";
import { newSigningKey, signingKeysFrom, viewerKeysFrom } from "../common/viewer-token";
import { subgraphs } from "../subgraphs";
import { completePreservation } from "./fixtures";
import { bearer, clientToken, dropTarget, postGraphQL, testDatabaseUrl, testTarget } from "./harness";
import {
  childEnv,
  dropSchema,
  freePort,
  getStatus,
  killAll,
  randomSuffix,
  sleep,
  stackEnv,
  startProcess,
  waitReady,
  waitUntil,
  withPostgres,
  withSchema,
  type ServiceProcess,
} from "./processes";

const onPostgres = testDatabaseUrl !== "memory://";
const subgraphNames = subgraphs.map((definition) => definition.name);
/** FAULTS_SUMMARY=1 prints the figures of each run (for the README's "Failure behaviour"). */
const summary = (line: string) => {
  if (process.env.FAULTS_SUMMARY) console.log(line);
};

/** Equal as JSON (answers parsed by fetch and by the test's own JSON have different prototypes under jest). */
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A country's own fields (members subgraph) and the ones the contacts subgraph adds to it. */
const profile = `{ country(code: "PT") { name networks { acronym } contactPoints { kind } } }`;

interface Sample {
  startedAt: number;
  endedAt: number;
  status: number | null;
  body?: any;
  /** The start of a body that is not JSON. */
  text?: string;
  /** No HTTP answer at all (refused, reset, timed out). */
  error?: string;
}

/** `clients` clients, each posting `query` in a loop (a short pause between), until stopped. */
function startLoad(url: string, query: string, headers: Record<string, string>, clients: number) {
  let running = true;
  const samples: Sample[] = [];
  const client = async () => {
    while (running) {
      const startedAt = Date.now();
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query }),
          // A hang is a fault too.
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        samples.push({
          startedAt,
          endedAt: Date.now(),
          status: response.status,
          body,
          text: body === undefined ? text.slice(0, 300) : undefined,
        });
      } catch (error) {
        samples.push({ startedAt, endedAt: Date.now(), status: null, error: String(error) });
      }
      await sleep(20);
    }
  };
  const loops = Array.from({ length: clients }, client);
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** What in an error would tell a client about the inside: addresses, URLs, socket errors, stack frames. */
function leakIn(error: { message: string; extensions?: Record<string, unknown> }, port: number): string | null {
  const text = JSON.stringify({ message: error.message, extensions: error.extensions ?? {} });
  const patterns: [string, RegExp][] = [
    ["a loopback address", /127\.0\.0\.1|localhost|\[::1\]/i],
    ["a URL", /\bhttps?:\/\//i],
    ["the subgraph's port", new RegExp(`\\b${port}\\b`)],
    ["a socket error", /\bE(CONNREFUSED|CONNRESET|PIPE|HOSTUNREACH|TIMEDOUT)\b|socket hang up/i],
    ["a stack frame", /\bat .*:\d+:\d+|\.[jt]s:\d+/],
  ];
  for (const [what, pattern] of patterns) if (pattern.test(text)) return what;
  for (const key of ["stacktrace", "exception"]) if (error.extensions && key in error.extensions) return key;
  return null;
}

describe("a subgraph killed during a bounded load, and started again", () => {
  const victim = "contacts";
  const clients = 4;
  let dir: string;
  let victimPort: number;
  let gatewayBase: string;
  let victimEnv: NodeJS.ProcessEnv;
  let victimProcess: ServiceProcess | undefined;
  let gatewayProcess: ServiceProcess | undefined;
  const inProcess: RunningSubgraph[] = [];
  let dropVictimDatabase: (() => Promise<void>) | undefined;
  const savedGatewayUrl = process.env.GATEWAY_URL;

  const startVictim = () =>
    startProcess({
      name: `the ${victim} subgraph`,
      script: "scripts/start-subgraph.ts",
      args: [victim],
      env: victimEnv,
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "faults-subgraph-"));
    // The gateway (a child) signs viewer tokens with this key; every subgraph holds its public half.
    const privateKeys = { keys: [await newSigningKey()] };
    const keys = await signingKeysFrom(privateKeys);
    const signingKeysFile = path.join(dir, "gateway-signing-keys.json");
    const publicKeysFile = path.join(dir, "gateway-public-keys.json");
    fs.writeFileSync(signingKeysFile, JSON.stringify(privateKeys), { mode: 0o600 });
    fs.writeFileSync(publicKeysFile, JSON.stringify(keys.published));
    victimPort = await freePort();
    const gatewayPort = await freePort();
    gatewayBase = `http://127.0.0.1:${gatewayPort}`;

    // The victim keeps its data across the kill: a PGlite folder, or a PostgreSQL schema of its own.
    let database: Record<string, string>;
    if (onPostgres) {
      const schema = `test_fault_${victim}_${randomSuffix()}`;
      database = { DATABASE_URL: withSchema(testDatabaseUrl, schema) };
      dropVictimDatabase = () => dropSchema(testDatabaseUrl, schema);
    } else {
      database = { PGLITE_DIR: path.join(dir, "pglite") };
    }
    victimEnv = childEnv(subgraphNames, {
      NODE_ENV: "development",
      ...database,
      [subgraphEnvName(victim, "PORT")]: String(victimPort),
      GATEWAY_PUBLIC_KEYS_FILE: publicKeysFile,
      GATEWAY_URL: `${gatewayBase}/graphql`,
    });
    victimProcess = startVictim();

    // The other subgraphs here, on fresh databases; they check references through the gateway.
    process.env.GATEWAY_URL = `${gatewayBase}/graphql`;
    for (const definition of subgraphs.filter((subgraph) => subgraph.name !== victim)) {
      inProcess.push(
        await startSubgraph(definition, {
          target: testTarget(definition.name),
          port: 0,
          viewerKeys: viewerKeysFrom(keys.published),
        }),
      );
    }
    gatewayProcess = startProcess({
      name: "the gateway",
      script: "scripts/start-gateway.ts",
      env: childEnv(subgraphNames, {
        NODE_ENV: "development",
        PORT: String(gatewayPort),
        HOST: "127.0.0.1",
        GATEWAY_SIGNING_KEYS_FILE: signingKeysFile,
        [subgraphEnvName(victim, "URL")]: `http://127.0.0.1:${victimPort}/graphql`,
        ...Object.fromEntries(inProcess.map((subgraph) => [subgraphEnvName(subgraph.name, "URL"), subgraph.url])),
      }),
    });
    await waitReady(`http://127.0.0.1:${victimPort}`, victimProcess);
    await waitReady(gatewayBase, gatewayProcess);
  }, 300_000);

  afterAll(async () => {
    await killAll();
    for (const subgraph of inProcess) {
      await subgraph.stop();
      await dropTarget(subgraph.database.target);
    }
    await dropVictimDatabase?.();
    if (savedGatewayUrl === undefined) delete process.env.GATEWAY_URL;
    else process.env.GATEWAY_URL = savedGatewayUrl;
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("keeps the gateway up and the other subgraphs' fields answering, and answers in full again within 10 s of the restart", async () => {
    const url = `${gatewayBase}/graphql`;
    const headers = bearer(await clientToken({ sub: "fault-member", networks: { ejcn: ["MEMBER"] } }));
    const baseline = await postGraphQL(url, { query: profile }, headers);
    expect(baseline.status).toBe(200);
    expect(baseline.body.errors).toBeUndefined();
    const networks = baseline.body.data.country.networks;
    expect(networks.length).toBeGreaterThan(0);
    expect(baseline.body.data.country.contactPoints.length).toBeGreaterThan(0);

    /** "full", "partial" (the contract during the outage), or what is wrong with the answer. */
    const verdict = (sample: Sample): string => {
      if (sample.error) return `no answer: ${sample.error}`;
      if (sample.status !== 200) return `HTTP ${sample.status}: ${sample.text ?? JSON.stringify(sample.body)}`;
      const shown = JSON.stringify(sample.body).slice(0, 500);
      const country = sample.body?.data?.country;
      const errors: { message: string; path?: unknown; extensions?: Record<string, unknown> }[] =
        sample.body?.errors ?? [];
      if (country?.name !== "Portugal") return `the country's own fields are lost: ${shown}`;
      if (!sameJson(country.networks, networks)) return `networks differ: ${shown}`;
      if (errors.length === 0)
        return Array.isArray(country.contactPoints) && country.contactPoints.length > 0
          ? "full"
          : `contactPoints missing without an error: ${shown}`;
      if (country.contactPoints !== null) return `an error beside contactPoints: ${shown}`;
      for (const error of errors) {
        if (error.extensions?.code !== "SUBGRAPH_UNAVAILABLE")
          return `code ${String(error.extensions?.code)}: ${shown}`;
        if (error.extensions?.subgraph !== victim) return `extensions.subgraph is not "${victim}": ${shown}`;
        if (!sameJson(error.path, ["country", "contactPoints"])) return `error path: ${shown}`;
        const leak = leakIn(error, victimPort);
        if (leak) return `the error shows ${leak}: ${shown}`;
      }
      return "partial";
    };

    const load = startLoad(url, profile, headers, clients);
    const health: (number | null)[] = [];
    let killedAt = 0;
    let deadAt = 0;
    let restartedAt = 0;
    let readyAt = 0;
    let recoveredAt = 0;
    try {
      await waitUntil("answering 20 requests under load", async () => load.samples.length >= 20, {
        timeoutMs: 60_000,
      });
      killedAt = Date.now();
      victimProcess!.signalGroup("SIGKILL");
      await victimProcess!.exited;
      deadAt = Date.now();
      // The outage: five seconds under load, the gateway's own health checked in the middle.
      await sleep(2500);
      health.push(await getStatus(`${gatewayBase}/health`));
      await sleep(2500);
      restartedAt = Date.now();
      victimProcess = startVictim();
      await waitReady(`http://127.0.0.1:${victimPort}`, victimProcess);
      readyAt = Date.now();
      // Full again: five answers in a row, asked after the subgraph was ready.
      const deadline = readyAt + 10_000;
      while (!recoveredAt) {
        const last = load.samples.filter((sample) => sample.startedAt >= readyAt).slice(-5);
        if (last.length === 5 && last.every((sample) => verdict(sample) === "full")) recoveredAt = last[0].endedAt;
        else if (Date.now() > deadline) break;
        else await sleep(100);
      }
      // And so it stays.
      await sleep(2000);
    } finally {
      await load.stop();
    }
    health.push(await getStatus(`${gatewayBase}/health`));

    const samples = load.samples;
    const count = (list: Sample[], kind: string) => list.filter((sample) => verdict(sample) === kind).length;
    summary(
      `subgraph kill (${onPostgres ? "PostgreSQL" : "PGlite"}): ${samples.length} answers, ${count(samples, "full")} full, ${count(samples, "partial")} partial; ` +
        `restart to ready ${((readyAt - restartedAt) / 1000).toFixed(1)} s, ready to full answers ${recoveredAt ? ((recoveredAt - readyAt) / 1000).toFixed(1) : "never"} s; ` +
        `a partial answer: ${JSON.stringify(samples.find((sample) => verdict(sample) === "partial")?.body ?? null)}`,
    );

    // The gateway never went down.
    expect(gatewayProcess!.running()).toBe(true);
    expect(health).toEqual([200, 200]);
    // Every answer is either full or the partial answer of the contract: no 5xx, no lost fields, no leaks.
    const wrong = samples.map((sample) => verdict(sample)).filter((kind) => kind !== "full" && kind !== "partial");
    expect({ wrong: wrong.length, first: wrong.slice(0, 3) }).toEqual({ wrong: 0, first: [] });
    // Before the kill, full answers.
    const before = samples.filter((sample) => sample.endedAt < killedAt);
    expect(before.length).toBeGreaterThan(0);
    expect(count(before, "full")).toBe(before.length);
    // While it was down, partial answers, and enough of them to say so.
    const outage = samples.filter((sample) => sample.startedAt >= deadAt && sample.endedAt <= restartedAt);
    expect(outage.length).toBeGreaterThanOrEqual(clients);
    expect(count(outage, "partial")).toBe(outage.length);
    // Within 10 s of the restart, full answers again, and only those after.
    expect(recoveredAt - readyAt).toBeGreaterThan(0);
    expect(recoveredAt - readyAt).toBeLessThanOrEqual(10_000);
    const after = samples.filter((sample) => sample.startedAt >= recoveredAt);
    expect(after.length).toBeGreaterThan(0);
    expect(count(after, "full")).toBe(after.length);
  }, 240_000);
});

// Writes of the kill -9 test: a cooperation request drafted and moved three steps (each a request row and a history
// row in one transaction), and contact points replaced along a chain (a new row, and the old one closed and linked).
const requestFields = `id caseReference status version history { fromStatus status version }`;
const createRequest = `mutation ($input: CreateCooperationRequestInput!) { createCooperationRequest(input: $input) { ${requestFields} } }`;
const stepRequest = `mutation ($id: ID!, $to: RequestStatus!, $version: Int!) {
  transitionCooperationRequest(id: $id, to: $to, expectedVersion: $version) { ${requestFields} }
}`;
const replaceContactPoint = `mutation ($id: ID!, $details: ContactPointDetailsInput!) {
  replaceContactPoint(id: $id, details: $details) { id institution source current }
}`;
const requestCreator = "fault-pt-cp";
const preservation = {
  kind: "PRESERVATION",
  requestingCountry: "PT",
  requestedCountry: "NO",
  requestedAuthority: "no-kripos",
  urgent: true,
  content: completePreservation,
};
const steps: [string, "pt" | "no"][] = [
  ["SENT", "pt"],
  ["ACKNOWLEDGED", "no"],
  ["IN_PROGRESS", "no"],
];
/** Contact points replaced along a chain each, by an EJCN admin. */
const chains = ["cp-ejcn-pt", "cp-ejcn-no"];

type Acknowledged =
  | { kind: "request"; id: string; caseReference: string; version: number; status: string }
  | { kind: "replacement"; chain: string; replaced: string; id: string; institution: string; source: string };

interface StoredRequest {
  id: string;
  caseReference: string;
  status: string;
  version: number;
  history: { fromStatus: string | null; status: string; version: number }[];
}

/** A request whose history does not tell, step by step, how it came to its status and version. */
function inconsistency(request: StoredRequest): string | null {
  const { history } = request;
  if (history.length !== request.version) return `${history.length} history rows for version ${request.version}`;
  for (const [index, event] of history.entries()) {
    if (event.version !== index + 1) return `history row ${index} has version ${event.version}`;
    const from = index === 0 ? null : history[index - 1].status;
    if (event.fromStatus !== from) return `history row ${index} goes from ${event.fromStatus}, not ${from}`;
  }
  if (history[0]?.status !== "DRAFT") return "the first history row is not DRAFT";
  if (history.at(-1)!.status !== request.status) return `status ${request.status}, last history row otherwise`;
  return null;
}

/** A chain of replacements: from its first entry, each closed entry points to the next; one current at the end. */
function chainProblem(
  start: string,
  rows: { id: string; institution: string | null; current: boolean; replacedById: string | null }[],
): string | null {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const walked: string[] = [];
  let row = byId.get(start);
  while (row) {
    if (walked.includes(row.id)) return `a cycle at ${row.id}`;
    walked.push(row.id);
    if (row.current) break;
    if (!row.replacedById) return `${row.id} is closed without a replacement`;
    const next = byId.get(row.replacedById);
    if (!next) return `${row.id} is replaced by ${row.replacedById}, which does not exist`;
    row = next;
  }
  if (!row?.current) return `the chain from ${start} has no current entry`;
  const ownRows = rows.filter(
    (candidate) => candidate.id === start || candidate.institution?.startsWith(`fault-${start}-`),
  );
  const stray = ownRows.filter((candidate) => !walked.includes(candidate.id)).map((candidate) => candidate.id);
  if (stray.length > 0) return `replacements outside the chain from ${start} (half-applied?): ${stray.join(", ")}`;
  return null;
}

describe("kill -9 of the whole stack during writes, then a restart on the same data", () => {
  let dir: string;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "faults-stack-"));
  });
  afterAll(async () => {
    await killAll();
    await dropDatabase?.();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("keeps every acknowledged write with the values returned, applies none by half, and serves normally", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const url = `${base}/graphql`;
    const prepared = await stackEnv({
      subgraphNames,
      port,
      pgliteDir: path.join(dir, "data"),
      postgresServerUrl: onPostgres ? testDatabaseUrl : null,
    });
    dropDatabase = prepared.drop;
    const { env, databaseUrl } = prepared;
    const tokens = {
      pt: bearer(
        await clientToken({ sub: requestCreator, authorityId: "pt-pgr", networks: { "coe-24-7": ["CONTACT_POINT"] } }),
      ),
      no: bearer(
        await clientToken({
          sub: "fault-no-cp",
          authorityId: "no-kripos",
          networks: { "coe-24-7": ["CONTACT_POINT"] },
        }),
      ),
      admin: bearer(await clientToken({ sub: "fault-ejcn-admin", networks: { ejcn: ["MEMBER", "NETWORK_ADMIN"] } })),
    };
    const servesInFull = async () => {
      try {
        const { status, body } = await postGraphQL(url, { query: profile });
        return status === 200 && !body.errors && body.data.country.contactPoints.length > 0;
      } catch {
        return false;
      }
    };
    const startStack = async () => {
      const stack = startProcess({ name: "npm start", script: "scripts/start.ts", env });
      await waitUntil(
        "serving the graph",
        async () => (await getStatus(`${base}/ready`)) === 200 && (await servesInFull()),
        { timeoutMs: 180_000, service: stack },
      );
      return stack;
    };

    const firstStart = Date.now();
    let stack = await startStack();
    const startSeconds = (Date.now() - firstStart) / 1000;

    const acknowledged: Acknowledged[] = [];
    const failures: string[] = [];
    let inFlight = 0;
    let killed = false;
    /** A write; its answer when acknowledged (HTTP 200, no errors, an id), else null. */
    const write = async (
      query: string,
      variables: Record<string, unknown>,
      headers: Record<string, string>,
      field: string,
    ) => {
      inFlight += 1;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(60_000),
        });
        const body = await response.json();
        if (response.status === 200 && !body.errors && body.data?.[field]?.id) return body.data[field];
        if (!killed) failures.push(`HTTP ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
        return null;
      } catch (error) {
        if (!killed) failures.push(String(error));
        return null;
      } finally {
        inFlight -= 1;
      }
    };
    const requestWriter = async (writer: number) => {
      for (let round = 0; !killed; round += 1) {
        const key = `fault-${writer}-${round}`;
        let request = await write(
          createRequest,
          { input: { ...preservation, caseReference: key, idempotencyKey: key } },
          tokens.pt,
          "createCooperationRequest",
        );
        if (!request) return;
        acknowledged.push({ kind: "request", ...request });
        for (const [to, side] of steps) {
          if (killed) return;
          request = await write(
            stepRequest,
            { id: request.id, to, version: request.version },
            tokens[side],
            "transitionCooperationRequest",
          );
          if (!request) return;
          acknowledged.push({ kind: "request", ...request });
        }
      }
    };
    const replacementWriter = async (chain: string) => {
      let current = chain;
      for (let round = 0; !killed; round += 1) {
        const details = {
          institution: `fault-${chain}-${round}`,
          languages: ["en"],
          twentyFourSeven: false,
          officeHours: { days: [1, 2, 3, 4, 5], opensAt: "09:00", closesAt: "17:00", timeZone: "Europe/Lisbon" },
          source: `fault test, ${chain} replacement ${round}`,
        };
        const replacement = await write(
          replaceContactPoint,
          { id: current, details },
          tokens.admin,
          "replaceContactPoint",
        );
        if (!replacement) return;
        acknowledged.push({ kind: "replacement", chain, replaced: current, ...replacement });
        current = replacement.id;
      }
    };
    const writers = [requestWriter(0), requestWriter(1), ...chains.map(replacementWriter)];

    // Mid-stream: after a good number of acknowledged writes, at a moment when some are in flight.
    const writesFrom = Date.now();
    await waitUntil(
      "40 writes acknowledged",
      async () => failures.length > 0 || (acknowledged.length >= 40 && Date.now() - writesFrom >= 3000),
      { timeoutMs: 120_000, service: stack },
    );
    expect(failures).toEqual([]);
    await waitUntil("writes in flight", async () => inFlight >= 2, { timeoutMs: 10_000, intervalMs: 1 });
    killed = true;
    const inFlightAtKill = inFlight;
    stack.signalGroup("SIGKILL");
    await stack.exited;
    await Promise.all(writers);

    const restart = Date.now();
    stack = await startStack();
    const restartSeconds = (Date.now() - restart) / 1000;

    // Through the graph: every acknowledged write, with the values it returned.
    const requestIds = [...new Set(acknowledged.flatMap((write) => (write.kind === "request" ? [write.id] : [])))];
    const requestProblems: string[] = [];
    for (const id of requestIds) {
      const { body } = await postGraphQL(
        url,
        { query: `query ($id: ID!) { cooperationRequest(id: $id) { ${requestFields} } }`, variables: { id } },
        tokens.pt,
      );
      const stored: StoredRequest | null = body.data?.cooperationRequest ?? null;
      if (!stored) {
        requestProblems.push(`${id}: gone (${JSON.stringify(body.errors ?? null)})`);
        continue;
      }
      const acks = acknowledged.filter(
        (write): write is Extract<Acknowledged, { kind: "request" }> => write.kind === "request" && write.id === id,
      );
      const latest = Math.max(...acks.map((ack) => ack.version));
      const problem = inconsistency(stored);
      if (problem) requestProblems.push(`${id}: ${problem}`);
      // At most the one step in flight at the kill may have been applied after the last acknowledged one.
      if (stored.version < latest || stored.version > latest + 1)
        requestProblems.push(`${id}: version ${stored.version}, last acknowledged ${latest}`);
      if (stored.caseReference !== acks[0].caseReference) requestProblems.push(`${id}: caseReference changed`);
      for (const ack of acks) {
        if (stored.history[ack.version - 1]?.status !== ack.status)
          requestProblems.push(`${id}: version ${ack.version} was acknowledged as ${ack.status}`);
      }
    }
    expect(requestProblems).toEqual([]);

    const contactPoint = `query ($id: ID!) { contactPoint(id: $id) { id institution source current replacedBy { id } } }`;
    const replacementProblems: string[] = [];
    for (const ack of acknowledged) {
      if (ack.kind !== "replacement") continue;
      const [replaced, replacement] = await Promise.all(
        [ack.replaced, ack.id].map(
          async (id) => (await postGraphQL(url, { query: contactPoint, variables: { id } })).body.data?.contactPoint,
        ),
      );
      if (!replacement) replacementProblems.push(`${ack.id}: gone`);
      else if (replacement.institution !== ack.institution || replacement.source !== ack.source)
        replacementProblems.push(`${ack.id}: stored as ${JSON.stringify(replacement)}`);
      if (replaced?.current !== false || replaced?.replacedBy?.id !== ack.id)
        replacementProblems.push(`${ack.replaced}: not closed and linked to ${ack.id}: ${JSON.stringify(replaced)}`);
    }
    expect(replacementProblems).toEqual([]);
    for (const [chain, country] of [
      ["cp-ejcn-pt", "PT"],
      ["cp-ejcn-no", "NO"],
    ]) {
      const { body } = await postGraphQL(url, {
        query: `query ($country: ID!) { contactPoints(filter: { country: $country, network: "ejcn" }) { totalCount } }`,
        variables: { country },
      });
      expect({ chain, current: body.data?.contactPoints.totalCount }).toEqual({ chain, current: 1 });
    }

    // The graph serves normally: reads in full, and a new write goes through and reads back.
    expect(await servesInFull()).toBe(true);
    const after = await postGraphQL(
      url,
      { query: createRequest, variables: { input: { ...preservation, caseReference: "fault-after-restart" } } },
      tokens.pt,
    );
    expect(after.body.errors).toBeUndefined();
    const created = after.body.data.createCooperationRequest;
    const sent = await postGraphQL(
      url,
      { query: stepRequest, variables: { id: created.id, to: "SENT", version: 1 } },
      tokens.pt,
    );
    expect(sent.body.errors).toBeUndefined();
    expect(sent.body.data.transitionCooperationRequest).toMatchObject({ status: "SENT", version: 2 });

    // In SQL, every row the writes made, acknowledged or not: no request without its history, no stray replacement.
    // PGlite allows one process per folder: the restarted stack stops first.
    if (!onPostgres) await stack.stop();
    const rows = await storedRows(databaseUrl ? { postgres: databaseUrl } : { pgliteDir: path.join(dir, "data") });
    if (onPostgres) await stack.stop();
    const sqlProblems = [
      ...rows.requests.flatMap((request) => {
        const problem = inconsistency(request);
        return problem ? [`${request.id}: ${problem}`] : [];
      }),
      ...chains.flatMap((chain) => chainProblem(chain, rows.contactPoints) ?? []),
    ];
    expect(sqlProblems).toEqual([]);
    const acknowledgedRequests = new Set(requestIds);
    const unacknowledged = rows.requests.filter(
      (request) => !acknowledgedRequests.has(request.id) && request.caseReference !== "fault-after-restart",
    );
    // At most one draft per request writer was in flight unacknowledged.
    expect(unacknowledged.length).toBeLessThanOrEqual(2);
    expect(rows.requests.length).toBe(requestIds.length + unacknowledged.length + 1);

    summary(
      `kill -9 of the stack (${onPostgres ? "PostgreSQL" : "PGlite"}): start ${startSeconds.toFixed(1)} s, ` +
        `${acknowledged.length} writes acknowledged, ${inFlightAtKill} in flight at the kill, restart ${restartSeconds.toFixed(1)} s, ` +
        `${requestIds.length} requests and ${acknowledged.length - acknowledged.filter((write) => write.kind === "request").length} replacements checked, ` +
        `${unacknowledged.length} unacknowledged drafts found whole`,
    );
  }, 600_000);
});

type StoredContactPoint = { id: string; institution: string | null; current: boolean; replacedById: string | null };

/** The rows the writes made, read in SQL: on the PostgreSQL database, or from the embedded database's folder. */
async function storedRows(
  location: { postgres: string } | { pgliteDir: string },
): Promise<{ requests: StoredRequest[]; contactPoints: StoredContactPoint[] }> {
  const requestsSql = (table: (name: string) => string) => `
    SELECT r.id, r."caseReference", r.status::text AS status, r.version,
      COALESCE(json_agg(json_build_object('fromStatus', e."fromStatus", 'status', e.status, 'version', e.version)
        ORDER BY e.version, e.at) FILTER (WHERE e.id IS NOT NULL), '[]') AS history
    FROM ${table("CooperationRequest")} r LEFT JOIN ${table("RequestEvent")} e ON e."requestId" = r.id
    WHERE r."createdBy" = '${requestCreator}'
    GROUP BY r.id`;
  const contactPointsSql = (table: (name: string) => string) => `
    SELECT id, institution, "validTo" IS NULL AS current, "replacedById"
    FROM ${table("ContactPoint")}
    WHERE id IN (${chains.map((chain) => `'${chain}'`).join(", ")}) OR institution LIKE 'fault-%'`;
  const qualified = (schema: string) => (name: string) => `${schema}."${name}"`;
  if ("postgres" in location) {
    return withPostgres(location.postgres, async (client) => ({
      requests: (await client.query(requestsSql(qualified("requests")))).rows,
      contactPoints: (await client.query(contactPointsSql(qualified("contacts")))).rows,
    }));
  }
  // `npm start` keeps every subgraph in one embedded database, a schema each.
  const database = new PGlite(path.join(location.pgliteDir, "graph"));
  try {
    return {
      requests: (await database.query<StoredRequest>(requestsSql(qualified("requests")))).rows,
      contactPoints: (await database.query<StoredContactPoint>(contactPointsSql(qualified("contacts")))).rows,
    };
  } finally {
    await database.close();
  }
}
