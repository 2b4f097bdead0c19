import type { SeedTable } from "../../../common/seed";
import { outcomeReportRows, presidencyRows, productRows, trioRows, workProgrammeRows } from "./ejcn";

/**
 * The ejcn subgraph's seed: real public facts only, each row with its source. No restricted-session material: none is
 * public; the EJCN's network admins add it (addRestrictedMaterial).
 */
export function ejcnSeed(): SeedTable[] {
  return [
    { table: "WorkProgramme", key: ["id"], rows: workProgrammeRows() },
    { table: "Trio", key: ["id"], rows: trioRows() },
    { table: "Presidency", key: ["semester"], rows: presidencyRows() },
    { table: "OutcomeReport", key: ["id"], rows: outcomeReportRows() },
    { table: "Product", key: ["id"], rows: productRows() },
  ];
}
