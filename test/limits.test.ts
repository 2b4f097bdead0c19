import { parse } from "graphql";
import fs from "node:fs";
import path from "node:path";
import { benchDocuments } from "../bench/queries";
import { composeCommitted } from "../gateway/compose";
import { defaultMaxCost, queryCost } from "../gateway/limits";
import { bearer, clientToken, useTestGraph, type GraphQLResponse, type TestGraph } from "./harness";

const apiSchema = composeCommitted().apiSchema;
const costOf = (query: string, variables?: Record<string, unknown>) =>
  queryCost(apiSchema, parse(query), { variables });

// Cost 2010: 10 networks (a bounded list) × 100 members (a plain list) × (the membership + its country).
const atCost = `{ networks { members { country { code } } } }`;
const pastCost = `{ networks { members { country { code } } } me { sub } }`;

/** Each gateway limit, at its boundary (accepted) and one past it (refused with a client error). */
const limits = { maxDepth: 5, maxCost: 2010, maxAliases: 3, maxTokens: 60, maxDirectives: 2, maxBodyBytes: 2000 };

// Depth 5: network → members → country → networks → id.
const atDepth = `{ network(id: "ejcn") { members { country { networks { id } } } } }`;
const pastDepth = `{ network(id: "ejcn") { members { country { networks { members { id } } } } } }`;

const graph = useTestGraph({ limits });
/** The default limits, with the production switches. */
const production = useTestGraph({ introspection: false, sandbox: false });

async function expectAccepted(query: string, on: TestGraph = graph, variables?: Record<string, unknown>) {
  const { status, body } = await on.query(query, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
}

/** Refused with a client error; only the parser's own refusal (too many tokens) is a syntax error. */
async function expectRefused(query: string, message: RegExp, syntaxError = false) {
  const { status, body } = await graph.query(query);
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors![0].message).toMatch(message);
  expect(body.errors![0].message.startsWith("Syntax Error:")).toBe(syntaxError);
}

async function expectTooComplex(
  response: Promise<GraphQLResponse>,
  cost: number | ((cost: number) => void),
  limit: number,
) {
  const { status, body } = await response;
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors).toHaveLength(1);
  const [error] = body.errors!;
  expect(error.message).not.toMatch(/^Syntax Error/);
  expect(error.message).toMatch(/more than the limit/);
  expect(error.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit });
  expect(error.extensions).not.toHaveProperty("http");
  if (typeof cost === "number") expect(error.extensions!.cost).toBe(cost);
  else cost(error.extensions!.cost as number);
}

describe("the cost model counts the objects an answer can hold", () => {
  it("multiplies by first on connections, its default 20 when not given", () => {
    // The connection 1, then per item its node and the node's country; pageInfo and totalCount are free.
    const page = (first: string) =>
      `{ events${first} { edges { cursor node { id title country { code } } } pageInfo { hasNextPage } totalCount } }`;
    expect(costOf(page("(first: 100)"))).toBe(1 + 100 * 2);
    expect(costOf(page("(first: 7)"))).toBe(1 + 7 * 2);
    expect(costOf(page(""))).toBe(1 + 20 * 2);
    expect(costOf(`query ($n: Int) { events(first: $n) { edges { node { id } } } }`, { n: 50 })).toBe(1 + 50);
  });

  it("multiplies by first on a list that takes it, by an assumed size on other lists", () => {
    expect(costOf(`{ findContactPoints(country: "PT", measure: PRESERVATION) { id } }`)).toBe(20);
    expect(costOf(`{ findContactPoints(country: "PT", measure: PRESERVATION, first: 3) { id network { id } } }`)).toBe(
      3 * 2,
    );
    // A list the graph bounds (one item per network) and a plain list (a full page, 100).
    expect(costOf(`{ networks { id acronym } }`)).toBe(10);
    expect(costOf(`{ country(code: "PT") { contactPoints { id } } }`)).toBe(1 + 100);
    expect(costOf(atCost)).toBe(limits.maxCost);
    expect(costOf(pastCost)).toBe(limits.maxCost + 1);
  });

  it("counts fragments as the fields they spread, and introspection as nothing", () => {
    expect(
      costOf(`{ events(first: 10) { edges { node { ...E } } } } fragment E on Event { id country { ...C } }
              fragment C on Country { code networks { id } }`),
    ).toBe(1 + 10 * (1 + 1 + 10));
    expect(costOf(`{ __schema { types { name fields { name type { name ofType { name } } } } } }`)).toBe(0);
  });

  it("puts a query that could return millions of rows far past the default limit", () => {
    const cost = costOf(`{ countries(first: 100) { edges { node { events { participatingCountries { code } } } } } }`);
    expect(cost).toBe(1 + 100 * (1 + 100 * (1 + 100)));
    expect(cost).toBeGreaterThan(4 * defaultMaxCost);
  });
});

