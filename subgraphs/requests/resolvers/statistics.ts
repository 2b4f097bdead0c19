import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { requireAllowed, requireViewer } from "../../../common/auth";
import { badUserInput } from "../../../common/errors";
import { countryCode } from "../../../common/validation";
import { Prisma } from "../../../prisma/requests/generated/client";
import type { RequestsContext } from "../loaders";
import { computeStatistics, StatisticsError } from "../statistics";
import { RequestStatistics, RequestStatisticsFilter } from "../types/statistics";

@Resolver(() => RequestStatistics)
export class RequestStatisticsResolver {
  @Query(() => RequestStatistics, {
    nullable: true,
    description: "For analysts: aggregates of sent requests, computed in SQL; never contents.",
  })
  async requestStatistics(
    @Arg("filter", () => RequestStatisticsFilter, { nullable: true }) filter: RequestStatisticsFilter | null,
    @Ctx() { viewer, loaders }: RequestsContext,
  ): Promise<RequestStatistics> {
    const analyst = requireViewer(viewer);
    requireAllowed(analyst, analyst.analyst, "read request statistics (analysts only)");
    const conditions = [Prisma.sql`"sentAt" IS NOT NULL`];
    const country = (code: string | null | undefined, column: string, field: string) => {
      if (code == null) return undefined;
      const checked = countryCode(code, field);
      conditions.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${checked}`);
      return checked;
    };
    const requestingCountry = country(filter?.requestingCountry, "requestingCountryCode", "filter.requestingCountry");
    const requestedCountry = country(filter?.requestedCountry, "requestedCountryCode", "filter.requestedCountry");
    if (filter?.kind) conditions.push(Prisma.sql`"kind"::text = ${filter.kind}`);
    if (filter?.from) conditions.push(Prisma.sql`"sentAt" >= ${filter.from}`);
    if (filter?.to) conditions.push(Prisma.sql`"sentAt" < ${filter.to}`);
    if (filter?.from && filter?.to && filter.to <= filter.from)
      throw badUserInput("to must be after from", "filter.to");
    const where = Prisma.join(conditions, " AND ");
    const key = JSON.stringify([requestingCountry, requestedCountry, filter?.kind, filter?.from, filter?.to]);
    const statistics = await loaders.statistics.fetch(key, { context: () => computeStatistics(loaders.db, where) });
    // The cache answers undefined only when its fetch is aborted, which nothing here does.
    if (!statistics) throw new StatisticsError("the statistics cache returned no figures");
    return statistics;
  }
}
