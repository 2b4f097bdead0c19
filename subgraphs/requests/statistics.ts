import { LRUCache } from "lru-cache";
import { z } from "zod";
import { now } from "../../common/clock";
import { envPositiveInt } from "../../common/config";
import type { RequestKind as GraphRequestKind } from "../../common/request-kind";
import { lastYear } from "../../common/scalars";
import { Prisma, RequestKind, RequestStatus } from "../../prisma/requests/generated/client";
import type { RequestStatistics } from "./types/statistics";
import type { RequestsDb } from "./visibility";

/** What the figures are read through: the viewer's client, inside one snapshot. */
export type StatisticsReader = Pick<RequestsDb, "$queryRaw">;

/** The database or the cache answered what they cannot: a bug, never the analyst's fault. */
export class StatisticsError extends Error {
  override name = "StatisticsError";
}

const cacheSeconds = envPositiveInt("REQUEST_STATISTICS_CACHE_SECONDS", 60);
export type StatisticsCache = LRUCache<string, RequestStatistics, () => Promise<RequestStatistics>>;
const caches = new WeakMap<object, StatisticsCache>();

/**
 * The figures cache of one database (the object is only its identity: nothing is queried through it). Statistics per
 * filter are computed at most once per REQUEST_STATISTICS_CACHE_SECONDS (default 60) and shared by concurrent askers:
 * analysts' aggregates need not be fresher than a minute. `computedAt` says how fresh they are.
 */
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

/** Sent requests in [from, to), between these countries, of this kind; every part checked by the resolver. */
export interface StatisticsFilter {
  requestingCountry?: string;
  requestedCountry?: string;
  kind?: GraphRequestKind;
  from?: Date;
  to?: Date;
}

