// npm run test:postgres: the whole test suite again on a PostgreSQL server (TEST_DATABASE_URL, by default the local
// one at 127.0.0.1:5432). Without a reachable server it says so and skips, unless REQUIRE_POSTGRES=1 (as on CI).
import { spawnSync } from "node:child_process";
import pg from "pg";
import { envFlag, envString } from "../common/config";

const url = envString("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test");

async function reachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main() {
  const shown = url.replace(/\/\/[^@]*@/, "//");
  const problem = await reachable();
  if (problem) {
    const line = `PostgreSQL run: no server reachable at ${shown} (${problem}); skipped. Set TEST_DATABASE_URL to run it.`;
    if (envFlag("REQUIRE_POSTGRES", false)) {
      console.error(`${line.replace("skipped", "failing, since REQUIRE_POSTGRES is set")}`);
      process.exit(1);
    }
    console.log(line);
    return;
  }
  console.log(`PostgreSQL run: the test suite against ${shown}`);
  const run = spawnSync(
    process.execPath,
    ["--experimental-vm-modules", "--no-warnings", "node_modules/jest/bin/jest.js", ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, TEST_DATABASE_URL: url },
    },
  );
  process.exit(run.status ?? 1);
}

void main();
