// npm run test:replicas: the graph as replicas, for real, on this machine. haproxy (Debian's package) in front of two
// gateway processes, and in front of two processes each of the requests and contacts subgraphs (their own backends);
// the other subgraphs one process each; one new PostgreSQL database that all of them start on together. A mixed load
// of reads and writes (autocannon) runs for 40 s, during which one replica of each kind is killed with SIGKILL and
// started again. Prints the figures and one line per check, then "N passed, N failed".
import autocannon from "autocannon";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type pg from "pg";
import { processCpuSeconds } from "../bench/processes";
import { subgraphEnvName } from "../common/config";
import { newSigningKey } from "../common/viewer-token";
import { databasePoolSize } from "../deploy/sizing";
import { signClientToken } from "../gateway/auth";
import { subgraphs } from "../subgraphs";
import { startMailPeer } from "../test/peers";
import {
  childEnv,
  freePort,
  freshPostgresDatabase,
  getStatus,
  sleep,
  startProcess,
  waitReady,
  waitUntil,
  withPostgres,
  type ServiceProcess,
} from "../test/processes";

const subgraphNames = subgraphs.map((definition) => definition.name);
/** The subgraphs that run as two replicas behind haproxy; the others run once. */
const replicated = ["requests", "contacts"];

const { values: options } = parseArgs({
  options: {
    database: { type: "string" },
    seconds: { type: "string", default: "40" },
    connections: { type: "string", default: "8" },
  },
});
const serverUrl = (
  options.database ??
  process.env.TEST_DATABASE_URL ??
  "postgresql://postgres@127.0.0.1:5432/postgres"
).split("?")[0];
const loadSeconds = Number(options.seconds);
const connections = Number(options.connections);

interface Check {
  name: string;
  passed: boolean;
  detail?: string;
}

/** One kind of replica (a gateway, or a subgraph's): its processes, the haproxy backend that spreads load over them. */
interface ReplicaSet {
  kind: string;
  start(index: number): ServiceProcess;
  replicas: ServiceProcess[];
  ports: number[];
}

/** What the load sent and got, one entry a request. */
interface Sample {
  operation: string;
  startedAt: number;
  endedAt: number;
  status: number;
  ok: boolean;
  error?: string;
  /** Writes: the idempotency key and input sent, and the id acknowledged. */
  key?: string;
  input?: Record<string, unknown>;
  id?: string;
}

interface GraphQLAnswer {
  data?: { createCooperationRequest?: { id: string } } | null;
  errors?: { message: string }[];
}

/** A replica killed during the load: when the signal went, when it was gone, when its successor was ready. */
interface Kill {
  kind: string;
  sentAt: number;
  goneAt: number;
  readyAt?: number;
}

/** What the run leaves for the checks of notification delivery and reminders, which belong to the outbox. */
interface ReplicaRun {
  /** The run's database; the requests subgraph's tables are in its schema `requests`. */
  databaseUrl: string;
  startedAt: number;
  endedAt: number;
  /** Requests acknowledged to the load (their ids), each sent with its own idempotency key. */
  acknowledgedRequestIds: string[];
}

/**
 * Notification delivery and preservation reminders across the two requests replicas (the outbox and its worker, which
 * runs in every requests replica). Before the load, requests are sent to Norway and executed preservations of
 * Portugal's are set to end within the reminder lead; the SMTP peer answers each message after up to 20 s, so
 * deliveries are in flight when a requests replica is killed. After the load, once the outbox is empty: no
 * notification lost, none sent twice under two idempotency keys, no reminder written or sent twice.
 */