/** The filter as a condition on "CooperationRequest". */
function whereOf(filter: StatisticsFilter): Prisma.Sql {
  const conditions = [Prisma.sql`"sentAt" IS NOT NULL`];
  if (filter.requestingCountry) conditions.push(Prisma.sql`"requestingCountryCode" = ${filter.requestingCountry}`);
  if (filter.requestedCountry) conditions.push(Prisma.sql`"requestedCountryCode" = ${filter.requestedCountry}`);
  if (filter.kind) conditions.push(Prisma.sql`"kind"::text = ${filter.kind}`);
  if (filter.from) conditions.push(Prisma.sql`"sentAt" >= ${filter.from}`);
  if (filter.to) conditions.push(Prisma.sql`"sentAt" < ${filter.to}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * The figures of a filter, from one snapshot (repeatable read), so that a concurrent change is either wholly in them
 * or not at all. Without a country they come from the aggregates the database keeps as requests change
 * (`keptStatistics`); a country's requests are few enough to read (`scannedStatistics`). Both give the same figures.
 */
export function computeStatistics(db: RequestsDb, filter: StatisticsFilter): Promise<RequestStatistics> {
  return db.$transaction(
    (tx) =>
      filter.requestingCountry || filter.requestedCountry ? scannedStatistics(tx, filter) : keptStatistics(tx, filter),
    // A scan of a large country's requests may take seconds: more than Prisma's default of 5 s for a transaction.
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 60_000 },
  );
}

const hours = (from: string, to: string) => Prisma.raw(`"request_hours"("${from}", "${to}")`);
const median = (from: string, to: string) =>
  Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours(from, to)})`;

// The rows of the statements, checked: counts arrive as bigint, medians as numbers.
const figure = z.coerce.number();
const kindOrNull = z.enum(RequestKind).nullable();
const statusOrNull = z.enum(RequestStatus).nullable();
const countRows = z.array(z.object({ kind: kindOrNull, status: statusOrNull, count: figure }));
const monthRows = z.array(
  z.object({ month: z.string().nullable(), sent: figure, ack: figure.nullable(), exec: figure.nullable() }),
);

/**
 * Two scans of the matching requests: counts by kind and by status (grouping sets), then per-month and overall
 * medians (rollup). Through the viewer's client, which lets only analysts run them and only as aggregates
 * (visibility.ts).
 */
export async function scannedStatistics(db: StatisticsReader, filter: StatisticsFilter): Promise<RequestStatistics> {
  const computedAt = now();
  const where = whereOf(filter);
  const [counts, months] = await Promise.all([
    db.$queryRaw`
      SELECT "kind"::text AS kind, "status"::text AS status, count(*) AS count FROM "CooperationRequest" WHERE ${where}
      GROUP BY GROUPING SETS (("kind"), ("status"))`.then((rows) => countRows.parse(rows)),
    db.$queryRaw`
      SELECT to_char("sentAt" AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*) AS sent,
             ${median("sentAt", "acknowledgedAt")} AS ack, ${median("sentAt", "executedAt")} AS exec
      FROM "CooperationRequest" WHERE ${where} GROUP BY ROLLUP (1)`.then((rows) => monthRows.parse(rows)),
  ]);
  // The rollup's row without a month is the total (an empty grouping set yields it even for no rows).
  const overall = months.find((row) => row.month === null);
  if (!overall) throw new StatisticsError("the rollup returned no total row");
  return answer(
    counts,
    months.flatMap((row) => (row.month === null ? [] : [{ ...row, month: row.month }])),
    overall,
    computedAt,
  );
}

interface Count {
  kind: RequestKind | null;
  status: RequestStatus | null;
  count: number;
}
interface Medians {
  ack: number | null;
  exec: number | null;
}
type MonthFigures = Medians & { month: string; sent: number };

/**
 * The answer from counts (each by kind, by status, or both) and months, in the order the schema promises: kinds,
 * statuses and months sorted, nothing counted zero. `sent` is the kinds' sum.
 */
function answer(counts: Count[], months: MonthFigures[], overall: Medians, computedAt: Date): RequestStatistics {
  const sums = <Label extends string>(label: (count: Count) => Label | null) => {
    const totals = new Map<Label, number>();
    for (const count of counts) {
      const key = label(count);
      if (key !== null) totals.set(key, (totals.get(key) ?? 0) + count.count);
    }
    return [...totals].filter(([, count]) => count > 0).sort(([a], [b]) => (a < b ? -1 : 1));
  };
  const byKind = sums((count) => count.kind).map(([kind, count]) => ({ kind, count }));
  return {
    sent: byKind.reduce((sum, { count }) => sum + count, 0),
    byKind,
    byStatus: sums((count) => count.status).map(([status, count]) => ({ status, count })),
    medianHoursToAcknowledge: overall.ack,
    medianHoursToExecute: overall.exec,
    byMonth: months
      .filter(({ sent }) => sent > 0)
      .sort((a, b) => (a.month < b.month ? -1 : 1))
      .map(({ month, sent, ack, exec }) => ({
        month,
        sent,
        medianHoursToAcknowledge: ack,
        medianHoursToExecute: exec,
      })),
    computedAt,
  };
}

const keptCountRows = z.array(
  z.object({ month: z.string(), kind: z.enum(RequestKind), status: z.enum(RequestStatus), count: figure }),
);
const medianRows = z.array(
  z.object({
    month: z.string().nullable(),
    milestone: z.enum(["ACKNOWLEDGED", "EXECUTED"]),
    low: figure,
    high: figure,
  }),
);

// Months in UTC by the Date's own setters: Date.UTC would read the years 1 to 99 as 1901 to 1999.
const monthStart = (instant: Date) => {
  const start = new Date(instant.getTime());
  start.setUTCDate(1);
  start.setUTCHours(0, 0, 0, 0);
  return start;
};
const monthAfter = (instant: Date) => {
  const after = monthStart(instant);
  after.setUTCMonth(after.getUTCMonth() + 1);
  return after;
};
/** The first day of the instant's month (UTC), as the kept aggregates name a month: years 1 to 9999, as the graph's. */
const firstDayOf = (instant: Date) => `${instant.toISOString().slice(0, 7)}-01`;

/**
 * [from, to) as the whole months the kept aggregates answer for (a condition on their "month") and at most two parts
 * of a month at its ends, read from the requests.
 */
function byMonths(from: Date | undefined, to: Date | undefined) {
  const parts: [Date, Date | undefined][] = [];
  const conditions: Prisma.Sql[] = [];
  if (from) {
    const atMonthStart = monthStart(from).getTime() === from.getTime();
    const firstWhole = atMonthStart ? from : monthAfter(from);
    // From a day of December 9999 on, no whole month follows within the graph's years.
    const beyond = firstWhole.getUTCFullYear() > lastYear;
    if (!atMonthStart) parts.push([from, to && to < firstWhole ? to : beyond ? to : firstWhole]);
    conditions.push(beyond ? Prisma.sql`false` : Prisma.sql`"month" >= ${firstDayOf(firstWhole)}::date`);
  }
  if (to) {
    const start = monthStart(to);
    if (start < to && !(from && from > start)) parts.push([start, to]);
    conditions.push(Prisma.sql`"month" < ${firstDayOf(to)}::date`);
  }
  const inParts = parts.length
    ? Prisma.join(
        parts.map(
          ([start, end]) => Prisma.sql`("sentAt" >= ${start} AND "sentAt" < ${end ?? "infinity"}::timestamptz)`,
        ),
        " OR ",
      )
    : Prisma.sql`false`;
  return {
    wholeMonths: conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`true`,
    parts: Prisma.sql`"sentAt" IS NOT NULL AND (${inParts})`,
  };
}

/**
 * Figures from the aggregates the database keeps in the transaction that changes a request (migration
 * `statistics_aggregates`): counts by month, kind and status, and durations by month, kind, milestone and bucket,
 * for whole months; the ends of a range that cut a month are read from the requests. Two statements: read them in one
 * snapshot.
 */
export async function keptStatistics(db: StatisticsReader, filter: StatisticsFilter): Promise<RequestStatistics> {
  const computedAt = now();
  const { wholeMonths, parts } = byMonths(filter.from, filter.to);
  const ofKind = filter.kind ? Prisma.sql`AND "kind"::text = ${filter.kind}` : Prisma.empty;
  const counts = keptCountRows.parse(
    await db.$queryRaw`
          SELECT to_char("month", 'YYYY-MM') AS month, "kind"::text AS kind, "status"::text AS status, count
          FROM (SELECT "month", "kind", "status", sum("count") AS count
                FROM "RequestMonthCount" WHERE ${wholeMonths} ${ofKind} GROUP BY 1, 2, 3
                UNION ALL
                SELECT date_trunc('month', "sentAt" AT TIME ZONE 'UTC')::date, "kind", "status", count(*)
                FROM "CooperationRequest" WHERE ${parts} ${ofKind} GROUP BY 1, 2, 3) AS counts`,
  );
  const medians = medianRows.parse(await db.$queryRaw(middleDurations(filter, wholeMonths, parts, ofKind)));
  const medianOf = (month: string | null): Medians => {
    const median = (milestone: string) => {
      const row = medians.find((candidate) => candidate.month === month && candidate.milestone === milestone);
      // As percentile_cont interpolates, in the same float arithmetic: low + 0.5 × (high − low).
      return row ? row.low + 0.5 * (row.high - row.low) : null;
    };
    return { ack: median("ACKNOWLEDGED"), exec: median("EXECUTED") };
  };
  const sentByMonth = new Map<string, number>();
  for (const { month, count } of counts) sentByMonth.set(month, (sentByMonth.get(month) ?? 0) + count);
  return answer(
    counts,
    [...sentByMonth].map(([month, sent]) => ({ month, sent, ...medianOf(month) })),
    medianOf(null),
    computedAt,
  );
}

/**
 * The two middle durations of each month and of the whole range, by milestone, in one statement: the kept counts by
 * bucket (and the cut months' own) say in which bucket(s) the middle positions lie, since a lower bucket holds only
 * shorter durations; only those buckets' durations are then read and ordered, through the milestone's bucket index.
 * percentile_cont(0.5) interpolates halfway between the durations at 0-based positions floor and ceil of
 * (count − 1) / 2, which in integers are (count − 1) / 2 and count / 2.
 */
function middleDurations(filter: StatisticsFilter, wholeMonths: Prisma.Sql, parts: Prisma.Sql, ofKind: Prisma.Sql) {
  const durationsTo = (milestone: keyof typeof reachedAt) => {
    const reached = Prisma.raw(`"${reachedAt[milestone]}"`);
    return Prisma.sql`
      SELECT "request_hours"("sentAt", ${reached}) AS duration FROM "CooperationRequest"
      WHERE place.milestone = ${milestone}::"RequestStatus" AND "sentAt" IS NOT NULL AND ${reached} IS NOT NULL
        AND "sentAt" >= place.start AND "sentAt" < place.finish
        AND "request_duration_bucket"("request_hours"("sentAt", ${reached}))
            BETWEEN place.first_bucket AND place.last_bucket ${ofKind}`;
  };
  // The kept durations have a row for every kind besides each kind's.
  const ofKindOrEvery = filter.kind ? ofKind : Prisma.sql`AND "kind" IS NULL`;
  const from = filter.from ?? "-infinity";
  const to = filter.to ?? "infinity";
  return Prisma.sql`
    WITH histogram AS (
      SELECT "month", "milestone", "bucket", sum("count")::bigint AS count
      FROM "RequestDurationCount" WHERE ${wholeMonths} ${ofKindOrEvery} GROUP BY 1, 2, 3
      UNION ALL
      SELECT date_trunc('month', "sentAt" AT TIME ZONE 'UTC')::date, milestone,
             "request_duration_bucket"("request_hours"("sentAt", reached)), count(*)
      FROM "CooperationRequest"
      CROSS JOIN LATERAL (VALUES ('ACKNOWLEDGED'::"RequestStatus", "acknowledgedAt"),
                                 ('EXECUTED'::"RequestStatus", "executedAt"))
        AS milestones (milestone, reached)
      WHERE ${parts} AND reached IS NOT NULL ${ofKind} GROUP BY 1, 2, 3
    ), ranked AS (
      SELECT "month", milestone, "bucket", count,
             (sum(count) OVER (PARTITION BY "month", milestone ORDER BY "bucket"))::bigint - count AS below,
             (sum(count) OVER (PARTITION BY "month", milestone))::bigint AS total
      FROM (SELECT "month", milestone, "bucket", sum(count)::bigint AS count FROM histogram
            GROUP BY GROUPING SETS (("month", milestone, "bucket"), (milestone, "bucket"))) AS scopes
    ), positions AS (
      SELECT "month", milestone, "bucket", count, below, (total - 1) / 2 AS low_position, total / 2 AS high_position
      FROM ranked
    ), place AS (
      SELECT "month", milestone,
             min("bucket") FILTER (WHERE below <= low_position AND low_position < below + count) AS first_bucket,
             min("bucket") FILTER (WHERE below <= high_position AND high_position < below + count) AS last_bucket,
             -- 1-based places in the durations of the buckets first…last, counted from the first bucket's start.
             (min(low_position - below + 1) FILTER (WHERE below <= low_position AND low_position < below + count))::int
               AS low_at,
             (min(high_position - below + 1) FILTER (WHERE below <= low_position AND low_position < below + count))::int
               AS high_at,
             CASE WHEN "month" IS NULL THEN ${from}::timestamptz
                  ELSE greatest("month"::timestamp AT TIME ZONE 'UTC', ${from}::timestamptz) END AS start,
             CASE WHEN "month" IS NULL THEN ${to}::timestamptz
                  ELSE least(("month" + interval '1 month') AT TIME ZONE 'UTC', ${to}::timestamptz) END AS finish
      FROM positions GROUP BY "month", milestone
    )
    SELECT to_char(place."month", 'YYYY-MM') AS month, place.milestone::text AS milestone,
           (array_agg(duration ORDER BY duration))[place.low_at] AS low,
           (array_agg(duration ORDER BY duration))[place.high_at] AS high
    FROM place CROSS JOIN LATERAL (${durationsTo("ACKNOWLEDGED")} UNION ALL ${durationsTo("EXECUTED")}) AS durations
    GROUP BY place."month", place.milestone, place.low_at, place.high_at`;
}

// The milestones whose durations are kept, by the column of the instant each is reached.
const reachedAt = { ACKNOWLEDGED: "acknowledgedAt", EXECUTED: "executedAt" } as const;
