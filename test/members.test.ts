import { budapestInvited, budapestParties } from "../prisma/members/seed/treaties";
import { postGraphQL, useTestGraph } from "./harness";

const graph = useTestGraph();

describe("networks", () => {
  it("lists the five networks with their facts and sources", async () => {
    const { status, body } = await graph.query(
      `{ networks { id acronym name established establishedPrecision host source } }`,
    );
    expect(status).toBe(200);
    expect(body.data.networks.map((network: { id: string }) => network.id)).toEqual([
      "ciberred",
      "coe-24-7",
      "ejcn",
      "forum-cibercrime",
      "gpen",
    ]);
    const ejcn = body.data.networks.find((network: { id: string }) => network.id === "ejcn");
    expect(ejcn).toMatchObject({
      acronym: "EJCN",
      established: "2016-06-09",
      establishedPrecision: "DAY",
      host: "Eurojust",
    });
    for (const network of body.data.networks) expect(network.source).toMatch(/https?:\/\//);
  });

  it("gives the EJCN's 28 countries from the members-and-observers slide", async () => {
    const { body } = await graph.query(`{ network(id: "ejcn") { members { role country { code } } } }`);
    const members = body.data.network.members;
    expect(members).toHaveLength(28);
    expect(
      members
        .filter((member: { role: string }) => member.role === "OBSERVER")
        .map((member: any) => member.country.code)
        .sort(),
    ).toEqual(["CH", "NO", "RS"]);
  });

  it("gives the Fórum Cibercrime's eight founders through their prosecution services, and Macau as observer", async () => {
    const { body } = await graph.query(
      `{ network(id: "forum-cibercrime") { members { role country { code } authority { id kind } } } }`,
    );
    const members = body.data.network.members;
    expect(members.filter((member: any) => member.role === "MEMBER").map((member: any) => member.country.code)).toEqual(
      ["AO", "BR", "CV", "GW", "MZ", "PT", "ST", "TL"],
    );
    expect(members.find((member: any) => member.role === "OBSERVER")).toMatchObject({
      country: { code: "MO" },
      authority: { id: "mo-public-prosecutions", kind: "PROSECUTION_SERVICE" },
    });
    for (const member of members) expect(member.authority).not.toBeNull();
  });

  it("makes the 24/7 network the Parties, since each designates a point of contact", async () => {
    const { body } = await graph.query(
      `{ network(id: "coe-24-7") { members { since source country { budapestConvention { status } } } } }`,
    );
    const members = body.data.network.members;
    expect(members).toHaveLength(budapestParties.length);
    for (const member of members) {
      expect(member.country.budapestConvention.status).toBe("PARTY");
      expect(member.source).toMatch(/^inferred: /);
    }
  });

  it("names networks in the asked language, falling back to English", async () => {
    const { body } = await graph.query(
      `{ ciberred: network(id: "ciberred") { es: name(lang: ES) pt: name(lang: PT) fr: name(lang: FR) } }`,
    );
    expect(body.data.ciberred).toEqual({
      es: "Red Iberoamericana de Fiscales Especializados en Ciberdelincuencia",
      pt: "Rede Ibero-Americana de Ministérios Públicos Especializados em Cibercrime",
      fr: "Ibero-American Network of Prosecutors Specialised in Cybercrime",
    });
  });

  it("answers null for an unknown network", async () => {
    const { status, body } = await graph.query(`{ network(id: "nope") { id } }`);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { network: null } });
  });
});