describe("gateway limits", () => {
  it("depth", async () => {
    await expectAccepted(atDepth);
    await expectRefused(pastDepth, /depth limit of 5/i);
  });

  it("cost: a query at the limit passes, one object more is QUERY_TOO_COMPLEX with its cost and the limit", async () => {
    await expectAccepted(atCost);
    await expectTooComplex(graph.query(pastCost), limits.maxCost + 1, limits.maxCost);
  });

  it("cost: first counts as sent in variables, and as its default when not sent", async () => {
    // 1 + first × (the country and its 100 contact points).
    const query = `query ($first: Int) { countries(first: $first) { edges { node { contactPoints { id } } } } }`;
    expect(costOf(query, { first: 19 })).toBe(1920);
    await expectAccepted(query, graph, { first: 19 });
    await expectTooComplex(graph.query(query, { first: 20 }), 2021, limits.maxCost);
    await expectTooComplex(graph.query(query), 2021, limits.maxCost);
  });

  it("aliases", async () => {
    await expectAccepted(`{ a: networks { id } b: networks { id } c: networks { id } }`);
    await expectRefused(
      `{ a: networks { id } b: networks { id } c: networks { id } d: networks { id } }`,
      /aliases limit of 3/i,
    );
  });

  it("directives", async () => {
    await expectAccepted(`{ networks { id @include(if: true) acronym @skip(if: false) } }`);
    await expectRefused(
      `{ networks { id @include(if: true) acronym @skip(if: false) host @include(if: true) } }`,
      /directives limit of 2/i,
    );
  });

  it("tokens", async () => {
    // `{ networks { id } }` is 6 tokens; each further field one more.
    const fields = (count: number) => `{ networks { ${Array.from({ length: count }, () => "id").join(" ")} } }`;
    await expectAccepted(fields(limits.maxTokens - 5));
    await expectRefused(fields(limits.maxTokens - 4), /more tha[nt] 60 tokens/i, true);
  });

  it("body size", async () => {
    const padded = (bytes: number) => {
      const base = JSON.stringify({ query: "{ networks { id } }", variables: { padding: "" } });
      return JSON.stringify({ query: "{ networks { id } }", variables: { padding: "x".repeat(bytes - base.length) } });
    };
    const post = (body: string) =>
      fetch(graph.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect((await post(padded(limits.maxBodyBytes))).status).toBe(200);
    expect((await post(padded(limits.maxBodyBytes + 1))).status).toBe(413);
  });

  it("batched operations", async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ networks { id } }" }, { query: "{ networks { acronym } }" }]),
    });
    expect(response.status).toBe(400);
  });
});

/** The queries the README shows: its ```graphql blocks and the bodies of its curl examples. */
function readmeQueries(): string[] {
  const readme = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
  const curls = [...readme.matchAll(/-d '(\{"query".*?\})'/g)].map(
    (match) => (JSON.parse(match[1]) as { query: string }).query,
  );
  return [...blocks, ...curls];
}

/** The benchmark mix, each with the variables that ask the most of it. */
const benchMix: [string, string, Record<string, unknown>][] = [
  ["countryProfile", benchDocuments.countryProfile, { code: "PT" }],
  ["findContactPoints", benchDocuments.findContactPoints, { country: "PT", first: 100 }],
  ["contactPointsDeepPage", benchDocuments.contactPointsDeepPage, { first: 100, filter: { language: "en" } }],
  ["requestStatistics", benchDocuments.requestStatistics, {}],
  ["expiringPreservations", benchDocuments.expiringPreservations, { withinDays: 60 }],
  ["librarySearch", benchDocuments.librarySearch, { query: "preservation", first: 100 }],
  ["libraryBrowse", benchDocuments.libraryBrowse, { filter: { language: "en" }, first: 100 }],
  ["forumThreads", benchDocuments.forumThreads, { first: 100 }],
  ["forumSearch", benchDocuments.forumThreads, { search: "preserv provider", first: 100 }],
];

