import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type DirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { startGateway, supergraphPath } from "../gateway";
import { subgraphs } from "../subgraphs";
import { bearer, clientToken, postGraphQL, useTestGraph, type GraphQLResponse } from "./harness";

/**
 * One subgraph down, every other subgraph's fields still answer: for each subgraph, a gateway whose address for it
 * leads nowhere answers a query over the whole graph, and its answer is compared with a healthy gateway's, field by
 * field, knowing from the supergraph which subgraph resolves each field.
 */
const graph = useTestGraph();

// Wide enough for a query over the whole graph; what the limits refuse is tested in limits.test.ts.
const unlimited = { maxCost: 10_000_000, maxDepth: 50, maxAliases: 100, maxTokens: 100_000 };

/** Values for the required arguments the broad query meets; a field needing another is left out. */
const argumentValues: Record<string, string> = {
  code: `"PT"`,
  country: `"PT"`,
  measure: "PRESERVATION",
  olderThanDays: "1",
  first: "3",
};

interface Selection {
  key: string;
  parent: string;
  field: GraphQLField<unknown, unknown>;
  children: Selection[];
}

/** Every field whose required arguments are known, objects to `depth` levels, lists paged by 3. */
function broadSelection(type: GraphQLObjectType, depth: number): Selection[] {
  const selections: Selection[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((argument) => isNonNullType(argument.type) && !(argument.name in argumentValues))) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) selections.push({ key: field.name, parent: type.name, field, children: [] });
    else if (isObjectType(named) && depth > 1) {
      const children = broadSelection(named, depth - 1);
      if (children.length > 0) selections.push({ key: field.name, parent: type.name, field, children });
    }
  }
  return selections;
}

function printSelection(selections: Selection[]): string {
  return selections
    .map(({ key, field, children }) => {
      const args = field.args
        .filter((argument) => argument.name in argumentValues)
        .map((argument) => `${argument.name}: ${argumentValues[argument.name]}`);
      const printedArgs = args.length > 0 ? `(${args.join(", ")})` : "";
      return `${key}${printedArgs}${children.length > 0 ? ` { ${printSelection(children)} }` : ""}`;
    })
    .join(" ");
}

/** Which subgraphs resolve each field (`Type.field` → graph names), from the supergraph's join directives. */
function resolvingSubgraphs(): Map<string, string[]> {
  const argument = (directive: DirectiveNode, name: string) => {
    const value = directive.arguments?.find((entry) => entry.name.value === name)?.value;
    return value && (value.kind === Kind.ENUM || value.kind === Kind.STRING || value.kind === Kind.BOOLEAN)
      ? value.value
      : undefined;
  };
  const resolvers = new Map<string, string[]>();
  for (const definition of parse(fs.readFileSync(supergraphPath, "utf8")).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeGraphs = (definition.directives ?? [])
      .filter((directive) => directive.name.value === "join__type")
      .map((directive) => String(argument(directive, "graph")).toLowerCase());
    for (const field of definition.fields ?? []) {
      const fieldGraphs = (field.directives ?? [])
        .filter((directive) => directive.name.value === "join__field" && argument(directive, "external") !== true)
        .map((directive) => String(argument(directive, "graph")).toLowerCase());
      resolvers.set(`${definition.name.value}.${field.name.value}`, fieldGraphs.length > 0 ? fieldGraphs : typeGraphs);
    }
  }
  return resolvers;
}

const resolvers = resolvingSubgraphs();
const onlyFrom = (selection: Selection, subgraph: string) => {
  const graphs = resolvers.get(`${selection.parent}.${selection.field.name}`) ?? [];
  return graphs.length === 1 && graphs[0] === subgraph;
};

/** The subgraph's outage may null this field: it is the subgraph's, or a non-null field below it is. */
function mayFailWith(selection: Selection, subgraph: string): boolean {
  if (onlyFrom(selection, subgraph)) return true;
  return selection.children.some((child) => isNonNullType(child.field.type) && mayFailWith(child, subgraph));
}

type Path = (string | number)[];

/**
 * Where the degraded answer differs from the healthy one other than it may: a field that needs the subgraph is
 * null, with an error at or below its path; anything else is as in the healthy answer.
 */
function differences(
  subgraph: string,
  selections: Selection[],
  healthy: Record<string, unknown>,
  degraded: Record<string, unknown>,
  errorPaths: string[],
  path: Path = [],
): string[] {
  const found: string[] = [];
  for (const selection of selections) {
    const here = [...path, selection.key];
    const expected = healthy[selection.key];
    const actual = degraded[selection.key];
    if (expected === null || expected === undefined) continue;
    if (actual === null || actual === undefined) {
      if (!mayFailWith(selection, subgraph)) found.push(`${here.join(".")} is null`);
      else if (!errorPaths.some((errorPath) => errorPath.startsWith(here.join("."))))
        found.push(`${here.join(".")} is null without an error at its path`);
      continue;
    }
    if (selection.children.length === 0) {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) found.push(`${here.join(".")} differs`);
      continue;
    }
    const expectedItems = Array.isArray(expected) ? expected : [expected];
    const actualItems = Array.isArray(actual) ? actual : [actual];
    if (expectedItems.length !== actualItems.length) {
      found.push(`${here.join(".")} has ${actualItems.length} items, not ${expectedItems.length}`);
      continue;
    }
    expectedItems.forEach((item, index) => {
      if (item === null) return;
      const itemPath = Array.isArray(expected) ? [...here, index] : here;
      const actualItem = actualItems[index] as Record<string, unknown> | null;
      if (actualItem === null) {
        if (!mayFailWith(selection, subgraph)) found.push(`${itemPath.join(".")} is null`);
        return;
      }
      found.push(
        ...differences(subgraph, selection.children, item as Record<string, unknown>, actualItem, errorPaths, itemPath),
      );
    });
  }
  return found;
}

