import type { SeedTable } from "../../../common/seed";

/** The gpen subgraph's seed: real public facts only, each row with its source. None yet. */
export function gpenSeed(): SeedTable[] {
  return [];
}
