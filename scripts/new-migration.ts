// npm run migration -- <subgraph> <name>: writes prisma/<subgraph>/migrations/<timestamp>_<name>/migration.sql with
// the SQL from the last committed schema.prisma (or from nothing, for a new subgraph) to the current one.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function main() {
  const [subgraph, name] = process.argv.slice(2);
  if (!subgraph || !name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run migration -- <subgraph> <name in lower_snake_case>");
    process.exit(2);
  }
  const root = path.join(__dirname, "..");
  const schema = path.join("prisma", subgraph, "schema.prisma");
  if (!fs.existsSync(path.join(root, schema))) {
    console.error(`no ${schema}`);
    process.exit(2);
  }
  let from = ["--from-empty"];
  try {
    const committed = execFileSync("git", ["show", `HEAD:${schema}`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
    fs.writeFileSync(previous, committed);
    from = ["--from-schema-datamodel", previous];
  } catch {
    // Not committed yet: the first migration of a new subgraph.
  }
  const sql = execFileSync(
    process.execPath,
    [
      require.resolve("prisma/build/index.js"),
      "migrate",
      "diff",
      "--config",
      path.join("prisma", subgraph, "prisma.config.ts"),
      ...from,
      "--to-schema-datamodel",
      schema,
      "--script",
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "postgresql://localhost/unused" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  ).replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, "");
  if (/empty migration/i.test(sql)) {
    console.log("schema.prisma has no changes since the last commit: nothing written");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(root, "prisma", subgraph, "migrations", `${stamp}_${name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "migration.sql"), sql);
  console.log(`wrote ${path.relative(root, folder)}/migration.sql: review it, then commit it with schema.prisma`);
}

main();
