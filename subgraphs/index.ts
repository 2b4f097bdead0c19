import type { SubgraphDefinition } from "../common/subgraph";
import { contacts } from "./contacts";
import { ejcn } from "./ejcn";
import { events } from "./events";
import { gpen } from "./gpen";
import { library } from "./library";
import { members } from "./members";
import { requests } from "./requests";
import { training } from "./training";

/**
 * Every subgraph of the graph, in start order. `npm run new-subgraph` adds a new one here (README, "Running your network's subgraph").
 * Each has its own Prisma client and loaders; the list only needs what every definition has.
 */
// Each definition has its own client and loader types; the list holds what all of them share.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const subgraphs: SubgraphDefinition<any, any>[] = [
  members,
  contacts,
  requests,
  events,
  training,
  ejcn,
  gpen,
  library,
];
