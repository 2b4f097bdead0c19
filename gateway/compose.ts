import { composeServices } from "@apollo/composition";
import { printSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { subgraphs } from "../subgraphs";

export interface ComposedGraph {
  /** Each subgraph's SDL, by subgraph name. */
  subgraphSdl: Record<string, string>;
  supergraphSdl: string;
}

/** The URL a subgraph has in the committed supergraph: its default port on loopback (overridable at run time). */
export const defaultSubgraphUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;

/** Builds every subgraph's SDL and composes the supergraph; throws with every composition error listed. */
export async function composeGraph(): Promise<ComposedGraph> {
  const subgraphSdl: Record<string, string> = {};
  for (const subgraph of subgraphs) {
    subgraphSdl[subgraph.name] = printSubgraphSchema(await subgraph.buildSchema());
  }
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: defaultSubgraphUrl(subgraph.defaultPort),
      typeDefs: parse(subgraphSdl[subgraph.name]),
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `- ${error.message}`).join("\n")}`);
  }
  return { subgraphSdl, supergraphSdl: result.supergraphSdl };
}
