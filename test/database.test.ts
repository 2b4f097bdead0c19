import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { embeddedTarget, openDatabase, type Database } from "../common/database";
import { applyMigrations } from "../common/migrations";
import { seedOnce } from "../common/seed";
import { startSubgraph } from "../common/subgraph";
import { type PrismaClient } from "../prisma/members/generated/client";
import { membersSeed } from "../prisma/members/seed";
import { members } from "../subgraphs/members";
import { dropTarget, testTarget } from "./harness";

const migrationsDir = path.join(__dirname, "..", "prisma", "members", "migrations");

describe("migrations and seed", () => {
  let database: Database<PrismaClient>;
  beforeEach(async () => {
    database = await openDatabase("members", testTarget("members"), members.createPrismaClient);
  });
  afterEach(async () => {
    await database.close();
    await dropTarget(database.target);
  });

  it("applies each migration once", async () => {
    expect(await applyMigrations(database.sql, "members", migrationsDir)).toEqual([]);
    const applied = await database.sql.query<{ migration_name: string }>(
      `SELECT "migration_name" FROM "_prisma_migrations"`,
    );
    expect(applied.map((row) => row.migration_name)).toEqual(
      fs
        .readdirSync(migrationsDir)
        .filter((name) => !name.endsWith(".toml"))
        .sort(),
    );
  });

  it("refuses a migration changed after it was applied", async () => {
    const changed = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    for (const name of fs.readdirSync(migrationsDir).filter((entry) => !entry.endsWith(".toml"))) {
      fs.mkdirSync(path.join(changed, name));
      fs.writeFileSync(
        path.join(changed, name, "migration.sql"),
        `${fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8")}\n-- edited`,
      );
    }
    await expect(applyMigrations(database.sql, "members", changed)).rejects.toThrow(/was changed after it was applied/);
  });

  it("seeds once, then only when the seed changes, updating in place", async () => {
    expect(await seedOnce(database.sql, "members", membersSeed())).toBe(true);
    expect(await seedOnce(database.sql, "members", membersSeed())).toBe(false);
    const before = await database.prisma.network.count();

    const changed = membersSeed();
    const networkRows = changed[0].rows as { id: string; host: string | null }[];
    networkRows.find((network) => network.id === "gpen")!.host = "changed host";
    changed[0].rows = networkRows.filter((network) => network.id === "gpen");
    expect(await seedOnce(database.sql, "members", changed)).toBe(true);
    expect((await database.prisma.network.findUnique({ where: { id: "gpen" } }))!.host).toBe("changed host");
    expect(await database.prisma.network.count()).toBe(before);
  });

  it("writes nothing when a seed fails half-way", async () => {
    const broken = membersSeed();
    broken.at(-1)!.rows = [{ ...broken.at(-1)!.rows[0], id: "broken", countryCode: "QQ" }];
    await expect(seedOnce(database.sql, "members", broken)).rejects.toThrow();
    expect(await database.prisma.country.count()).toBe(0);
    expect(await database.sql.query(`SELECT 1 FROM "_seed_runs"`)).toEqual([]);
  });

  it("gives every seeded fact a source", async () => {
    await seedOnce(database.sql, "members", membersSeed());
    for (const table of ["Network", "TreatyParticipation", "Authority", "Membership"]) {
      const missing = await database.sql.query(`SELECT * FROM "${table}" WHERE coalesce(trim("source"), '') = ''`);
      expect({ table, missing }).toEqual({ table, missing: [] });
    }
    expect(await database.prisma.country.count()).toBe(250);
    expect(
      await database.prisma.country.count({ where: { OR: [{ nameFr: "" }, { nameEs: "" }, { namePt: "" }] } }),
    ).toBe(0);
  });
});

describe("the embedded database on disk", () => {
  it("keeps its data across restarts and does not seed again", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-"));
    const target = embeddedTarget("members", path.join(dataDir, "members"));
    const first = await startSubgraph(members, { target, port: 0 });
    await first.database.prisma.membership.update({
      where: { id: "ejcn:AT:member" },
      data: { since: new Date("2016-11-24") },
    });
    await first.stop();

    const second = await startSubgraph(members, { target, port: 0 });
    try {
      const kept = await second.database.prisma.membership.findUnique({ where: { id: "ejcn:AT:member" } });
      expect(kept!.since!.toISOString()).toBe("2016-11-24T00:00:00.000Z");
      expect(await second.database.sql.query(`SELECT count(*)::int AS runs FROM "_seed_runs"`)).toEqual([{ runs: 1 }]);
    } finally {
      await second.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
