import { LRUCache } from "lru-cache";
import { z } from "zod";
import { now } from "../../common/clock";
import { envPositiveInt } from "../../common/config";
import { Prisma, RequestKind, RequestStatus } from "../../prisma/requests/generated/client";
import type { RequestStatistics } from "./types/statistics";
import type { RequestsDb } from "./visibility";

/**
 * Statistics per filter are computed at most once per REQUEST_STATISTICS_CACHE_SECONDS (default 60) and shared by
 * concurrent askers: exact medians over a million requests take about a second of database time, and analysts'
 * aggregates need not be fresher than a minute. `computedAt` says how fresh they are.
 */
/** The database or the cache answered what they cannot: a bug, never the analyst's fault. */
export class StatisticsError extends Error {
  override name = "StatisticsError";
}

const cacheSeconds = envPositiveInt("REQUEST_STATISTICS_CACHE_SECONDS", 60);
export type StatisticsCache = LRUCache<string, RequestStatistics, () => Promise<RequestStatistics>>;
const caches = new WeakMap<object, StatisticsCache>();

/** The figures cache of one database (the object is only its identity: nothing is queried through it). */
export function statisticsCacheOf(database: object): StatisticsCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new LRUCache({
      max: 1_000,
      ttl: cacheSeconds * 1_000,
      fetchMethod: (_key, _stale, { context }) => context(),
    });
    caches.set(database, cache);
  }
  return cache;
}

const hours = (from: string, to: string) => Prisma.raw(`extract(epoch from ("${to}" - "${from}")) / 3600`);
const median = (from: string, to: string) =>
  Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours(from, to)})`;

// The rows of the two statements, checked: counts arrive as bigint, medians as numbers.
const figure = z.coerce.number();
const countRows = z.array(
  z.object({ kind: z.enum(RequestKind).nullable(), status: z.enum(RequestStatus).nullable(), count: figure }),
);
const monthRows = z.array(
  z.object({ month: z.string().nullable(), sent: figure, ack: figure.nullable(), exec: figure.nullable() }),
);

/**
 * Two scans: counts by kind and by status (grouping sets), then per-month and overall medians (rollup). Through the
 * viewer's client, which lets only analysts run them and only as aggregates (visibility.ts).
 */
export async function computeStatistics(db: RequestsDb, where: Prisma.Sql): Promise<RequestStatistics> {
  const computedAt = now();
  const [counts, months] = await Promise.all([
    db.$queryRaw`
      SELECT "kind"::text AS kind, "status"::text AS status, count(*) AS count FROM "CooperationRequest" WHERE ${where}
      GROUP BY GROUPING SETS (("kind"), ("status")) ORDER BY 1, 2`.then((rows) => countRows.parse(rows)),
    db.$queryRaw`
      SELECT to_char("sentAt" AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*) AS sent,
             ${median("sentAt", "acknowledgedAt")} AS ack, ${median("sentAt", "executedAt")} AS exec
      FROM "CooperationRequest" WHERE ${where} GROUP BY ROLLUP (1) ORDER BY 1`.then((rows) => monthRows.parse(rows)),
  ]);
  // The rollup's row without a month is the total (an empty grouping set yields it even for no rows).
  const overall = months.find((row) => row.month === null);
  if (!overall) throw new StatisticsError("the rollup returned no total row");
  return {
    sent: overall.sent,
    byKind: counts.flatMap(({ kind, count }) => (kind ? [{ kind, count }] : [])),
    byStatus: counts.flatMap(({ status, count }) => (status ? [{ status, count }] : [])),
    medianHoursToAcknowledge: overall.ack,
    medianHoursToExecute: overall.exec,
    byMonth: months.flatMap(({ month, sent, ack, exec }) =>
      month === null ? [] : [{ month, sent, medianHoursToAcknowledge: ack, medianHoursToExecute: exec }],
    ),
    computedAt,
  };
}
