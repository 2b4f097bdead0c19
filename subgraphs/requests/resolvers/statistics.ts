import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { requireAllowed, requireViewer } from "../../../common/auth";
import { badUserInput } from "../../../common/errors";
import { countryCode } from "../../../common/validation";
import type { RequestsContext } from "../loaders";
import { computeStatistics, StatisticsError, type StatisticsFilter } from "../statistics";
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
    const requestingCountry =
      filter?.requestingCountry != null ? countryCode(filter.requestingCountry, "filter.requestingCountry") : undefined;
    const requestedCountry =
      filter?.requestedCountry != null ? countryCode(filter.requestedCountry, "filter.requestedCountry") : undefined;
    if (filter?.from && filter?.to && filter.to <= filter.from)
      throw badUserInput("to must be after from", "filter.to");
    const checked: StatisticsFilter = {
      requestingCountry,
      requestedCountry,
      kind: filter?.kind ?? undefined,
      from: filter?.from ?? undefined,
      to: filter?.to ?? undefined,
    };
    const key = JSON.stringify(checked);
    const statistics = await loaders.statistics.fetch(key, { context: () => computeStatistics(loaders.db, checked) });
    // The cache answers undefined only when its fetch is aborted, which nothing here does.
    if (!statistics) throw new StatisticsError("the statistics cache returned no figures");
    return statistics;
  }
}
