// npm run compose: writes schema/<subgraph>.graphql and schema/supergraph.graphql; fails on composition errors.
import fs from "node:fs";
import path from "node:path";
import "reflect-metadata";
import { composeGraph } from "../gateway/compose";

async function main() {
  const schemaDir = path.join(__dirname, "..", "schema");
  const { subgraphSdl, supergraphSdl } = await composeGraph();
  for (const [name, sdl] of Object.entries(subgraphSdl)) {
    fs.writeFileSync(path.join(schemaDir, `${name}.graphql`), sdl);
    console.log(`wrote schema/${name}.graphql`);
  }
  fs.writeFileSync(path.join(schemaDir, "supergraph.graphql"), supergraphSdl);
  console.log("wrote schema/supergraph.graphql");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