/** An address that refuses connections: a port that was just free. */
async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/graphql`;
}

const subgraphUrls = () => Object.fromEntries(graph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
const gatewayWith = (urls: Record<string, string>) =>
  startGateway({
    signingKeys: graph.signingKeys,
    port: 0,
    host: "127.0.0.1",
    subgraphUrls: urls,
    limits: unlimited,
    rateLimits: false,
  });

let schema: GraphQLSchema;
let broad: Selection[];
let viewer: Record<string, string>;
let healthy: GraphQLResponse;

beforeAll(async () => {
  const introspection = await graph.query(getIntrospectionQuery());
  schema = buildClientSchema(introspection.body.data);
  broad = broadSelection(schema.getQueryType()!, 4);
  // A member and admin of every network, so that restricted fields answer too.
  const { body } = await graph.query(`{ networks { id } }`);
  const networks = (body.data.networks as { id: string }[]).map(({ id }) => id);
  viewer = bearer(
    await clientToken({
      sub: "outage-test",
      networks: Object.fromEntries(networks.map((id) => [id, ["MEMBER", "NETWORK_ADMIN"]])),
    }),
  );
  const gateway = await gatewayWith(subgraphUrls());
  try {
    healthy = await postGraphQL(gateway.url, { query: `{ ${printSelection(broad)} }` }, viewer);
  } finally {
    await gateway.close();
  }
});

describe("with every subgraph up", () => {
  it("answers the query over the whole graph, refusing only what the viewer may not read", () => {
    expect(healthy.status).toBe(200);
    expect(new Set(healthy.body.errors?.map((error) => error.extensions?.code))).toEqual(new Set(["FORBIDDEN"]));
    // It reaches every subgraph.
    const reached = new Set(
      broad.flatMap(function graphsOf(selection): string[] {
        return [
          ...(resolvers.get(`${selection.parent}.${selection.field.name}`) ?? []),
          ...selection.children.flatMap(graphsOf),
        ];
      }),
    );
    for (const { name } of subgraphs) expect(reached).toContain(name);
  });
});

describe.each(subgraphs.map(({ name }) => name))("with the %s subgraph down", (down) => {
  let answer: GraphQLResponse;
  let ready: { status: number; body: { status: string; unavailable?: string[] } };

  beforeAll(async () => {
    const gateway = await gatewayWith({ ...subgraphUrls(), [down]: await deadUrl() });
    try {
      answer = await postGraphQL(gateway.url, { query: `{ ${printSelection(broad)} }` }, viewer);
      const response = await fetch(gateway.url.replace("/graphql", "/ready"));
      ready = { status: response.status, body: (await response.json()) as typeof ready.body };
    } finally {
      await gateway.close();
    }
  });

  it("keeps every field of the other subgraphs", () => {
    expect(answer.status).toBe(200);
    const errorPaths = (answer.body.errors ?? []).map((error) => (error.path ?? []).join("."));
    expect(differences(down, broad, healthy.body.data, answer.body.data ?? {}, errorPaths)).toEqual([]);
  });

  it("says which subgraph failed, with a stable code and without its address", () => {
    const refusals = new Set(healthy.body.errors?.map((error) => JSON.stringify(error)));
    const errors = (answer.body.errors ?? []).filter((error) => !refusals.has(JSON.stringify(error)));
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", subgraph: down });
      expect(error.path?.length).toBeGreaterThan(0);
      expect(JSON.stringify(error)).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\/|ECONNREFUSED|\n\s+at /);
    }
  });

  it("is not ready, and says which subgraph it misses", () => {
    expect(ready).toMatchObject({
      status: 503,
      body: { status: "unavailable", service: "gateway", unavailable: [down] },
    });
  });
});

describe("a subgraph that takes the connection and never answers", () => {
  it("costs the client its timeout: the other fields answer, the hung calls are cut", async () => {
    const sockets = new Set<Socket>();
    const hung = http.createServer(() => {
      // Reads the request and never answers.
    });
    hung.on("connection", (socket) => {
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    process.env.EVENTS_TIMEOUT_SECONDS = "1";
    const gateway = await gatewayWith({
      ...subgraphUrls(),
      events: `http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql`,
    });
    try {
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          postGraphQL(gateway.url, { query: `{ country(code: "PT") { name events { id } } }` }),
        ),
      );
      const elapsed = performance.now() - started;
      for (const { status, body } of answers) {
        expect(status).toBe(200);
        expect(body.data.country).toEqual({ name: "Portugal", events: null });
        expect(body.errors?.[0]).toMatchObject({
          path: ["country", "events"],
          extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "events" },
        });
      }
      // One timeout (1 s), not five in a row; generous for a loaded machine.
      expect(elapsed).toBeLessThan(5000);
      // The gateway gave up its calls: nothing piles up on the hung subgraph.
      const deadline = Date.now() + 5000;
      while (sockets.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sockets.size).toBe(0);
    } finally {
      delete process.env.EVENTS_TIMEOUT_SECONDS;
      await gateway.close();
      hung.closeAllConnections();
      await new Promise((resolve) => hung.close(resolve));
    }
  });
});
