// requestStatistics from the aggregates the database keeps (no country in the filter) against a recomputation from
// every request, in the same snapshot, also while many connections change requests (on PostgreSQL: the embedded
// database is one connection, so there the changes take turns).
import fs from "node:fs";
import path from "node:path";
import { viewerFromClaims } from "../common/auth";
import { upsertRows } from "../common/seed";
import { Prisma, type PrismaClient } from "../prisma/requests/generated/client";
import { seededRandom, syntheticRequests } from "../prisma/requests/synthetic";
import { keptStatistics, scannedStatistics, type StatisticsFilter } from "../subgraphs/requests/statistics";
import { requestsClientFor } from "../subgraphs/requests/visibility";
import { bearer, clientToken, useTestGraph } from "./harness";

const graph = useTestGraph();
const requests = () => graph.subgraphs.find((subgraph) => subgraph.name === "requests")!.database;
const analystDb = () =>
  requestsClientFor(
    requests().prisma as PrismaClient,
    viewerFromClaims({ sub: "analyst", analyst: true, networks: {} }),
  );
const hour = 3_600_000;
const at = (instant: string) => new Date(instant);

/** Both ways of computing a filter's figures, in one snapshot, without the instant each was computed at. */
async function bothWays(filter: StatisticsFilter) {
  const [kept, scanned] = await analystDb().$transaction(
    async (tx) => [await keptStatistics(tx, filter), await scannedStatistics(tx, filter)],
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000 },
  );
  return { kept: { ...kept, computedAt: undefined }, scanned: { ...scanned, computedAt: undefined } };
}

/** The kept tables' rows that a recomputation from the requests does not give, and the reverse. */
async function keptAgainstRecomputed() {
  const [difference] = await requests().sql.query<{ months: number; durations: number }>(`
    WITH kept_months AS (SELECT "month", "kind", "status", "count" FROM "RequestMonthCount" WHERE "count" <> 0),
    months AS (
      SELECT date_trunc('month', "sentAt" AT TIME ZONE 'UTC')::date AS "month", "kind", "status", count(*)::int AS "count"
      FROM "CooperationRequest" WHERE "sentAt" IS NOT NULL GROUP BY 1, 2, 3),
    kept_durations AS (
      SELECT "month", "kind", "milestone", "bucket", "count" FROM "RequestDurationCount" WHERE "count" <> 0),
    durations AS (
      SELECT date_trunc('month', "sentAt" AT TIME ZONE 'UTC')::date AS "month", "kind", milestone AS "milestone",
             "request_duration_bucket"("request_hours"("sentAt", reached)) AS "bucket", count(*)::int AS "count"
      FROM "CooperationRequest"
      CROSS JOIN LATERAL (VALUES ('ACKNOWLEDGED'::"RequestStatus", "acknowledgedAt"),
                                 ('EXECUTED'::"RequestStatus", "executedAt")) AS milestones (milestone, reached)
      WHERE "sentAt" IS NOT NULL AND reached IS NOT NULL
      GROUP BY GROUPING SETS ((1, 2, 3, 4), (1, 3, 4)))
    SELECT (SELECT count(*) FROM ((TABLE kept_months EXCEPT TABLE months) UNION ALL
                                  (TABLE months EXCEPT TABLE kept_months)) AS differing)::int AS months,
           (SELECT count(*) FROM ((TABLE kept_durations EXCEPT TABLE durations) UNION ALL
                                  (TABLE durations EXCEPT TABLE kept_durations)) AS differing)::int AS durations`);
  return difference;
}

// Filters whose ends fall on and between month boundaries, in one month, before and after the data, and none.
const filters: StatisticsFilter[] = [
  {},
  { kind: "PRESERVATION" },
  { kind: "MLA_STORED_DATA", from: at("2025-03-01T00:00:00Z") },
  { from: at("2025-02-17T00:00:00Z") },
  { to: at("2025-06-09T00:00:00Z") },
  { from: at("2025-02-01T00:00:00Z"), to: at("2025-05-01T00:00:00Z") },
  { from: at("2025-02-13T00:00:00Z"), to: at("2025-05-21T00:00:00Z") },
  { from: at("2025-04-03T00:00:00Z"), to: at("2025-04-28T00:00:00Z"), kind: "PRESERVATION" },
  { from: at("2025-04-01T00:00:00Z"), to: at("2025-04-11T00:00:00Z") },
  { from: at("2025-04-11T00:00:00Z"), to: at("2025-05-01T00:00:00Z") },
  { from: at("2025-04-30T00:00:00Z"), to: at("2025-05-02T00:00:00Z") },
  { from: at("2030-01-01T00:00:00Z") },
  { to: at("2000-01-01T00:00:00Z") },
  // The graph's first and last years: months of years below 100, and no whole month after December 9999.
  { from: at("0001-01-01T00:00:00Z"), to: at("0050-03-17T00:00:00Z") },
  { from: at("9999-12-15T00:00:00Z") },
];

