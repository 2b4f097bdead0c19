// npm run schema:check [-- --schema-dir <dir>] [--accept]
// Composes the supergraph from the committed SDL (schema/<subgraph>.graphql of every subgraph in schema/subgraphs.json)
// and compares the API schema with the published one (schema/api.graphql). Fails on a composition error and on a
// breaking change not acknowledged, with a reason, in schema/breaking-changes.json; lists dangerous and safe changes.
// --accept publishes the new API schema once the check passes (a release step).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import "reflect-metadata";
import { schemaDir } from "../gateway/compose";
import { acknowledgementsFile, checkSchema, publishedApiFile } from "./schema-contract";

async function main() {
  const { values } = parseArgs({ options: { "schema-dir": { type: "string" }, accept: { type: "boolean" } } });
  const dir = path.resolve(values["schema-dir"] ?? schemaDir);
  const check = await checkSchema(dir);
  const list = (title: string, lines: string[]) => {
    if (lines.length > 0) console.log(`${title}:\n${lines.map((line) => `  - ${line}`).join("\n")}`);
  };
  list("composition errors", check.compositionErrors);
  list(`breaking changes (acknowledge each in ${acknowledgementsFile} with a reason, or undo it)`, check.breaking);
  list("breaking changes acknowledged", check.acknowledged);
  list("dangerous changes", check.dangerous);
  list("safe changes", check.safe);
  if (!check.ok) {
    console.error("schema check failed");
    process.exit(1);
  }
  console.log(`schema check passed against ${publishedApiFile}`);
  if (values.accept) {
    fs.writeFileSync(path.join(dir, publishedApiFile), check.apiSdl);
    console.log(`published the new API schema to ${path.relative(process.cwd(), path.join(dir, publishedApiFile))}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
