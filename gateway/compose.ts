import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse, type GraphQLSchema } from "graphql";
import fs from "node:fs";
import path from "node:path";
import { subgraphs } from "../subgraphs";

export const schemaDir = path.join(__dirname, "..", "schema");

/** A subgraph of the graph, by name and URL; its SDL is committed as schema/<name>.graphql. */
export interface RegisteredSubgraph {
  name: string;
  url: string;
}

export interface ComposedGraph {
  /** Each subgraph's SDL, by subgraph name. */
  subgraphSdl: Record<string, string>;
  supergraphSdl: string;
  /** What clients see: the supergraph without its federation machinery. */
  apiSchema: GraphQLSchema;
}

export class CompositionFailed extends Error {
  constructor(readonly problems: string[]) {
    super(`composition failed:\n${problems.map((problem) => `- ${problem}`).join("\n")}`);
  }
}

/** The URL a subgraph has in the committed supergraph: its default port on loopback (overridable at run time). */
export const defaultSubgraphUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/**
 * The subgraphs of the graph (schema/subgraphs.json): those built in this repository and those registered from
 * another host with `npm run schema:fetch`.
 */
export function readRegistry(dir = schemaDir): RegisteredSubgraph[] {
  return JSON.parse(fs.readFileSync(path.join(dir, "subgraphs.json"), "utf8")) as RegisteredSubgraph[];
}

export function writeRegistry(registry: RegisteredSubgraph[], dir = schemaDir): void {
  fs.writeFileSync(path.join(dir, "subgraphs.json"), `${JSON.stringify(registry, null, 2)}\n`);
}

/** Composes the supergraph from each subgraph's SDL (Apollo composition); throws with every problem listed. */
export function composeSdl(entries: (RegisteredSubgraph & { sdl: string })[]): ComposedGraph {
  const result = composeServices(entries.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) throw new CompositionFailed(result.errors.map((error) => error.message));
  return {
    subgraphSdl: Object.fromEntries(entries.map(({ name, sdl }) => [name, sdl])),
    supergraphSdl: result.supergraphSdl,
    apiSchema: result.schema.toAPISchema().toGraphQLJSSchema(),
  };
}

/** The committed SDL of every registered subgraph, composed. */
export function composeCommitted(dir = schemaDir): ComposedGraph {
  return composeSdl(
    readRegistry(dir).map((subgraph) => ({
      ...subgraph,
      sdl: fs.readFileSync(path.join(dir, `${subgraph.name}.graphql`), "utf8"),
    })),
  );
}

/**
 * The SDL of this repository's subgraphs as their code builds it, with the committed SDL of those registered from
 * other hosts, composed.
 */
export async function composeGraph(): Promise<ComposedGraph> {
  const local = new Map(subgraphs.map((subgraph) => [subgraph.name, subgraph]));
  const registry = readRegistry();
  for (const subgraph of subgraphs) {
    if (!registry.some((entry) => entry.name === subgraph.name)) {
      registry.push({ name: subgraph.name, url: defaultSubgraphUrl(subgraph.defaultPort) });
    }
  }
  const entries = [];
  for (const entry of registry) {
    const definition = local.get(entry.name);
    const sdl = definition
      ? printSubgraphSchema(await definition.buildSchema())
      : fs.readFileSync(path.join(schemaDir, `${entry.name}.graphql`), "utf8");
    entries.push({ ...entry, sdl });
  }
  return composeSdl(entries);
}
