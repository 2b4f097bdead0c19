// npm run new-subgraph -- <name> [--network <id>] [--description "<what it owns>"]
// Creates a working subgraph in every place it needs, from the kit in scripts/subgraph-kit/: its code
// (subgraphs/<name>/), Prisma schema, first migration and seed (prisma/<name>/), a test through the gateway
// (test/<name>.test.ts), its entry in subgraphs/index.ts and schema/subgraphs.json, its docker-compose service, its
// owners in .github/CODEOWNERS, its generated client and its SDL (npm run compose). Then `npm test` passes with it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { subgraphEnvName } from "../common/config";

const root = path.join(__dirname, "..");
const kit = path.join(__dirname, "subgraph-kit");

export interface NewSubgraph {
  name: string;
  network: string | null;
  description: string;
}

const pascal = (name: string) =>
  name.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
const camel = (name: string) => pascal(name).replace(/^./, (letter) => letter.toLowerCase());

/** The ports of the existing subgraphs (their `defaultPort`), to give the new one the next. */
function nextPort(dir: string): number {
  const ports = fs
    .readdirSync(path.join(dir, "subgraphs"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) =>
      /defaultPort: (\d+)/.exec(fs.readFileSync(path.join(dir, "subgraphs", entry.name, "index.ts"), "utf8")),
    )
    .map((match) => Number(match?.[1] ?? 0));
  return Math.max(4000, ...ports) + 1;
}

function render(template: string, values: Record<string, string>): string {
  return template.replace(/__(name|camel|Pascal|port|network|description)__/g, (_match, key: string) => values[key]);
}

/** Every kit file, rendered to its place in the repository. */
function writeFiles(dir: string, values: Record<string, string>): string[] {
  const places: [string, string][] = [
    ["subgraphs", `subgraphs/${values.name}`],
    ["prisma", `prisma/${values.name}`],
    ["test/subgraph.test.ts.template", `test/${values.name}.test.ts.template`],
  ];
  const written: string[] = [];
  const copy = (from: string, to: string) => {
    if (fs.statSync(from).isDirectory()) {
      for (const entry of fs.readdirSync(from)) copy(path.join(from, entry), path.join(to, entry));
      return;
    }
    const target = to.replace(/\.template$/, "");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, render(fs.readFileSync(from, "utf8"), values));
    written.push(path.relative(dir, target));
  };
  for (const [from, to] of places) copy(path.join(kit, from), path.join(dir, to));
  return written;
}

function addToSubgraphList(dir: string, { name, camel: variable }: Record<string, string>): void {
  const file = path.join(dir, "subgraphs", "index.ts");
  let text = fs.readFileSync(file, "utf8");
  text = text.replace(
    /(import \{ \w+ \} from "\.\/[\w-]+";\n)(?!import \{ \w+ \} from "\.\/)/,
    `$1import { ${variable} } from "./${name}";\n`,
  );
  text = text.replace(
    /(export const subgraphs: [^=]+= \[)([^\]]*)\]/,
    (_match, head: string, list: string) => `${head}${list.trim().replace(/,$/, "")}, ${variable}]`,
  );
  fs.writeFileSync(file, text);
}

function register(dir: string, name: string, port: number): void {
  const file = path.join(dir, "schema", "subgraphs.json");
  const registry = JSON.parse(fs.readFileSync(file, "utf8")) as { name: string; url: string }[];
  registry.push({ name, url: `http://127.0.0.1:${port}/graphql` });
  fs.writeFileSync(file, `${JSON.stringify(registry, null, 2)}\n`);
}

