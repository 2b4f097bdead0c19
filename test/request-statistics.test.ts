// requestStatistics from the aggregates the database keeps (no country in the filter) against a recomputation from
// every request, on data written by many concurrent transactions.
import { viewerFromClaims } from "../common/auth";
import { upsertRows } from "../common/seed";
import type { PrismaClient } from "../prisma/requests/generated/client";
import { seededRandom, syntheticRequests } from "../prisma/requests/synthetic";
import { computeStatistics, scannedStatistics, type StatisticsFilter } from "../subgraphs/requests/statistics";
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

/** Both ways of computing a filter's figures, without the instant each was computed at. */
async function bothWays(filter: StatisticsFilter) {
  const db = analystDb();
  const [kept, scanned] = await Promise.all([computeStatistics(db, filter), scannedStatistics(db, filter)]);
  return { kept: { ...kept, computedAt: undefined }, scanned: { ...scanned, computedAt: undefined } };
}

// Filters whose ends fall on and between month boundaries, in one month, before and after the data, and none.
const filters: StatisticsFilter[] = [
  {},
  { kind: "PRESERVATION" },
  { kind: "MLA_STORED_DATA", from: new Date("2025-03-01T00:00:00Z") },
  { from: new Date("2025-02-17T00:00:00Z") },
  { to: new Date("2025-06-09T00:00:00Z") },
  { from: new Date("2025-02-01T00:00:00Z"), to: new Date("2025-05-01T00:00:00Z") },
  { from: new Date("2025-02-13T00:00:00Z"), to: new Date("2025-05-21T00:00:00Z") },
  { from: new Date("2025-04-03T00:00:00Z"), to: new Date("2025-04-28T00:00:00Z"), kind: "PRESERVATION" },
  { from: new Date("2025-04-01T00:00:00Z"), to: new Date("2025-04-11T00:00:00Z") },
  { from: new Date("2025-04-11T00:00:00Z"), to: new Date("2025-05-01T00:00:00Z") },
  { from: new Date("2025-04-30T00:00:00Z"), to: new Date("2025-05-02T00:00:00Z") },
  { from: new Date("2030-01-01T00:00:00Z") },
  { to: new Date("2000-01-01T00:00:00Z") },
];

describe("request statistics from kept aggregates", () => {
  const authorities = ["GS", "IO", "UM", "TF"].map((countryCode) => ({ id: `stat-${countryCode}`, countryCode }));
  const synthetic = syntheticRequests({
    count: 1_200,
    authorities,
    start: new Date("2025-01-10T00:00:00Z"),
    months: 8,
    seed: 23,
  });

  beforeAll(async () => {
    await upsertRows(requests().sql, "CooperationRequest", ["id"], synthetic.requests);
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
    // the median lies between the second bucket holding 1 hour and the one holding 2, with ties on either side.
    const sentAt = "2024-06-05T09:00:00Z";
    const rows = [1, 1, 1, 2, 40, 40.5].map((ackHours, index) => ({
      ...synthetic.requests[index],
      id: `stat-tie-${index}`,
      kind: "GENERAL_ASSISTANCE",
      status: "ACKNOWLEDGED",
      sentAt: new Date(sentAt),
      createdAt: new Date(sentAt),
      acknowledgedAt: new Date(Date.parse(sentAt) + ackHours * hour),
      executedAt: null,
      closedAt: null,
      preservedUntil: null,
      caseReference: `tie-${index}`,
    }));
    await upsertRows(requests().sql, "CooperationRequest", ["id"], rows);
    const june = { from: new Date("2024-06-01T00:00:00Z"), to: new Date("2024-07-01T00:00:00Z") };
    const { kept, scanned } = await bothWays(june);
    expect(kept).toEqual(scanned);
    expect(kept.medianHoursToAcknowledge).toBe(1.5);
    expect((await bothWays({ ...june, kind: "GENERAL_ASSISTANCE" })).kept.sent).toBe(6);
  });

  it("stays exact under concurrent transitions, inserts and deletes, and never answers half a change", async () => {
    const sql = requests().sql;
    const next = seededRandom(5);
    const sent = synthetic.requests.filter((request) => request.sentAt !== null);
    // Changes as the subgraph makes them, one request a statement, many at once: acknowledged, executed, withdrawn,
    // sending time corrected, inserted, and deleted again.
    const inserted: string[] = [];
    const change = async (round: number) => {
      const request = sent[Math.floor(next() * sent.length)];
      const roll = next();
      if (roll < 0.3)
        await sql.query(
          `UPDATE "CooperationRequest" SET "status" = 'ACKNOWLEDGED', "executedAt" = NULL,
             "acknowledgedAt" = "sentAt" + make_interval(mins => $2::int) WHERE "id" = $1`,
          [request.id, Math.ceil(next() * 3_000)],
        );
      else if (roll < 0.55)
        await sql.query(
          `UPDATE "CooperationRequest" SET "status" = 'EXECUTED',
             "acknowledgedAt" = coalesce("acknowledgedAt", "sentAt" + interval '1 hour'),
             "executedAt" = coalesce("acknowledgedAt", "sentAt" + interval '1 hour') + make_interval(hours => $2::int)
           WHERE "id" = $1`,
          [request.id, Math.ceil(next() * 400)],
        );
      else if (roll < 0.7)
        await sql.query(`UPDATE "CooperationRequest" SET "status" = 'WITHDRAWN' WHERE "id" = $1`, [request.id]);
      else if (roll < 0.85)
        await sql.query(
          `UPDATE "CooperationRequest" SET "sentAt" = "sentAt" + make_interval(days => $2::int),
             "acknowledgedAt" = "acknowledgedAt" + make_interval(days => $2::int),
             "executedAt" = "executedAt" + make_interval(days => $2::int)
           WHERE "id" = $1`,
          [request.id, Math.round(next() * 40) - 20],
        );
      else if (roll < 0.95 || inserted.length === 0) {
        const id = `stat-new-${round}`;
        inserted.push(id);
        await upsertRows(sql, "CooperationRequest", ["id"], [{ ...request, id, caseReference: id }]);
      } else await sql.query(`DELETE FROM "CooperationRequest" WHERE "id" = $1`, [inserted.shift()]);
    };
    // Readers during the writes: each answer is one snapshot, so its parts add up.
    const consistent = async () => {
      const figures = await computeStatistics(analystDb(), {});
      const total = (counts: { count: number }[]) => counts.reduce((sum, { count }) => sum + count, 0);
      expect(total(figures.byKind)).toBe(figures.sent);
      expect(total(figures.byStatus)).toBe(figures.sent);
      expect(figures.byMonth.reduce((sum, { sent: count }) => sum + count, 0)).toBe(figures.sent);
    };
    const rounds = Array.from({ length: 300 }, (_, round) => round);
    await Promise.all([...rounds.map((round) => change(round)), ...Array.from({ length: 12 }, () => consistent())]);
    for (const filter of filters) {
      const { kept, scanned } = await bothWays(filter);
      expect(kept).toEqual(scanned);
    }
  });

  it("answers through the graph from the kept aggregates", async () => {
    const { body } = await graph.query(
      `{ requestStatistics(filter: { from: "2025-02-13", to: "2025-05-21" }) { sent medianHoursToAcknowledge byMonth { month sent } } }`,
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
});
