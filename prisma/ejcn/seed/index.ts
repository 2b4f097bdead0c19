import type { SeedTable } from "../../../common/seed";

/** The ejcn subgraph's seed: real public facts only, each row with its source. None yet. */
export function ejcnSeed(): SeedTable[] {
  return [];
}
