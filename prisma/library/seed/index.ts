import type { SeedTable } from "../../../common/seed";
import { documentRows } from "./documents";

/** The library subgraph's seed: public documents, each with its source (documents.ts). */
export function librarySeed(): SeedTable[] {
  return [{ table: "Document", key: ["id"], rows: documentRows() }];
}
