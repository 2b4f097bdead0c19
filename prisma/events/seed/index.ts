import type { SeedTable } from "../../../common/seed";
import { eventDocumentRows, eventRows } from "./events";

/** The events subgraph's seed: dated activities of the networks and projects, each with its source. */
export function eventsSeed(): SeedTable[] {
  return [
    { table: "Event", key: ["id"], rows: eventRows() },
    { table: "EventDocument", key: ["id"], rows: eventDocumentRows() },
  ];
}