const everyNetworkMember = () =>
  clientToken({
    sub: "limits-analyst",
    networks: Object.fromEntries(
      ["ejcn", "gpen", "ciberred", "forum-cibercrime", "coe-24-7"].map((network) => [network, ["MEMBER"]]),
    ),
    analyst: true,
  });

describe("the default limits let documented queries through", () => {
  const refusedByLimits = (body: GraphQLResponse["body"]) =>
    (body.errors ?? []).filter((error) =>
      ["QUERY_TOO_COMPLEX", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED"].includes(
        error.extensions?.code as string,
      ),
    );

  it("finds the README's queries", () => {
    expect(readmeQueries().length).toBeGreaterThanOrEqual(3);
  });

  it.each(readmeQueries().map((query) => [query.replace(/\s+/g, " ").trim().slice(0, 70), query]))(
    "README: %s",
    async (_label, query) => {
      expect(costOf(query)).toBeLessThanOrEqual(defaultMaxCost / 2);
      const { status, body } = await production.query(query, undefined, bearer(await everyNetworkMember()));
      expect(refusedByLimits(body)).toEqual([]);
      expect(status).toBe(200);
    },
  );

  it.each(benchMix)("benchmark: %s", async (_name, query, variables) => {
    expect(costOf(query, variables)).toBeLessThanOrEqual(defaultMaxCost / 2);
    const { status, body } = await production.query(query, variables, bearer(await everyNetworkMember()));
    expect(refusedByLimits(body)).toEqual([]);
    expect(status).toBe(200);
  });

  it.each([
    [
      "events(first: 100) with ten scalar fields and country { code }",
      `{ events(first: 100) { edges { node { id kind title description startDate endDate timeZone online city project
          source country { code } } } pageInfo { hasNextPage endCursor } totalCount } }`,
    ],
    [
      "courses(first: 50) with networks, sessions and materials",
      `{ courses(first: 50) { edges { node { id title level audiences languages provider project networks { id acronym }
          sessions { startsAt endsAt city country { code } event { id title } } materials { title kind language url } } } } }`,
    ],
    [
      "contactPoints(first: 50) with person and channel fields",
      `{ contactPoints(first: 50, filter: { network: "ejcn" }) { edges { node { id kind institution languages
          person { name title } channels { email phone secureChannel } country { code } network { id }
          availability { twentyFourSeven officeHours { timeZone opensAt closesAt days } } } } } }`,
    ],
    [
      "the nested query of the N+1 test: a network's members, their events and those events' networks",
      `{ network(id: "coe-24-7") { members { country { code events { id title networks { acronym } } } } events { id } } }`,
    ],
  ])("%s", async (_label, query) => {
    expect(costOf(query)).toBeLessThanOrEqual(defaultMaxCost / 2);
    const { status, body } = await production.query(query, undefined, bearer(await everyNetworkMember()));
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it("refuses a query that could return millions of rows, before any subgraph is asked", async () => {
    const statements = production.statementCount();
    await expectTooComplex(
      production.query(`{ countries(first: 100) { edges { node { events { participatingCountries { code } } } } } }`),
      (cost) => expect(cost).toBeGreaterThan(1_000_000),
      defaultMaxCost,
    );
    expect(production.statementCount()).toBe(statements);
  });

  it("leaves first above 100 to the subgraph, which names the argument", async () => {
    const { body } = await production.query(`{ events(first: 101) { edges { node { id } } } }`);
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("production switches", () => {
  it("refuses introspection", async () => {
    const { status, body } = await production.query(`{ __schema { types { name } } }`);
    expect(status).toBe(400);
    expect(body.errors![0].message).toMatch(/introspection/i);
  });

  it("does not suggest field names in errors", async () => {
    const { body } = await production.query(`{ network(id: "ejcn") { acronim } }`);
    expect(JSON.stringify(body.errors)).not.toMatch(/did you mean|acronym/i);
  });

  it("serves no Sandbox", async () => {
    const response = await production.query(`{ networks { id } }`);
    expect(response.status).toBe(200);
    const page = await fetch(production.gatewayUrl, { headers: { accept: "text/html" } });
    expect(page.status).toBe(400);
    expect(await page.text()).not.toMatch(/sandbox/i);
  });

  it("still suggests field names where introspection is on", async () => {
    const { body } = await graph.query(`{ network(id: "ejcn") { acronim } }`);
    expect(JSON.stringify(body.errors)).toMatch(/did you mean/i);
  });
});
