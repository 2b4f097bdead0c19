import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { requireAllowed, requireViewer } from "../../../common/auth";
import { badUserInput } from "../../../common/errors";
import { Prisma } from "../../../prisma/requests/generated/client";
import type { RequestsContext } from "../loaders";
import { RequestStatistics, RequestStatisticsFilter } from "../types/statistics";

const hours = (from: string, to: string) => Prisma.raw(`extract(epoch from ("${to}" - "${from}")) / 3600`);
const median = (from: string, to: string) => Prisma.sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours(from, to)})`;
const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

@Resolver(() => RequestStatistics)
export class RequestStatisticsResolver {
  @Query(() => RequestStatistics, { description: "For analysts: aggregates of sent requests, computed in SQL; never contents." })
  async requestStatistics(
    @Arg("filter", () => RequestStatisticsFilter, { nullable: true }) filter: RequestStatisticsFilter | null,
    @Ctx() { viewer, prisma }: RequestsContext,
  ): Promise<RequestStatistics> {
    requireAllowed(requireViewer(viewer), viewer!.analyst, "read request statistics (analysts only)");
    const conditions = [Prisma.sql`"sentAt" IS NOT NULL`];
    const country = (code: string | null | undefined, column: string, field: string) => {
      if (code == null) return;
      if (!/^[A-Za-z]{2}$/.test(code)) throw badUserInput(`${field.split(".")[1]} must be an ISO 3166-1 alpha-2 code`, field);
      conditions.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${code.toUpperCase()}`);
    };
    country(filter?.requestingCountry, "requestingCountryCode", "filter.requestingCountry");
    country(filter?.requestedCountry, "requestedCountryCode", "filter.requestedCountry");
    if (filter?.kind) conditions.push(Prisma.sql`"kind"::text = ${filter.kind}`);
    if (filter?.from) conditions.push(Prisma.sql`"sentAt" >= ${filter.from}`);
    if (filter?.to) conditions.push(Prisma.sql`"sentAt" < ${filter.to}`);
    if (filter?.from && filter?.to && filter.to <= filter.from) throw badUserInput("to must be after from", "filter.to");
    const where = Prisma.join(conditions, " AND ");

    const [byKind, byStatus, overall, byMonth] = await Promise.all([
      prisma.$queryRaw<{ kind: string; count: bigint }[]>`SELECT "kind"::text AS kind, count(*) AS count FROM "CooperationRequest" WHERE ${where} GROUP BY 1 ORDER BY 1`,
      prisma.$queryRaw<{ status: string; count: bigint }[]>`SELECT "status"::text AS status, count(*) AS count FROM "CooperationRequest" WHERE ${where} GROUP BY 1 ORDER BY 1`,
      prisma.$queryRaw<{ sent: bigint; ack: number | null; exec: number | null }[]>`
        SELECT count(*) AS sent, ${median("sentAt", "acknowledgedAt")} AS ack, ${median("sentAt", "executedAt")} AS exec
        FROM "CooperationRequest" WHERE ${where}`,
      prisma.$queryRaw<{ month: string; sent: bigint; ack: number | null; exec: number | null }[]>`
        SELECT to_char("sentAt" AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*) AS sent,
               ${median("sentAt", "acknowledgedAt")} AS ack, ${median("sentAt", "executedAt")} AS exec
        FROM "CooperationRequest" WHERE ${where} GROUP BY 1 ORDER BY 1`,
    ]);
    return {
      sent: Number(overall[0].sent),
      byKind: byKind.map((row) => ({ kind: row.kind as never, count: Number(row.count) })),
      byStatus: byStatus.map((row) => ({ status: row.status as never, count: Number(row.count) })),
      medianHoursToAcknowledge: number(overall[0].ack),
      medianHoursToExecute: number(overall[0].exec),
      byMonth: byMonth.map((row) => ({ month: row.month, sent: Number(row.sent), medianHoursToAcknowledge: number(row.ack), medianHoursToExecute: number(row.exec) })),
    };
  }
}
