import { postGraphQL, useTestGraph, type GraphQLResponse } from "./harness";

/**
 * Bad input is the client's: a 400 or a BAD_USER_INPUT naming the argument, never a 500, never
 * INTERNAL_SERVER_ERROR, never a subgraph's address or database text; and one bad value gets one answer everywhere.
 */
const graph = useTestGraph();

const leaks = /127\.0\.0\.1|localhost|https?:\/\/|prisma|invalid byte sequence|SQLSTATE|\n\s+at /i;

function expectRefused(answer: GraphQLResponse, code: string, field?: string): void {
  expect(answer.status).toBeLessThan(500);
  expect(answer.body.errors?.length).toBeGreaterThan(0);
  const [error] = answer.body.errors!;
  expect(error.extensions?.code).toBe(code);
  if (field) expect(error.extensions?.field).toBe(field);
  expect(JSON.stringify(answer.body)).not.toMatch(leaks);
}

describe("malformed dates", () => {
  const query = `query ($at: DateTimeISO) { findContactPoints(measure: PRESERVATION, country: "PT", at: $at) { id } }`;

  it.each(["2020-13-45", "", "yesterday", "2020-02-30T10:00:00Z"])(
    "refuses %j as a variable at the gateway, naming it",
    async (at) => {
      const answer = await graph.query(query, { at });
      expectRefused(answer, "BAD_USER_INPUT");
      expect(answer.body.errors![0].message).toContain("$at");
    },
  );

  it("refuses a malformed literal as a validation error, with its place in the document", async () => {
    const answer = await graph.query(
      `{ findContactPoints(measure: PRESERVATION, country: "PT", at: "2020-13-45") { id } }`,
    );
    expect(answer.status).toBe(400);
    expectRefused(answer, "GRAPHQL_VALIDATION_FAILED");
    expect(answer.body.errors![0].locations).toBeDefined();
  });

  it("refuses a malformed Date in an input as BAD_USER_INPUT before any subgraph writes", async () => {
    const answer = await graph.query(`query ($from: DateTimeISO) { events(filter: { from: $from }) { totalCount } }`, {
      from: "31/12/2020",
    });
    expectRefused(answer, "BAD_USER_INPUT");
  });
});

describe("numbers out of range", () => {
  it.each([
    ["a literal beyond a double", `{ events(first: 1e309) { totalCount } }`, undefined],
    ["a literal beyond 32 bits", `{ events(first: 2147483648) { totalCount } }`, undefined],
    ["a variable beyond 32 bits", `query ($n: Int) { events(first: $n) { totalCount } }`, { n: 2 ** 31 }],
    ["a variable that is not a number", `query ($n: Int) { events(first: $n) { totalCount } }`, { n: "ten" }],
  ])("refuses %s with a 400", async (_label, query, variables) => {
    const answer = await graph.query(query, variables);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
  });

  it("refuses a page size the graph does not serve, naming first", async () => {
    expectRefused(await graph.query(`{ events(first: -1) { totalCount } }`), "BAD_USER_INPUT", "first");
  });
});

describe("the NUL character", () => {
  it.each([
    ["in a literal", `{ contactPoint(id: "a\\u0000b") { id } }`, undefined, "id"],
    ["in a variable", `query ($id: ID!) { event(id: $id) { id } }`, { id: "a\u0000b" }, "id"],
    [
      "inside an input object",
      `query ($search: String) { events(filter: { search: $search }) { totalCount } }`,
      { search: "ransom\u0000ware" },
      "filter.search",
    ],
  ])("is refused %s, naming the argument", async (_label, query, variables, field) => {
    const answer = await graph.query(query, variables);
    expect(answer.status).toBe(400);
    expectRefused(answer, "BAD_USER_INPUT", field);
  });
});

describe("an unknown country code", () => {
  it.each([
    ["country", `{ country(code: "XX") { name } }`, "code"],
    ["findContactPoints", `{ findContactPoints(measure: PRESERVATION, country: "XX") { id } }`, "country"],
    ["contactPoints", `{ contactPoints(filter: { country: "XX" }) { totalCount } }`, "filter.country"],
    ["events", `{ events(filter: { country: "XX" }) { totalCount } }`, "filter.country"],
  ])("gets the same answer from %s: BAD_USER_INPUT naming the field", async (_label, query, field) => {
    const answer = await graph.query(query);
    expectRefused(answer, "BAD_USER_INPUT", field);
    expect(answer.body.errors![0].message).toMatch(/ISO 3166-1 alpha-2/);
  });
});

describe("text that is not Unicode", () => {
  it("refuses half a surrogate pair, naming the argument", async () => {
    const answer = await graph.query(`query ($id: ID!) { authority(id: $id) { id } }`, { id: "\ud83d" });
    expect(answer.status).toBe(400);
    expectRefused(answer, "BAD_USER_INPUT", "id");
  });

  it("takes a whole pair (an emoji) as text", async () => {
    const answer = await graph.query(`query ($search: String) { events(filter: { search: $search }) { totalCount } }`, {
      search: "🔒 ransomware",
    });
    expect(answer.body.errors).toBeUndefined();
  });
});

describe("dates outside the years 1 to 9999", () => {
  it.each([
    [
      "a DateTimeISO variable",
      `query ($at: DateTimeISO) { findContactPoints(measure: PRESERVATION, country: "PT", at: $at) { id } }`,
      { at: "0000-01-01T00:00:00Z" },
    ],
    [
      "a Date inside an input",
      `query ($f: RequestStatisticsFilter) { requestStatistics(filter: $f) { sent } }`,
      { f: { from: "0000-01-01" } },
    ],
  ])("refuses %s as BAD_USER_INPUT at the gateway", async (_label, query, variables) => {
    const answer = await graph.query(query, variables);
    expect(answer.status).toBe(400);
    expectRefused(answer, "BAD_USER_INPUT");
  });
});

describe("a persisted query whose hash does not match", () => {
  it("is the client's mistake: 400 BAD_REQUEST", async () => {
    const { status, body } = await postGraphQL(graph.gatewayUrl, {
      query: "{ networks { id } }",
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe("BAD_REQUEST");
  });
});
