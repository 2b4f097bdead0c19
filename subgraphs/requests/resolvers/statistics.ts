import { LRUCache } from "lru-cache";
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { requireAllowed, requireViewer } from "../../../common/auth";
import { now } from "../../../common/clock";
import { envPositiveInt } from "../../../common/config";
import { badUserInput } from "../../../common/errors";
import { Prisma } from "../../../prisma/requests/generated/client";
import type { RequestsContext } from "../loaders";
import { RequestStatistics, RequestStatisticsFilter } from "../types/statistics";

const hours = (from: string, to: string) => Prisma.raw(`extract(epoch from ("${to}" - "${from}")) / 3600`);
const median = (from: string, to: string) =>
  Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours(from, to)})`;
const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

@Resolver(() => RequestStatistics)
export class RequestStatisticsResolver {
  @Query(() => RequestStatistics, {
    description: "For analysts: aggregates of sent requests, computed in SQL; never contents.",
  })
  async requestStatistics(
    @Arg("filter", () => RequestStatisticsFilter, { nullable: true }) filter: RequestStatisticsFilter | null,
    @Ctx() { viewer, prisma }: RequestsContext,
  ): Promise<RequestStatistics> {
    requireAllowed(requireViewer(viewer), viewer!.analyst, "read request statistics (analysts only)");
    const conditions = [Prisma.sql`"sentAt" IS NOT NULL`];
    const country = (code: string | null | undefined, column: string, field: string) => {
      if (code == null) return;
      if (!/^[A-Za-z]{2}$/.test(code))
        throw badUserInput(`${field.split(".")[1]} must be an ISO 3166-1 alpha-2 code`, field);
      conditions.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${code.toUpperCase()}`);
    };
    country(filter?.requestingCountry, "requestingCountryCode", "filter.requestingCountry");
    country(filter?.requestedCountry, "requestedCountryCode", "filter.requestedCountry");
    if (filter?.kind) conditions.push(Prisma.sql`"kind"::text = ${filter.kind}`);
    if (filter?.from) conditions.push(Prisma.sql`"sentAt" >= ${filter.from}`);
    if (filter?.to) conditions.push(Prisma.sql`"sentAt" < ${filter.to}`);
    if (filter?.from && filter?.to && filter.to <= filter.from)
      throw badUserInput("to must be after from", "filter.to");
    const where = Prisma.join(conditions, " AND ");
    const key = JSON.stringify([
      filter?.requestingCountry?.toUpperCase(),
      filter?.requestedCountry?.toUpperCase(),
      filter?.kind,
      filter?.from,
      filter?.to,
    ]);
    return statisticsCache(prisma).fetch(key, {
      context: () => computeStatistics(prisma, where),
    }) as Promise<RequestStatistics>;
  }
}

/**
 * Statistics per filter are computed at most once per REQUEST_STATISTICS_CACHE_SECONDS (default 60) and shared by
 * concurrent askers: exact medians over a million requests take about a second of database time, and analysts'
 * aggregates need not be fresher than a minute. `computedAt` says how fresh they are.
 */
const cacheSeconds = envPositiveInt("REQUEST_STATISTICS_CACHE_SECONDS", 60);
type StatisticsCache = LRUCache<string, RequestStatistics, () => Promise<RequestStatistics>>;
const caches = new WeakMap<object, StatisticsCache>();

function statisticsCache(prisma: RequestsContext["prisma"]): StatisticsCache {
  let cache = caches.get(prisma);
  if (!cache) {
    cache = new LRUCache({
      max: 1_000,
      ttl: cacheSeconds * 1_000,
      fetchMethod: (_key, _stale, { context }) => context(),
    });
    caches.set(prisma, cache);
  }
  return cache;
}

/** Two scans: counts by kind and by status (grouping sets), then per-month and overall medians (rollup). */
async function computeStatistics(prisma: RequestsContext["prisma"], where: Prisma.Sql): Promise<RequestStatistics> {
  const computedAt = now();
  const [counts, months] = await Promise.all([
    prisma.$queryRaw<{ kind: string | null; status: string | null; count: bigint }[]>`
      SELECT "kind"::text AS kind, "status"::text AS status, count(*) AS count FROM "CooperationRequest" WHERE ${where}
      GROUP BY GROUPING SETS (("kind"), ("status")) ORDER BY 1, 2`,
    prisma.$queryRaw<{ month: string | null; sent: bigint; ack: number | null; exec: number | null }[]>`
      SELECT to_char("sentAt" AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*) AS sent,
             ${median("sentAt", "acknowledgedAt")} AS ack, ${median("sentAt", "executedAt")} AS exec
      FROM "CooperationRequest" WHERE ${where} GROUP BY ROLLUP (1) ORDER BY 1`,
  ]);
  // The rollup's row without a month is the total (an empty grouping set yields it even for no rows).
  const overall = months.find((row) => row.month === null)!;
  const byMonth = months.filter((row) => row.month !== null);
  const byKind = counts.filter((row) => row.kind !== null);
  const byStatus = counts.filter((row) => row.status !== null);
  return {
    sent: Number(overall.sent),
    byKind: byKind.map((row) => ({ kind: row.kind as never, count: Number(row.count) })),
    byStatus: byStatus.map((row) => ({ status: row.status as never, count: Number(row.count) })),
    medianHoursToAcknowledge: number(overall.ack),
    medianHoursToExecute: number(overall.exec),
    byMonth: byMonth.map((row) => ({
      month: row.month!,
      sent: Number(row.sent),
      medianHoursToAcknowledge: number(row.ack),
      medianHoursToExecute: number(row.exec),
    })),
    computedAt,
  };
}
