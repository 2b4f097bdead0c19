import { members } from "./members";

/** Every subgraph of the graph, in start order. A new subgraph is added here (see README, "Adding a subgraph"). */
export const subgraphs = [members] as const;

export type SubgraphName = (typeof subgraphs)[number]["name"];