async function startDeliveryPeers() {
  const mail = await startMailPeer(0, 20_000);
  const sentRequests = 20;
  const endingPreservations = 20;
  let endingIds: string[] = [];
  return {
    env: {
      SMTP_URL: mail.url,
      NOTIFICATION_POLL_MS: "500",
      NOTIFICATION_RETRY_BASE_MS: "500",
      // A killed replica's claims lapse within the run; a longer SMTP answer may overlap one (same key twice).
      NOTIFICATION_LEASE_MS: "30000",
    },
    async prepare(graphUrl: string, databaseUrl: string) {
      const graphql = async (
        query: string,
        variables: Record<string, unknown>,
        viewer: Parameters<typeof signClientToken>[0],
      ) => {
        const response = await fetch(`${graphUrl}/graphql`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${await signClientToken(viewer, "10m")}`,
          },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as GraphQLAnswer;
        if (!body.data || body.errors) throw new Error(`prepare: ${body.errors?.[0]?.message ?? response.status}`);
        return body.data;
      };
      const admin = (authorityId: string) => ({
        sub: `replica-test-${authorityId}-admin`,
        name: null,
        networks: { "coe-24-7": ["CONTACT_POINT" as const, "NETWORK_ADMIN" as const] },
        authorityId,
        analyst: false,
      });
      const settings = `mutation ($authority: ID!, $input: NotificationSettingsInput!) {
        setNotificationSettings(authority: $authority, input: $input) { emails } }`;
      for (const authority of ["no-kripos", "pt-pgr"])
        await graphql(
          settings,
          { authority, input: { emails: [`duty@${authority}.example`], language: "EN" } },
          admin(authority),
        );
      for (let index = 0; index < sentRequests; index += 1) {
        const key = `delivery-${crypto.randomUUID()}`;
        const draft = (await graphql(
          `
            mutation ($input: CreateCooperationRequestInput!) {
              createCooperationRequest(input: $input) {
                id
                version
              }
            }
          `,
          { input: preservation(key) },
          admin("pt-pgr"),
        )) as { createCooperationRequest: { id: string; version: number } };
        await graphql(
          `
            mutation ($id: ID!, $version: Int!) {
              transitionCooperationRequest(id: $id, to: SENT, expectedVersion: $version) {
                id
              }
            }
          `,
          draft.createCooperationRequest,
          admin("pt-pgr"),
        );
      }
      // Executed preservations whose period ends in 5 days, as if executed 55 days ago.
      endingIds = Array.from({ length: endingPreservations }, () => crypto.randomUUID());
      await withPostgres(databaseUrl, (client: pg.Client) =>
        client.query(
          `INSERT INTO requests."CooperationRequest" ("id", "kind", "status", "version", "requestingAuthorityId",
             "requestingCountryCode", "requestedAuthorityId", "requestedCountryCode", "caseReference", "createdBy",
             "content", "sentAt", "executedAt", "closedAt", "preservedUntil")
           SELECT id, 'PRESERVATION', 'EXECUTED', 5, 'pt-pgr', 'PT', 'no-kripos', 'NO', 'replica test (fictional)',
             'replica-test', '{}'::jsonb, now() - interval '56 days', now() - interval '55 days',
             now() - interval '55 days', now() + interval '5 days'
           FROM unnest($1::text[]) AS id`,
          [endingIds],
        ),
      );
    },
    async checks(run: ReplicaRun): Promise<Check[]> {
      const outbox = (client: pg.Client) =>
        client
          .query<{ requestId: string; event: string; state: string; idempotencyKey: string }>(
            `SELECT "requestId", "event", "state", "idempotencyKey" FROM requests."Notification"`,
          )
          .then((result) => result.rows);
      const settledBy = Date.now() + 90_000;
      let rows = await withPostgres(run.databaseUrl, outbox);
      while (rows.some((row) => row.state === "PENDING") && Date.now() < settledBy) {
        await sleep(1000);
        rows = await withPostgres(run.databaseUrl, outbox);
      }
      const received = mail.received.map((message) => ({
        key: message.headers.get("idempotency-key") as string,
        about: `${/^Request: (\S+)/m.exec(message.text ?? "")?.[1]} ${message.subject?.split(":")[0]}`,
      }));
      const keysByAbout = new Map<string, Set<string>>();
      for (const { key, about } of received) keysByAbout.set(about, (keysByAbout.get(about) ?? new Set()).add(key));
      const twiceUnderTwoKeys = [...keysByAbout.values()].filter((keys) => keys.size > 1).length;
      const receivedKeys = new Set(received.map((message) => message.key));
      const lost = rows.filter((row) => !receivedKeys.has(row.idempotencyKey));
      const reminders = rows.filter((row) => row.event === "PRESERVATION_ENDING" && endingIds.includes(row.requestId));
      const remindersTwice = endingIds.filter(
        (id) => reminders.filter((row) => row.requestId === id).length > 1,
      ).length;
      const remindedAbout = endingIds.filter((id) =>
        [...keysByAbout.keys()].some((about) => about.startsWith(`${id} `)),
      );
      const sameKeyTwice = received.length - receivedKeys.size;
      return [
        {
          name: "notifications delivered, none lost: 0 lost",
          passed:
            lost.length === 0 &&
            rows.every((row) => row.state === "DELIVERED") &&
            rows.length >= sentRequests + endingPreservations,
          detail: `${rows.length} notifications, ${rows.filter((row) => row.state === "DELIVERED").length} delivered, ${received.length} messages received, ${sameKeyTwice} repeated with the same idempotency key, ${mail.droppedConnections} SMTP connections dropped by a killed replica`,
        },
        {
          name: "notifications sent twice without the same idempotency key: 0",
          passed: twiceUnderTwoKeys === 0,
          detail: `${twiceUnderTwoKeys}`,
        },
        {
          name: "reminders fired twice: 0",
          passed:
            remindersTwice === 0 &&
            reminders.length === endingPreservations &&
            remindedAbout.length === endingPreservations,
          detail: `${reminders.length} reminders written for ${endingPreservations} preservations, ${remindedAbout.length} received, ${remindersTwice} twice`,
        },
      ];
    },
    close: mail.close,
  };
}

const profile = `query Profile($code: ID!) {
  country(code: $code) { code name networks { acronym } contactPoints { id kind } events(upcoming: true) { id } }
}`;
const finder = `query Find($country: ID!) {
  findContactPoints(country: $country, measure: PRESERVATION, urgent: true, first: 5) { id kind reachableNow }
}`;
const expiring = `query Expiring { expiringPreservations(withinDays: 60) { id status preservedUntil } }`;
const create = `mutation Create($input: CreateCooperationRequestInput!) { createCooperationRequest(input: $input) { id } }`;
/** The subgraphs each operation's query plan calls (a new request's authority is checked through the graph). */
const reaches: Record<string, string[]> = {
  countryProfile: ["members", "contacts", "events"],
  findContactPoints: ["contacts"],
  expiringPreservations: ["requests"],
  createCooperationRequest: ["requests", "members"],
};
const countries = ["PT", "ES", "FR", "DE", "NO", "BR", "AR", "IT"];

/** A preservation request from Portugal's PGR to Norway's Kripos, with visibly fictional content. */
const preservation = (key: string) => ({
  kind: "PRESERVATION",
  requestingCountry: "PT",
  requestedCountry: "NO",
  requestedAuthority: "no-kripos",
  caseReference: key,
  idempotencyKey: key,
  urgent: true,
  content: {
    offence: { description: "Computer fraud (Art. 8)", summaryOfFacts: "Replica test: a phishing site (fictional)." },
    dataToPreserve: [{ description: "Traffic data of the hosting account", relationToOffence: "Hosts the site." }],
    custodian: {
      serviceProvider: "Example Hosting AS (fictional)",
      identifiers: [
        { kind: "IP_ADDRESS", value: "192.0.2.10", observedAt: "2026-01-20T21:14:00Z", timeZone: "Europe/Lisbon" },
      ],
    },
    necessity: "Logs are deleted after 30 days.",
    mlaToFollow: true,
    requestingContact: {
      organisation: "PGR Portugal",
      personInCharge: "Ana Exemplo (fictional)",
      email: "ana@example.org",
      officeHours: "Mon-Fri 09:00-17:00",
      timeZone: "Europe/Lisbon",
    },
    preferredResponseChannel: "EMAIL",
    expeditedResponse: true,
  },
});

function haproxyBinary(): string {
  const found = spawnSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" }).stdout.trim();
  if (!found) {
    console.error(
      "haproxy is not installed: `apt-get install -y haproxy` (Debian's package) and run again; .ci/run installs it.",
    );
    process.exit(2);
  }
  return found;
}

/** One frontend per backend, round robin over replicas that answer /ready; a refused connection tries another. */
function haproxyConfig(frontends: { name: string; port: number; servers: number[] }[]): string {
  const lines = [
    "global",
    "  maxconn 2000",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 30s",
    "  timeout server 30s",
    "  timeout check 2s",
    "  retries 3",
    "  option redispatch 1",
    "  default-server inter 500ms fall 2 rise 2",
  ];
  for (const { name, port, servers } of frontends) {
    lines.push(
      `frontend ${name}`,
      `  bind 127.0.0.1:${port}`,
      `  default_backend ${name}-replicas`,
      `backend ${name}-replicas`,
      "  balance roundrobin",
      "  option httpchk GET /ready",
      "  http-check expect status 200",
      ...servers.map((server, index) => `  server ${name}-${index + 1} 127.0.0.1:${server} check`),
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * CPU seconds of each PostgreSQL backend serving the run's database, by pid, where the server runs on this machine
 * (none otherwise). Backends that end before the second reading (a killed replica's) are not counted.
 */
async function postgresCpu(databaseUrl: string): Promise<Map<number, number>> {
  const pids = await withPostgres(databaseUrl, async (client: pg.Client) =>
    (
      await client.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      )
    ).rows.map((row) => row.pid),
  );
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    try {
      seconds.set(pid, processCpuSeconds(pid));
    } catch {
      // Not on this machine, or already ended.
    }
  }
  return seconds;
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

async function main() {
  const haproxy = haproxyBinary();
  const checks: Check[] = [];
  const check = (name: string, passed: boolean, detail?: string) => checks.push({ name, passed, detail });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "replicas-"));
  const database = await freshPostgresDatabase(serverUrl);
  const run = crypto.randomBytes(3).toString("hex");
  const delivery = await startDeliveryPeers();
  let balancer: ChildProcess | undefined;
  /** haproxy's view: each server going down or up, and why. */
  const balancerEvents: { at: number; server: string; state: string; reason: string }[] = [];
  const sets: ReplicaSet[] = [];
  const singles: ServiceProcess[] = [];
  try {
    const keysFile = path.join(dir, "signing-keys.json");
    fs.writeFileSync(keysFile, JSON.stringify({ keys: [await newSigningKey()] }), { mode: 0o600 });
    const front = { graph: await freePort(), requests: await freePort(), contacts: await freePort() };
    const ports = Object.fromEntries(
      await Promise.all(subgraphNames.map(async (name) => [name, await freePort()] as const)),
    );
    const graphUrl = `http://127.0.0.1:${front.graph}`;
    const subgraphUrl = (name: string) =>
      `http://127.0.0.1:${replicated.includes(name) ? front[name as keyof typeof front] : ports[name]}/graphql`;
    const subgraphEnv = (name: string, port: number) =>
      childEnv(subgraphNames, {
        DATABASE_URL: database.url,
        // As the Kubernetes manifests set it (deploy/sizing.ts): replicas multiply connections.
        DATABASE_POOL_SIZE: String(databasePoolSize),
        [subgraphEnvName(name, "PORT")]: String(port),
        // The gateway's keys and the graph through haproxy, as another host would reach them.
        GATEWAY_JWKS_URL: `${graphUrl}/.well-known/jwks.json`,
        GATEWAY_URL: `${graphUrl}/graphql`,
        ...(name === "requests" ? delivery.env : {}),
      });
    const gatewayPorts = [await freePort(), await freePort()];
    sets.push({
      kind: "gateway",
      ports: gatewayPorts,
      replicas: [],
      start: (index) =>
        startProcess({
          name: `gateway ${index + 1}`,
          script: "scripts/start-gateway.ts",
          env: childEnv(subgraphNames, {
            PORT: String(gatewayPorts[index]),
            GATEWAY_SIGNING_KEYS_FILE: keysFile,
            // Cost allowances would refuse a load test's traffic; they agree across replicas in PostgreSQL (tested
            // in test/edge.test.ts).
            GATEWAY_RATE_LIMIT: "off",
            ...Object.fromEntries(subgraphNames.map((name) => [subgraphEnvName(name, "URL"), subgraphUrl(name)])),
          }),
        }),
    });
    for (const name of replicated) {
      const replicaPorts = [await freePort(), await freePort()];
      sets.push({
        kind: name,
        ports: replicaPorts,
        replicas: [],
        start: (index) =>
          startProcess({
            name: `${name} ${index + 1}`,
            script: "scripts/start-subgraph.ts",
            args: [name],
            env: subgraphEnv(name, replicaPorts[index]),
          }),
      });
    }
    const config = path.join(dir, "haproxy.cfg");
    fs.writeFileSync(
      config,
      haproxyConfig([
        { name: "graph", port: front.graph, servers: gatewayPorts },
        ...replicated.map((name) => ({
          name,
          port: front[name as keyof typeof front],
          servers: sets.find((set) => set.kind === name)!.ports,
        })),
      ]),
    );
    const validity = spawnSync(haproxy, ["-c", "-q", "-f", config], { encoding: "utf8" });
    if (validity.status !== 0) throw new Error(`haproxy refuses its configuration: ${validity.stderr}`);

    // Everything at once, on the empty database: replicas of one subgraph race to migrate and seed it.
    const startedAt = Date.now();
    balancer = spawn(haproxy, ["-db", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
    balancer.stderr!.on("data", (chunk: Buffer) => {
      for (const [, server, state, reason] of chunk
        .toString("utf8")
        .matchAll(/Server (\S+) is (UP|DOWN), reason: ([^,]+)/g))
        balancerEvents.push({ at: Date.now(), server, state, reason });
    });
    for (const set of sets) set.replicas = [set.start(0), set.start(1)];
    for (const name of subgraphNames.filter((subgraph) => !replicated.includes(subgraph))) {
      singles.push(
        startProcess({
          name,
          script: "scripts/start-subgraph.ts",
          args: [name],
          env: subgraphEnv(name, ports[name]),
        }),
      );
    }
    const everyProcess = () => [...singles, ...sets.flatMap((set) => set.replicas)];
    await Promise.all([
      ...singles.map((single) => waitReady(`http://127.0.0.1:${ports[single.name]}`, single, 180_000)),
      ...sets.flatMap((set) =>
        set.replicas.map((replica, index) => waitReady(`http://127.0.0.1:${set.ports[index]}`, replica, 180_000)),
      ),
    ]);
    await waitUntil("the graph ready through haproxy", async () => (await getStatus(`${graphUrl}/ready`)) === 200, {
      timeoutMs: 30_000,
    });
    const startSeconds = (Date.now() - startedAt) / 1000;
    check(
      `${everyProcess().length} processes started together on an empty database all serve`,
      everyProcess().every((service) => service.running()),
      `${startSeconds.toFixed(1)} s`,
    );

    // State that must agree between the two gateways: the supergraph they plan with and the keys they publish.
    const gatewayBase = (index: number) => `http://127.0.0.1:${gatewayPorts[index]}`;
    const readiness = await Promise.all(
      [0, 1].map(
        async (index) =>
          (await (await fetch(`${gatewayBase(index)}/ready`)).json()) as { supergraph?: { hash: string } },
      ),
    );
    check(
      "both gateways serve the same supergraph",
      readiness[0].supergraph?.hash === readiness[1].supergraph?.hash,
      `${readiness[0].supergraph?.hash} / ${readiness[1].supergraph?.hash}`,
    );
    const jwks = await Promise.all(
      [0, 1].map(async (index) => (await fetch(`${gatewayBase(index)}/.well-known/jwks.json`)).text()),
    );
    check("both gateways publish the same viewer-token keys", jwks[0] === jwks[1]);

    const viewer = await signClientToken(
      {
        sub: "replica-test-pt-cp",
        name: null,
        networks: { "coe-24-7": ["CONTACT_POINT"] },
        authorityId: "pt-pgr",
        analyst: false,
      },
      "30m",
    );
    const headers = { "content-type": "application/json", authorization: `Bearer ${viewer}` };
    const samples: Sample[] = [];
    let sequence = 0;
    type Context = { operation: string; startedAt: number; key?: string; input?: Record<string, unknown> };
    const operation = (name: string, body: (context: Context) => unknown) => ({
      method: "POST" as const,
      path: "/graphql",
      headers,
      setupRequest: (request: autocannon.Request, raw: object) => {
        const context = raw as Context;
        context.operation = name;
        context.key = undefined;
        context.input = undefined;
        const requestBody = JSON.stringify(body(context));
        context.startedAt = Date.now();
        return { ...request, body: requestBody };
      },
      onResponse: (status: number, text: string, raw: object) => {
        const context = raw as Context;
        let parsed: GraphQLAnswer | undefined;
        try {
          parsed = JSON.parse(text) as GraphQLAnswer;
        } catch {
          parsed = undefined;
        }
        const ok = status === 200 && Boolean(parsed?.data) && !parsed?.errors;
        samples.push({
          operation: context.operation,
          startedAt: context.startedAt,
          endedAt: Date.now(),
          status,
          ok,
          error: ok ? undefined : (parsed?.errors?.[0]?.message ?? text.slice(0, 120)),
          key: context.key,
          input: context.input,
          id: ok && context.key ? parsed?.data?.createCooperationRequest?.id : undefined,
        });
      },
    });
    await delivery.prepare(graphUrl, database.url);
    const load = autocannon({
      url: graphUrl,
      connections,
      duration: loadSeconds,
      timeout: 20,
      requests: [
        operation("countryProfile", () => ({
          query: profile,
          variables: { code: countries[sequence++ % countries.length] },
        })),
        operation("findContactPoints", () => ({
          query: finder,
          variables: { country: countries[sequence++ % countries.length] },
        })),
        operation("expiringPreservations", () => ({ query: expiring })),
        operation("createCooperationRequest", (context) => {
          context.key = `replicas-${run}-${sequence++}`;
          context.input = preservation(context.key);
          return { query: create, variables: { input: context.input } };
        }),
      ],
    });

    // CPU time each kind of process spends on the load (a replica's start-up excluded): what sizing reads.
    const cpuBaseline = new Map<number, number>();
    const cpuSpent = new Map<string, number>();
    const spend = (kind: string, service: ServiceProcess) => {
      const baseline = cpuBaseline.get(service.pid);
      if (baseline === undefined || !service.running()) return;
      cpuSpent.set(kind, (cpuSpent.get(kind) ?? 0) + processCpuSeconds(service.pid) - baseline);
      cpuBaseline.delete(service.pid);
    };
    const kindOf = (service: ServiceProcess) =>
      sets.find((set) => set.replicas.includes(service))?.kind ?? service.name;
    for (const service of everyProcess()) cpuBaseline.set(service.pid, processCpuSeconds(service.pid));
    const postgresBaseline = await postgresCpu(database.url);

    // One replica of each kind killed during the load, and started again at once.
    const kills: Kill[] = [];
    const loadStart = Date.now();
    const killer = (async () => {
      const every = (loadSeconds * 1000) / (sets.length + 1);
      for (const [index, set] of sets.entries()) {
        await sleep(loadStart + every * (index + 1) - Date.now());
        const victim = set.replicas[0];
        spend(set.kind, victim);
        const kill: Kill = { kind: set.kind, sentAt: Date.now(), goneAt: 0 };
        await victim.kill();
        kill.goneAt = Date.now();
        kills.push(kill);
        const successor = set.start(0);
        set.replicas[0] = successor;
        void waitReady(`http://127.0.0.1:${set.ports[0]}`, successor, 120_000).then(
          () => {
            kill.readyAt = Date.now();
            if (kill.readyAt < loadStart + loadSeconds * 1000)
              cpuBaseline.set(successor.pid, processCpuSeconds(successor.pid));
          },
          () => undefined,
        );
      }
    })();
    const result = await load;
    await killer;
    const loadEnd = Date.now();
    for (const service of everyProcess()) spend(kindOf(service), service);
    const postgresEnd = await postgresCpu(database.url);
    if (postgresEnd.size > 0)
      cpuSpent.set(
        "PostgreSQL",
        [...postgresEnd].reduce((sum, [pid, seconds]) => sum + seconds - (postgresBaseline.get(pid) ?? 0), 0),
      );
    await waitUntil("the killed replicas ready again", async () => kills.every((kill) => kill.readyAt), {
      timeoutMs: 120_000,
    });

    // Figures of the load.
    const byOperation = new Map<string, Sample[]>();
    for (const sample of samples)
      byOperation.set(sample.operation, [...(byOperation.get(sample.operation) ?? []), sample]);
    const latencies = samples.map((sample) => sample.endedAt - sample.startedAt).sort((a, b) => a - b);
    const failed = samples.filter((sample) => !sample.ok);
    console.log(
      `load: ${samples.length} requests in ${((loadEnd - loadStart) / 1000).toFixed(1)} s over ${connections} connections ` +
        `(${(samples.length / ((loadEnd - loadStart) / 1000)).toFixed(1)} req/s; p50 ${percentile(latencies, 0.5)} ms, ` +
        `p95 ${percentile(latencies, 0.95)} ms); ${failed.length} failed; autocannon: ${result.errors} socket errors, ` +
        `${result.timeouts} timeouts`,
    );
    for (const [name, list] of byOperation)
      console.log(`  ${name}: ${list.length} sent, ${list.filter((sample) => !sample.ok).length} failed`);
    console.log(
      `  CPU per request of this mix: ${[...cpuSpent]
        .map(([kind, seconds]) => `${kind} ${((seconds * 1000) / samples.length).toFixed(2)} ms`)
        .join(", ")}`,
    );
    for (const event of balancerEvents.filter((entry) => entry.at >= loadStart))
      console.log(
        `  haproxy: ${event.server} ${event.state} at ${((event.at - loadStart) / 1000).toFixed(1)} s (${event.reason})`,
      );
    for (const kill of kills)
      console.log(
        `  killed ${kill.kind} replica 1 at ${((kill.sentAt - loadStart) / 1000).toFixed(1)} s (SIGKILL); ` +
          `its successor ready ${((kill.readyAt! - kill.goneAt) / 1000).toFixed(1)} s later`,
      );

    // A failure is allowed only for a request in flight on a killed replica: one whose query plan reaches the kind
    // killed, sent before the replica was gone and answered after the signal went.
    const inFlightAtKill = (sample: Sample) =>
      kills.some(
        (kill) =>
          (kill.kind === "gateway" || reaches[sample.operation].includes(kill.kind)) &&
          sample.startedAt <= kill.goneAt &&
          sample.endedAt >= kill.sentAt,
      );
    const unexplained = failed.filter((sample) => !inFlightAtKill(sample));
    check(
      "failed requests were all in flight on a killed replica",
      unexplained.length === 0 && result.errors === 0 && result.timeouts === 0,
      `${failed.length} failed, ${unexplained.length} not in flight at a kill` +
        (unexplained.length ? `: ${JSON.stringify(unexplained.slice(0, 3))}` : ""),
    );

    const writes = samples.filter((sample) => sample.key);
    const acknowledgedInLoad = writes.filter((sample) => sample.id).length;
    // Every write that failed, sent again with the same idempotency key and input: it succeeds, and where the first
    // attempt had been written, returns that one.
    const failedWrites = failed.filter((sample) => sample.key);
    const requestRows = async (keys: string[]) =>
      withPostgres(database.url, async (client: pg.Client) =>
        (
          await client.query<{ id: string; idempotencyKey: string }>(
            `SELECT "id", "idempotencyKey" FROM requests."CooperationRequest" WHERE "idempotencyKey" = ANY($1)`,
            [keys],
          )
        ).rows.reduce((rows, row) => rows.set(row.idempotencyKey, row.id), new Map<string, string>()),
      );
    const writtenBeforeRetry = await requestRows(failedWrites.map((sample) => sample.key!));
    let retriedOk = 0;
    let retriedSame = 0;
    for (const sample of failedWrites) {
      const response = await fetch(`${graphUrl}/graphql`, {
        method: "POST",
        headers,
        body: JSON.stringify({ query: create, variables: { input: sample.input } }),
      });
      const body = (await response.json()) as GraphQLAnswer;
      const id = body.data?.createCooperationRequest?.id;
      if (response.status === 200 && id && !body.errors) {
        retriedOk += 1;
        sample.id = id;
        if (!writtenBeforeRetry.has(sample.key!) || writtenBeforeRetry.get(sample.key!) === id) retriedSame += 1;
      }
    }
    check(
      "each failed write, retried with the same idempotency key, succeeds (the first one where it was written)",
      retriedOk === failedWrites.length && retriedSame === failedWrites.length,
      `${failedWrites.length} failed writes, ${writtenBeforeRetry.size} of them written before the retry; ` +
        `${retriedOk} retries succeeded`,
    );

    // Acknowledged writes are all there, once each.
    const stored = await requestRows(writes.map((sample) => sample.key!));
    const acknowledged = writes.filter((sample) => sample.id);
    const lost = acknowledged.filter((sample) => stored.get(sample.key!) !== sample.id);
    check(
      "acknowledged writes lost: 0",
      lost.length === 0,
      `${acknowledged.length} acknowledged (${acknowledgedInLoad} during the load, ` +
        `${acknowledged.length - acknowledgedInLoad} on retry), ${lost.length} lost`,
    );
    const duplicates = await withPostgres(database.url, async (client: pg.Client) =>
      Number(
        (
          await client.query<{ duplicates: string }>(
            `SELECT count(*) - count(DISTINCT "idempotencyKey") AS duplicates FROM requests."CooperationRequest"
             WHERE "idempotencyKey" LIKE $1`,
            [`replicas-${run}-%`],
          )
        ).rows[0].duplicates,
      ),
    );
    check("requests written twice for one idempotency key: 0", duplicates === 0, `${duplicates}`);

    for (const deliveryCheck of await delivery.checks({
      databaseUrl: database.url,
      startedAt: loadStart,
      endedAt: loadEnd,
      acknowledgedRequestIds: acknowledged.map((sample) => sample.id!),
    }))
      checks.push(deliveryCheck);
    check(
      "every replica serves after the run",
      everyProcess().every((service) => service.running()) && (await getStatus(`${graphUrl}/ready`)) === 200,
    );
  } catch (error) {
    check(`the run itself: ${(error as Error).message}`, false);
  } finally {
    await Promise.all([...singles, ...sets.flatMap((set) => set.replicas)].map((service) => service.stop(10_000)));
    balancer?.kill("SIGTERM");
    await delivery.close();
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const { name, passed, detail } of checks)
    console.log(`${passed ? "ok  " : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`);
  const failedChecks = checks.filter((entry) => !entry.passed).length;
  console.log(`${checks.length - failedChecks} passed, ${failedChecks} failed`);
  process.exit(failedChecks === 0 ? 0 : 1);
}

void main();
