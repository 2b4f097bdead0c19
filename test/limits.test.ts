import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { parse, validate } from "graphql";
import { buildMembersSchema } from "../subgraphs/members/schema";
import { startTestGraph, useTestGraph } from "./harness";

/** Each gateway limit, at its boundary (accepted) and one past it (refused with a client error). */
const limits = { maxDepth: 5, maxAliases: 3, maxTokens: 60, maxDirectives: 2, maxBodyBytes: 2000 };

// Depth 5: network → members → country → networks → id.
const atDepth = `{ network(id: "ejcn") { members { country { networks { id } } } } }`;
const pastDepth = `{ network(id: "ejcn") { members { country { networks { members { id } } } } } }`;
const costQuery = `{ networks { id acronym members { id role country { code } } } }`;
const costQueryPlusOne = `{ networks { id acronym host members { id role country { code } } } }`;

/** The cost graphql-armor gives a query: it reports it when refusing against a limit of 0. */
async function costOf(query: string): Promise<number> {
  const schema = await buildMembersSchema();
  try {
    validate(schema, parse(query), [costLimitRule({ maxCost: 0, exposeLimits: true })]);
  } catch (error) {
    return Number(/found (\d+(?:\.\d+)?)/.exec((error as Error).message)![1]);
  }
  throw new Error("the cost rule accepted a query against a limit of 0");
}

const graph = useTestGraph({ limits });

async function expectAccepted(query: string, on = graph) {
  const { status, body } = await on.query(query);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
}

async function expectRefused(query: string, message: RegExp, on = graph) {
  const { status, body } = await on.query(query);
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors![0].message).toMatch(message);
}

describe("gateway limits", () => {
  it("depth", async () => {
    await expectAccepted(atDepth);
    await expectRefused(pastDepth, /depth limit of 5/i);
  });

  it("cost", async () => {
    const maxCost = await costOf(costQuery);
    expect(await costOf(costQueryPlusOne)).toBeGreaterThan(maxCost);
    const costLimited = await startTestGraph({ limits: { maxCost } });
    try {
      await expectAccepted(costQuery, costLimited);
      await expectRefused(costQueryPlusOne, /cost limit/i, costLimited);
    } finally {
      await costLimited.close();
    }
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
    await expectRefused(fields(limits.maxTokens - 4), /more tha[nt] 60 tokens/i);
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

describe("production switches", () => {
  const production = useTestGraph({ introspection: false, sandbox: false });

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