describe("countries", () => {
  it("gives a country's names in four languages, region, networks and treaty status", async () => {
    const { body } = await graph.query(`{
      country(code: "PT") {
        code en: name(lang: EN) fr: name(lang: FR) es: name(lang: ES) pt: name(lang: PT) region
        networks { id }
        budapestConvention { treaty status inForceOn source }
        secondAdditionalProtocol { status }
      }
    }`);
    expect(body.data.country).toMatchObject({
      code: "PT",
      en: "Portugal",
      region: "EUROPE",
      budapestConvention: { treaty: "BUDAPEST_CONVENTION", status: "PARTY", inForceOn: null },
      secondAdditionalProtocol: { status: "SIGNATORY" },
    });
    expect(body.data.country.budapestConvention.source).toContain("2015");
    expect(body.data.country.networks.map((network: { id: string }) => network.id)).toEqual([
      "ciberred",
      "coe-24-7",
      "ejcn",
      "forum-cibercrime",
    ]);
  });

  it("takes the language from Accept-Language when no lang argument is given", async () => {
    const { body } = await graph.query(
      `{ country(code: "DE") { name } }`,
      {},
      { "accept-language": "it-IT, es;q=0.8, fr;q=0.9" },
    );
    expect(body.data.country.name).toBe("Allemagne");
  });

  it("reports the entry into force of a Party, and UNKNOWN with its reason where no source speaks", async () => {
    const { body } = await graph.query(
      `{ br: country(code: "br") { budapestConvention { status inForceOn } } cn: country(code: "CN") { budapestConvention { status source } } }`,
    );
    expect(body.data.br.budapestConvention).toEqual({ status: "PARTY", inForceOn: "2023-03-01" });
    expect(body.data.cn.budapestConvention).toEqual({
      status: "UNKNOWN",
      source: expect.stringMatching(/^unsourced: /),
    });
  });

  it.each(["ZZ", "PRT", "", "1"])("rejects %p, not an ISO 3166-1 alpha-2 code, with BAD_USER_INPUT", async (code) => {
    const { status, body } = await graph.query(`query ($code: ID!) { country(code: $code) { code } }`, { code });
    expect(status).toBe(200);
    expect(body.data.country).toBeNull();
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
  });

  it("walks every page without duplicates or gaps", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 100; page += 1) {
      const { body }: any = await graph.query(
        `query ($after: String) { countries(first: 17, after: $after) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const connection = body.data.countries;
      totalCount = connection.totalCount;
      seen.push(...connection.edges.map((edge: any) => edge.node.code));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(totalCount).toBe(250);
    expect(seen).toHaveLength(totalCount);
    expect(new Set(seen).size).toBe(totalCount);
    expect([...seen].sort()).toEqual(seen);
  });

  it.each([
    [{ network: "ejcn" }, 28],
    [{ network: "forum-cibercrime" }, 9],
    [{ budapestStatus: "PARTY" }, budapestParties.length],
    [{ budapestStatus: "INVITED" }, budapestInvited.length],
    [{ budapestStatus: "NONE" }, 1],
    [{ budapestStatus: "UNKNOWN" }, 165],
    [{ network: "ciberred", budapestStatus: "UNKNOWN" }, 8],
    [{ region: "SOUTH_AMERICA", network: "coe-24-7" }, 6],
  ])("filters by %j", async (filter, expected) => {
    const { body } = await graph.query(
      `query ($filter: CountryFilter) { countries(filter: $filter, first: 100) { totalCount edges { node { code } } } }`,
      { filter },
    );
    expect(body.data.countries.totalCount).toBe(expected);
    expect(body.data.countries.edges.length).toBe(Math.min(expected, 100));
  });

  it.each([
    ["espana", "ES"],
    ["Côte", "CI"],
    ["ALEMANHA", "DE"],
    ["turkey", "TR"],
    ["Royaume-Uni", "GB"],
  ])("finds %p in any language, accents optional", async (search, code) => {
    const { body } = await graph.query(
      `query ($search: String) { countries(filter: { search: $search }) { edges { node { code } } } }`,
      { search },
    );
    expect(body.data.countries.edges.map((edge: any) => edge.node.code)).toContain(code);
  });

  it.each(["%", "_", "\\"])("treats the LIKE wildcard %p as text", async (search) => {
    const { body } = await graph.query(
      `query ($search: String) { countries(filter: { search: $search }) { totalCount } }`,
      { search },
    );
    expect(body.data.countries.totalCount).toBe(0);
  });
});

describe("bad input", () => {
  it.each([
    ["first: -1", "first"],
    ["first: 0", "first"],
    ["first: 101", "first"],
    ['after: "not-a-cursor"', "after"],
    ['filter: { network: "interpol" }', "filter.network"],
    [`filter: { search: "${"x".repeat(101)}" }`, "filter.search"],
  ])("rejects countries(%s) with BAD_USER_INPUT naming the field", async (args, field) => {
    const { status, body } = await graph.query(`{ countries(${args}) { totalCount } }`);
    expect(status).toBe(200);
    // A root field is nullable: its error nulls it alone.
    expect(body.data).toEqual({ countries: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("rejects a cursor of another list", async () => {
    const foreign = Buffer.from(JSON.stringify(["contactPoints", "x"])).toString("base64url");
    const { body } = await graph.query(`query ($after: String) { countries(after: $after) { totalCount } }`, {
      after: foreign,
    });
    expect(body.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("rejects an unknown language as a validation error", async () => {
    const { status, body } = await graph.query(`{ country(code: "PT") { name(lang: DE) } }`);
    expect(status).toBe(400);
    expect(body.errors![0].extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it.each([
    ["a syntax error", { query: "{ networks { id " }, 400],
    ["an unknown field", { query: "{ nothing }" }, 400],
    [
      "a wrong variable type",
      { query: "query ($first: Int) { countries(first: $first) { totalCount } }", variables: { first: "ten" } },
      400,
    ],
    ["no query", {}, 400],
    ["a body that is not JSON", "{not json", 400],
  ])("answers %s with a client error, never a 500", async (_label, body, status) => {
    const response = await postGraphQL(graph.gatewayUrl, body);
    expect(response.status).toBe(status);
    expect(response.body.errors!.length).toBeGreaterThan(0);
  });

  it("refuses an oversized body with 413", async () => {
    const response = await fetch(graph.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ networks { id } }`, variables: { padding: "x".repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it("refuses a GET mutation-less request without the CSRF-safe header", async () => {
    const response = await fetch(`${graph.gatewayUrl}?query=${encodeURIComponent("{ networks { id } }")}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });
});

describe("entities", () => {
  it("resolves valid representations and answers null for malformed ones", async () => {
    const members = graph.subgraphs.find((subgraph) => subgraph.name === "members")!;
    const { body } = await postGraphQL(members.url, {
      query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Country { code } ... on Network { id } } }`,
      variables: {
        representations: [
          { __typename: "Country", code: "pt" },
          { __typename: "Country", code: { $gt: "" } },
          { __typename: "Network", id: "gpen" },
          { __typename: "Network", id: 7 },
        ],
      },
    });
    expect(body.data._entities).toEqual([{ code: "PT" }, null, { id: "gpen" }, null]);
  });
});

describe("operations", () => {
  it("passes the request id to the subgraphs and back", async () => {
    const { headers } = await graph.query(`{ networks { id } }`, {}, { "x-request-id": "req-42" });
    expect(headers.get("x-request-id")).toBe("req-42");
  });

  it("serves the Apollo Sandbox landing page to a browser", async () => {
    const response = await fetch(graph.gatewayUrl, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/embeddable-sandbox/);
  });

  it("answers health and readiness on every service", async () => {
    for (const url of [graph.gatewayUrl, ...graph.subgraphs.map((subgraph) => subgraph.url)]) {
      const base = url.replace(/\/graphql$/, "");
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
    }
  });

  it("counts each subgraph's SQL statements on /metrics", async () => {
    const members = graph.subgraphs.find((subgraph) => subgraph.name === "members")!;
    const metricsUrl = members.url.replace(/\/graphql$/, "/metrics");
    const counter = async () =>
      Number(/^sql_statements_total\{subgraph="members"\} (\d+)$/m.exec(await (await fetch(metricsUrl)).text())?.[1]);
    const before = await counter();
    expect(before).toBe(members.database.statementCount());
    await graph.query(`{ country(code: "PT") { name } }`);
    const after = await counter();
    expect(after).toBeGreaterThan(before);
    expect(after).toBe(members.database.statementCount());
  });
});
