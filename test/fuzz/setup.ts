import { buildClientSchema, buildSchema, getIntrospectionQuery, type GraphQLSchema } from "graphql";
import fs from "node:fs";
import path from "node:path";
import { bearer, clientToken } from "../harness";
import { defaultLimits, rootFields, type GeneratorLimits, type GeneratorSetup, type ViewerName } from "./generate";
import type { Pools } from "./values";

/** Everything a run needs besides the seed: the live schema, real values, and a token per viewer. */
export interface FuzzSetup extends GeneratorSetup {
  gatewayUrl: string;
  viewerHeaders: Record<ViewerName, Record<string, string>>;
  /** Where the schema came from, and anything that could not be prepared (the run goes on without it). */
  notes: string[];
}

export interface SetupOptions {
  /** The secret client tokens are signed with (HS256); by default the gateway's development secret. */
  jwtSecret?: string;
  limits?: Partial<GeneratorLimits>;
}

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: { errors: [{ message: text.slice(0, 200) }] } };
  }
}

/** The gateway's API schema by introspection; schema/api.graphql when introspection is off (production). */
async function liveSchema(gatewayUrl: string, notes: string[]): Promise<GraphQLSchema> {
  const { body } = await post(gatewayUrl, getIntrospectionQuery());
  if (body.data?.__schema) {
    notes.push("schema: introspection of the gateway");
    return buildClientSchema(body.data);
  }
  notes.push(`schema: schema/api.graphql (introspection refused: ${body.errors?.[0]?.message ?? "no data"})`);
  return buildSchema(fs.readFileSync(path.join(__dirname, "..", "..", "schema", "api.graphql"), "utf8"));
}

/** Adds every `{ __typename, id | code }` of an answer to the pool of its type, and cursors and semesters to theirs. */
function collect(pools: Record<string, Set<string>>, value: unknown): void {
  const add = (key: string, item: unknown) => {
    if (typeof item === "string" && item !== "") (pools[key] ??= new Set()).add(item);
  };
  if (Array.isArray(value)) return value.forEach((item) => collect(pools, item));
  if (!value || typeof value !== "object") return;
  const object = value as Record<string, unknown>;
  if (typeof object.__typename === "string") add(object.__typename, object.id ?? object.code);
  add("cursor", object.endCursor);
  add("cursor", object.cursor);
  add("semester", object.semester);
  Object.values(object).forEach((item) => collect(pools, item));
}

/**
 * Connections paged through (up to 100 a page, fewer when the gateway's cost limit says so; up to 20 pages) and
 * plain lists: the real ids of the graph.
 */
const harvestQueries: { viewer: ViewerName; query: string }[] = [
  { viewer: "anonymous", query: `{ networks { __typename id } }` },
  {
    viewer: "admin",
    query: `query ($first: Int, $after: String) { page: countries(first: $first, after: $after) { pageInfo { hasNextPage endCursor }
      edges { cursor node { __typename code authorities { __typename id } memberships { __typename id } } } } }`,
  },
  {
    viewer: "admin",
    query: `query ($first: Int, $after: String) { page: contactPoints(first: $first, after: $after, filter: { current: false }) {
      pageInfo { hasNextPage endCursor } edges { cursor node { __typename id } } } }`,
  },
  {
    viewer: "admin",
    query: `query ($first: Int, $after: String) { page: events(first: $first, after: $after) { pageInfo { hasNextPage endCursor }
      edges { cursor node { __typename id documents { __typename id } } } } }`,
  },
  {
    viewer: "admin",
    query: `query ($first: Int, $after: String) { page: courses(first: $first, after: $after) { pageInfo { hasNextPage endCursor }
      edges { cursor node { __typename id sessions { __typename id } materials { __typename id } } } } }`,
  },
  {
    viewer: "admin",
    query: `query ($first: Int, $after: String) { page: ejcnProducts(first: $first, after: $after) { pageInfo { hasNextPage endCursor }
      edges { cursor node { __typename id } } } }`,
  },
  { viewer: "admin", query: `{ ejcnBoard { semester } }` },
  {
    viewer: "member",
    query: `query ($first: Int, $after: String) { page: cooperationRequests(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor } edges { cursor node { __typename id } } } }`,
  },
  {
    viewer: "admin",
    query: `query ($first: Int, $after: String) { page: cooperationRequests(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor } edges { cursor node { __typename id } } } }`,
  },
  {
    viewer: "member",
    query: `query ($first: Int) { network(id: "gpen") { forum { threads(first: $first) { edges { cursor node {
      __typename id replies(first: 5) { edges { cursor node { __typename id } } } } } } } } }`,
  },
];

const preservation = {
  offence: { description: "Computer fraud (fuzz fixture)", summaryOfFacts: "Phishing site (fictional)." },
  dataToPreserve: [{ description: "Subscriber and traffic data", relationToOffence: "Hosts the site." }],
  custodian: { serviceProvider: "Example Hosting AS (fictional)" },
  necessity: "Logs are deleted after 30 days.",
  mlaToFollow: true,
  requestingContact: { personInCharge: "Ana Exemplo (fictional)", email: "ana@example.org" },
  preferredResponseChannel: "EMAIL",
  expeditedResponse: true,
};