describe("request statistics from kept aggregates", () => {
  const authorities = ["GS", "IO", "UM", "TF"].map((countryCode) => ({ id: `stat-${countryCode}`, countryCode }));
  const synthetic = syntheticRequests({
    count: 1_200,
    authorities,
    start: at("2025-01-10T00:00:00Z"),
    months: 8,
    seed: 23,
  });
  // Requests sent exactly at a month's start and at the filters' ends, and in the years 50 and 9999.
  const onBoundaries = [
    "2025-02-13T00:00:00Z",
    "2025-04-01T00:00:00Z",
    "2025-05-01T00:00:00Z",
    "2025-05-21T00:00:00Z",
    "0050-03-16T12:00:00Z",
    "9999-12-20T00:00:00Z",
  ].map((sentAt, index) => ({
    ...synthetic.requests[index],
    id: `stat-boundary-${index}`,
    caseReference: `boundary-${index}`,
    status: "EXECUTED",
    createdAt: at(sentAt),
    sentAt: at(sentAt),
    acknowledgedAt: new Date(Date.parse(sentAt) + 3 * hour),
    executedAt: new Date(Date.parse(sentAt) + 30 * hour),
    closedAt: new Date(Date.parse(sentAt) + 30 * hour),
    preservedUntil: null,
  }));

  beforeAll(async () => {
    await upsertRows(requests().sql, "CooperationRequest", ["id"], [...synthetic.requests, ...onBoundaries]);
  });

  it.each(filters.map((filter) => [JSON.stringify(filter), filter]))(
    "gives what a recomputation gives: %s",
    async (_name, filter) => {
      const { kept, scanned } = await bothWays(filter);
      expect(kept).toEqual(scanned);
    },
  );

  it("holds the same medians when the middle falls between buckets and on ties", async () => {
    // Six requests sent on one day of a month no other row uses, acknowledged after 1, 1, 1, 2, 40 and 40.5 hours:
    // the median lies between the bucket holding 1 hour and the one holding 2, with ties on either side.
    const sentAt = "2024-06-05T09:00:00Z";
    const rows = [1, 1, 1, 2, 40, 40.5].map((ackHours, index) => ({
      ...synthetic.requests[index],
      id: `stat-tie-${index}`,
      kind: "GENERAL_ASSISTANCE",
      status: "ACKNOWLEDGED",
      sentAt: at(sentAt),
      createdAt: at(sentAt),
      acknowledgedAt: new Date(Date.parse(sentAt) + ackHours * hour),
      executedAt: null,
      closedAt: null,
      preservedUntil: null,
      caseReference: `tie-${index}`,
    }));
    await upsertRows(requests().sql, "CooperationRequest", ["id"], rows);
    const june = { from: at("2024-06-01T00:00:00Z"), to: at("2024-07-01T00:00:00Z") };
    const { kept, scanned } = await bothWays(june);
    expect(kept).toEqual(scanned);
    expect(kept.medianHoursToAcknowledge).toBe(1.5);
    expect((await bothWays({ ...june, kind: "GENERAL_ASSISTANCE" })).kept.sent).toBe(6);
  });

  it("stays exact under concurrent changes, each reader's figures equal to a recomputation in its snapshot", async () => {
    const sql = requests().sql;
    const next = seededRandom(5);
    const sent = synthetic.requests.filter((request) => request.sentAt !== null);
    const pick = () => sent[Math.floor(next() * sent.length)];
    const kinds = ["PRESERVATION", "MLA_STORED_DATA", "EMERGENCY_MLA", "GENERAL_ASSISTANCE"];
    // Changes as single statements, many at once: acknowledged, executed, withdrawn, kind corrected, sending time
    // moved (also to a month's start), two requests in one statement, a request written again (an upsert on its
    // row), inserted, and deleted again.
    const inserted: string[] = [];
    const change = async (round: number) => {
      const request = pick();
      const roll = next();
      if (roll < 0.2)
        await sql.query(
          `UPDATE "CooperationRequest" SET "status" = 'ACKNOWLEDGED', "executedAt" = NULL,
             "acknowledgedAt" = "sentAt" + make_interval(mins => $2::int) WHERE "id" = $1`,
          [request.id, Math.ceil(next() * 3_000)],
        );
      else if (roll < 0.35)
        await sql.query(
          `UPDATE "CooperationRequest" SET "status" = 'EXECUTED',
             "acknowledgedAt" = coalesce("acknowledgedAt", "sentAt" + interval '1 hour'),
             "executedAt" = coalesce("acknowledgedAt", "sentAt" + interval '1 hour') + make_interval(hours => $2::int)
           WHERE "id" = $1`,
          [request.id, Math.ceil(next() * 400)],
        );
      else if (roll < 0.45)
        await sql.query(`UPDATE "CooperationRequest" SET "status" = 'WITHDRAWN' WHERE "id" = $1`, [request.id]);
      else if (roll < 0.55)
        await sql.query(`UPDATE "CooperationRequest" SET "kind" = $2::"RequestKind" WHERE "id" = $1`, [
          request.id,
          kinds[Math.floor(next() * kinds.length)],
        ]);
      else if (roll < 0.65)
        await sql.query(
          `UPDATE "CooperationRequest" SET
             "sentAt" = CASE WHEN $2::int = 0 THEN date_trunc('month', "sentAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                             ELSE "sentAt" + make_interval(days => $2::int) END,
             "acknowledgedAt" = "acknowledgedAt" + make_interval(days => $2::int),
             "executedAt" = "executedAt" + make_interval(days => $2::int)
           WHERE "id" = $1`,
          [request.id, Math.round(next() * 40) - 20],
        );
      else if (roll < 0.72) {
        // Locked in index order: two such statements never wait for each other's rows crosswise.
        const ids = [request.id, pick().id].sort();
        await sql.query(
          `UPDATE "CooperationRequest" SET "status" = 'IN_PROGRESS', "executedAt" = NULL WHERE "id" = ANY($1::text[])`,
          [ids],
        );
      } else if (roll < 0.8)
        await upsertRows(sql, "CooperationRequest", ["id"], [{ ...request, status: "REFUSED", executedAt: null }]);
      else if (roll < 0.93 || inserted.length === 0) {
        const id = `stat-new-${round}`;
        inserted.push(id);
        await upsertRows(sql, "CooperationRequest", ["id"], [{ ...request, id, caseReference: id }]);
      } else await sql.query(`DELETE FROM "CooperationRequest" WHERE "id" = $1`, [inserted.shift()]);
    };
    const readers = Array.from({ length: 8 }, async (_, index) => {
      const { kept, scanned } = await bothWays(filters[index]);
      expect(kept).toEqual(scanned);
    });
    await Promise.all([...Array.from({ length: 300 }, (_, round) => change(round)), ...readers]);
    expect(await keptAgainstRecomputed()).toEqual({ months: 0, durations: 0 });
    for (const filter of filters) {
      const { kept, scanned } = await bothWays(filter);
      expect(kept).toEqual(scanned);
    }
  });

  it("answers through the graph from the kept aggregates", async () => {
    const filter = '{ from: "2025-02-13", to: "2025-05-21" }';
    const { body } = await graph.query(
      `{ requestStatistics(filter: ${filter}) { sent medianHoursToAcknowledge byMonth { month sent } } }`,
      {},
      bearer(await clientToken({ sub: "analyst", analyst: true, networks: {} })),
    );
    const { scanned } = await bothWays(filters[6]);
    expect(body.data.requestStatistics).toEqual({
      sent: scanned.sent,
      medianHoursToAcknowledge: scanned.medianHoursToAcknowledge,
      byMonth: scanned.byMonth.map(({ month, sent }) => ({ month, sent })),
    });
    expect(scanned.byMonth.map(({ month }) => month)).toEqual(["2025-02", "2025-03", "2025-04", "2025-05"]);
  });

  it("keeps the figures of a change written from a session with another search path", async () => {
    const sql = requests().sql;
    const [{ schema }] = await sql.query<{ schema: string }>(`SELECT current_schema() AS schema`);
    const row = { ...synthetic.requests[0], id: "stat-other-path", caseReference: "other-path" };
    const columns = Object.keys(row);
    await sql.transaction(async (tx) => {
      await tx.exec(`SET LOCAL search_path TO pg_catalog`);
      await tx.query(
        `INSERT INTO "${schema}"."CooperationRequest" (${columns.map((column) => `"${column}"`).join(", ")})
         VALUES (${columns.map((_, index) => `$${index + 1}`).join(", ")})`,
        columns.map((column) => {
          const value = (row as Record<string, unknown>)[column];
          return column === "content" ? JSON.stringify(JSON.parse(String(value))) : value;
        }),
      );
    });
    expect(await keptAgainstRecomputed()).toEqual({ months: 0, durations: 0 });
  });

  it("fills the kept tables from the requests already there when the migration runs", async () => {
    const migration = fs.readFileSync(
      path.join(
        __dirname,
        "..",
        "prisma",
        "requests",
        "migrations",
        "20261201013000_statistics_aggregates",
        "migration.sql",
      ),
      "utf8",
    );
    const backfill = migration.slice(migration.indexOf("-- The requests already there."));
    await requests().sql.exec(`TRUNCATE "RequestMonthCount", "RequestDurationCount"; ${backfill}`);
    expect(await keptAgainstRecomputed()).toEqual({ months: 0, durations: 0 });
  });

  it("empties the kept tables with the requests", async () => {
    await requests().sql.exec(`TRUNCATE "CooperationRequest" CASCADE`);
    const [kept] = await requests().sql.query<{ rows: number }>(
      `SELECT ((SELECT count(*) FROM "RequestMonthCount") + (SELECT count(*) FROM "RequestDurationCount"))::int AS rows`,
    );
    expect(kept.rows).toBe(0);
    expect((await bothWays({})).kept).toMatchObject({ sent: 0, byMonth: [], medianHoursToAcknowledge: null });
  });
});