/** Its own service in docker-compose.yml, like the others: PostgreSQL schema of its own, the gateway's JWKS. */
function addComposeService(dir: string, name: string, port: number): void {
  const file = path.join(dir, "docker-compose.yml");
  const document = parseDocument(fs.readFileSync(file, "utf8"));
  const services = document.get("services") as YAMLMap;
  const schema = name.replace(/-/g, "_");
  services.set(
    name,
    document.createNode({
      build: ".",
      command: ["node", "-r", "@swc-node/register", "scripts/start-subgraph.ts", name],
      environment: {
        DATABASE_URL: `postgresql://graph:graph@postgres:5432/graph?schema=${schema}`,
        GATEWAY_JWKS_URL: "http://gateway:4000/.well-known/jwks.json",
        SUBGRAPH_HOST: "0.0.0.0",
        [subgraphEnvName(name, "PORT")]: String(port),
      },
      depends_on: { postgres: { condition: "service_healthy" } },
      healthcheck: {
        test: [
          "CMD",
          "node",
          "-e",
          `fetch('http://127.0.0.1:${port}/ready').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
        ],
        interval: "5s",
        retries: 20,
      },
    }),
  );
  // Commands and checks on one line, as the other services write them.
  const service = services.get(name) as YAMLMap;
  (service.get("command") as YAMLSeq).flow = true;
  ((service.get("healthcheck") as YAMLMap).get("test") as YAMLSeq).flow = true;
  const gateway = services.get("gateway") as YAMLMap;
  (gateway.get("environment") as YAMLMap).set(subgraphEnvName(name, "URL"), `http://${name}:${port}/graphql`);
  (gateway.get("depends_on") as YAMLMap).set(name, document.createNode({ condition: "service_healthy" }));
  // Keep the gateway last, after the services it depends on.
  services.items.push(
    services.items.splice(
      services.items.findIndex((item) => String(item.key) === "gateway"),
      1,
    )[0],
  );
  fs.writeFileSync(file, document.toString({ lineWidth: 0 }));
}

function addOwners(dir: string, name: string, network: string | null): void {
  const file = path.join(dir, ".github", "CODEOWNERS");
  const team = network ? `@cybercrime-networks-graph/${network}` : "@cybercrime-networks-graph/core";
  const lines = [
    `/subgraphs/${name}/ ${team}`,
    `/prisma/${name}/ ${team}`,
    `/schema/${name}.graphql ${team}`,
    `/test/${name}.test.ts ${team}`,
  ];
  fs.appendFileSync(file, `\n# ${name}${network ? ` (owned by the network ${network})` : ""}\n${lines.join("\n")}\n`);
}

/** Generates the client and writes the first migration (from nothing to the kit's schema). */
function prepareDatabase(dir: string, name: string): void {
  const prismaCli = path.join(dir, "node_modules", "prisma", "build", "index.js");
  const config = path.join("prisma", name, "prisma.config.ts");
  const env = { ...process.env, DATABASE_URL: "postgresql://localhost/unused" };
  execFileSync(process.execPath, [prismaCli, "generate", "--config", config], { cwd: dir, env, stdio: "pipe" });
  const sql = execFileSync(
    process.execPath,
    [
      prismaCli,
      "migrate",
      "diff",
      "--config",
      config,
      "--from-empty",
      "--to-schema-datamodel",
      path.join("prisma", name, "schema.prisma"),
      "--script",
    ],
    { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  ).replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, "");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const migrations = path.join(dir, "prisma", name, "migrations");
  fs.mkdirSync(path.join(migrations, `${stamp}_init`), { recursive: true });
  fs.writeFileSync(path.join(migrations, `${stamp}_init`, "migration.sql"), sql);
  fs.writeFileSync(path.join(migrations, "migration_lock.toml"), 'provider = "postgresql"\n');
}

export function newSubgraph({ name, network, description }: NewSubgraph, dir = root): string[] {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name) || name.length > 40) {
    throw new Error(
      `the name must be lower-case letters and digits, words joined by hyphens (e.g. forum-cibercrime), got "${name}"`,
    );
  }
  if (network !== null && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(network))
    throw new Error(`--network must be a network id, got "${network}"`);
  for (const taken of [`subgraphs/${name}`, `prisma/${name}`, `schema/${name}.graphql`]) {
    if (fs.existsSync(path.join(dir, taken))) throw new Error(`${taken} exists already`);
  }
  const port = nextPort(dir);
  const values = {
    name,
    camel: camel(name),
    Pascal: pascal(name),
    port: String(port),
    network: network ?? "ejcn",
    description: description.trim().replace(/\.?$/, "."),
  };
  const written = writeFiles(dir, values);
  addToSubgraphList(dir, values);
  register(dir, name, port);
  addComposeService(dir, name, port);
  addOwners(dir, name, network);
  prepareDatabase(dir, name);
  execFileSync(process.execPath, ["-r", "@swc-node/register", "scripts/compose.ts"], { cwd: dir, stdio: "pipe" });
  const prettier = path.join(dir, "node_modules", "prettier", "bin", "prettier.cjs");
  const formatted = written.filter((file) => /\.(ts|json)$/.test(file));
  execFileSync(
    process.execPath,
    [prettier, "--write", ...formatted, "subgraphs/index.ts", "schema/subgraphs.json", "docker-compose.yml"],
    {
      cwd: dir,
      stdio: "pipe",
    },
  );
  return [
    ...written,
    "subgraphs/index.ts",
    "schema/subgraphs.json",
    "docker-compose.yml",
    ".github/CODEOWNERS",
    `prisma/${name}/migrations`,
    "schema/",
  ];
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { network: { type: "string" }, description: { type: "string" } },
  });
  const [name] = positionals;
  if (!name) {
    console.error('usage: npm run new-subgraph -- <name> [--network <id>] [--description "<what it owns>"]');
    process.exit(2);
  }
  const network = values.network ?? null;
  const description =
    values.description ?? (network ? `What the network ${network} owns and runs.` : `The ${name} subgraph.`);
  const written = newSubgraph({ name, network, description });
  console.log(`created the ${name} subgraph:\n${written.map((file) => `  ${file}`).join("\n")}`);
  console.log(
    `next: npm test, then replace the starting Notice with what ${network ?? "the subgraph"} owns (README, "Running your network's subgraph")`,
  );
}

if (require.main === module) main();
