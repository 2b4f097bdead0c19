import type { SeedTable } from "../../../common/seed";
import { courseRows, materialRows, sessionRows } from "./training";

/** The training subgraph's seed: courses, sessions and materials with their language versions, each with its source. */
export function trainingSeed(): SeedTable[] {
  return [
    { table: "Course", key: ["id"], rows: courseRows() },
    { table: "TrainingSession", key: ["id"], rows: sessionRows() },
    { table: "Material", key: ["id"], rows: materialRows() },
  ];
}
