// npm run schema:fetch -- <name> <url>
// Registers a subgraph that runs elsewhere (a network's own host): writes its SDL from `_service { sdl }` to
// schema/<name>.graphql and its name and URL to schema/subgraphs.json. Then `npm run compose` and
// `npm run schema:check`, and commit the three files.
import fs from "node:fs";
import path from "node:path";
import { readRegistry, schemaDir, writeRegistry } from "../gateway/compose";

async function main() {
  const [name, url] = process.argv.slice(2);
  if (!name || !url || !/^[a-z][a-z0-9-]{1,40}$/.test(name)) {
    console.error("usage: npm run schema:fetch -- <name in lower case> <url of its /graphql>");
    process.exit(2);
  }
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } }; errors?: { message: string }[] };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`${url} gave no SDL: ${JSON.stringify(body.errors ?? body)}`);
  fs.writeFileSync(path.join(schemaDir, `${name}.graphql`), sdl.endsWith("\n") ? sdl : `${sdl}\n`);
  const registry = readRegistry().filter((entry) => entry.name !== name);
  writeRegistry([...registry, { name, url }]);
  console.log(
    `wrote schema/${name}.graphql and registered ${name} at ${url}; now npm run compose && npm run schema:check`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
