import type { SeedTable } from "../../../common/seed";

/**
 * The gpen subgraph's seed: real public facts only, each row with its source. The forum holds members' posts and
 * nothing about it is public, so there is none; tests and benchmarks generate visibly synthetic threads
 * (`../synthetic.ts`).
 */
export function gpenSeed(): SeedTable[] {
  return [];
}
