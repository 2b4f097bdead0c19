// Runs after `npm install`: generates the Prisma client of every subgraph that stores data (prisma/<name>/).
// Plain JavaScript because it runs before anything else is set up.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const prismaRoot = path.join(__dirname, "..", "prisma");
const prismaCli = require.resolve("prisma/build/index.js");
for (const name of fs.readdirSync(prismaRoot).sort()) {
  const config = path.join(prismaRoot, name, "prisma.config.ts");
  if (!fs.existsSync(config)) continue;
  const run = spawnSync(process.execPath, [prismaCli, "generate", "--config", config], {
    encoding: "utf8",
    // The 6.x CLI wants a URL even though the driver adapter connects; without one it tries to download engines.
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://localhost/unused" },
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    process.exit(run.status ?? 1);
  }
  console.log(`prisma: generated the ${name} client`);
}