/** A few entities the seed has none of (requests, forum threads), made through the graph as a user would. */
const fixtures: { viewer: ViewerName; query: string; variables: Record<string, unknown> }[] = [
  ...["PRESERVATION", "MLA_STORED_DATA", "EMERGENCY_DISCLOSURE"].map((kind, i) => ({
    viewer: "member" as const,
    query: `mutation ($input: CreateCooperationRequestInput!) { createCooperationRequest(input: $input) { id } }`,
    variables: {
      input: {
        kind,
        requestingCountry: "PT",
        requestedCountry: "NO",
        requestedAuthority: "no-kripos",
        caseReference: `FUZZ FIXTURE ${i + 1}/26`,
        urgent: i === 2,
        responseTargetHours: i === 2 ? 24 : undefined,
        content: preservation,
      },
    },
  })),
  {
    viewer: "member",
    query: `mutation { startForumThread(input: { title: "Fuzz fixture thread", body: "Who handles preservation requests in PT?" }) { id } }`,
    variables: {},
  },
];

export async function prepareFuzz(gatewayUrl: string, options: SetupOptions = {}): Promise<FuzzSetup> {
  const notes: string[] = [];
  const schema = await liveSchema(gatewayUrl, notes);
  const sets: Record<string, Set<string>> = {};
  const networks = await post(gatewayUrl, `{ networks { id } }`);
  const networkIds: string[] = (networks.body.data?.networks ?? []).map((network: { id: string }) => network.id);
  if (networkIds.length === 0) notes.push("no networks found: the admin viewer administers none");
  const token = (claims: Record<string, unknown>) =>
    clientToken(claims, { secret: options.jwtSecret, expiresIn: "12h" }).then(bearer);
  const viewerHeaders: Record<ViewerName, Record<string, string>> = {
    anonymous: {},
    member: await token({
      sub: "fuzz-member",
      name: "Fuzz Member (fictional)",
      authorityId: "pt-pgr",
      networks: { ejcn: ["MEMBER"], gpen: ["MEMBER"], "coe-24-7": ["CONTACT_POINT"] },
    }),
    admin: await token({
      sub: "fuzz-admin",
      name: "Fuzz Admin (fictional)",
      authorityId: "no-kripos",
      networks: Object.fromEntries(networkIds.map((id) => [id, ["MEMBER", "CONTACT_POINT", "NETWORK_ADMIN"]])),
    }),
    analyst: await token({ sub: "fuzz-analyst", name: "Fuzz Analyst (fictional)", analyst: true }),
  };
  for (const fixture of fixtures) {
    const { body } = await post(gatewayUrl, fixture.query, fixture.variables, viewerHeaders[fixture.viewer]);
    if (body.errors) notes.push(`fixture not made: ${body.errors[0].message.slice(0, 200)}`);
  }
  // A reply in the fixture thread, so that replyId and postId have real values.
  const threads = await post(
    gatewayUrl,
    `{ network(id: "gpen") { forum { threads(first: 5) { edges { node { id } } } } } }`,
    {},
    viewerHeaders.member,
  );
  const threadId = threads.body.data?.network?.forum?.threads?.edges?.[0]?.node?.id;
  if (threadId) {
    await post(
      gatewayUrl,
      `mutation ($threadId: ID!) { replyToForumThread(threadId: $threadId, body: "The 24/7 point (fuzz fixture).") { id } }`,
      { threadId },
      viewerHeaders.member,
    );
  }
  const tooCostly = (answer: Answer) =>
    (answer.body.errors ?? []).some(
      (error) => error.extensions?.code === "QUERY_TOO_COMPLEX" || /cost/i.test(error.message),
    );
  for (const { viewer, query } of harvestQueries) {
    let after: string | null = null;
    let first = 100;
    for (let page = 0; page < 20; page++) {
      const answer: Answer = await post(gatewayUrl, query, { first, after }, viewerHeaders[viewer]);
      if (tooCostly(answer) && first > 5) {
        first = Math.max(5, Math.floor(first / 4));
        page -= 1;
        continue;
      }
      const { body } = answer;
      if (body.errors)
        notes.push(`harvest incomplete (${body.errors[0].message.slice(0, 120)}): ${query.slice(0, 60)}…`);
      collect(sets, body.data);
      const info = body.data?.page?.pageInfo;
      if (!info?.hasNextPage || !info.endCursor) break;
      after = info.endCursor;
    }
  }
  // In the order the graph answered (its lists are ordered): a replay on a fresh graph draws the same entities, also
  // where their ids are random (the fixtures').
  const pools: Pools = Object.fromEntries(Object.entries(sets).map(([key, values]) => [key, [...values]]));
  return {
    gatewayUrl,
    schema,
    pools,
    fields: rootFields(schema),
    limits: { ...defaultLimits, ...options.limits },
    viewerHeaders,
    notes,
  };
}
