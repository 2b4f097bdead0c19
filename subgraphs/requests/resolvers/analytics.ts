import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { requireAllowed, requireViewer } from "../../../common/auth";
import { badUserInput } from "../../../common/errors";
import { Prisma } from "../../../prisma/requests/generated/client";
import { computeAnalytics } from "../analytics";
import type { RequestsContext } from "../loaders";
import { RequestAnalytics, RequestAnalyticsFilter } from "../types/analytics";

@Resolver(() => RequestAnalytics)
export class RequestAnalyticsResolver {
  @Query(() => RequestAnalytics, {
    nullable: true,
    description:
      "For analysts: requests by pair of countries, times by requested country, preservations followed by an MLA request; small cells suppressed.",
  })
  async requestAnalytics(
    @Arg("filter", () => RequestAnalyticsFilter, { nullable: true }) filter: RequestAnalyticsFilter | null,
    @Ctx() { viewer, loaders }: RequestsContext,
  ): Promise<RequestAnalytics> {
    const analyst = requireViewer(viewer);
    requireAllowed(analyst, analyst.analyst, "read request analytics (analysts only)");
    if (filter?.from && filter?.to && filter.to <= filter.from)
      throw badUserInput("to must be after from", "filter.to");
    const conditions = [Prisma.sql`r."sentAt" IS NOT NULL`];
    if (filter?.kind) conditions.push(Prisma.sql`r."kind"::text = ${filter.kind}`);
    if (filter?.from) conditions.push(Prisma.sql`r."sentAt" >= ${filter.from}`);
    if (filter?.to) conditions.push(Prisma.sql`r."sentAt" < ${filter.to}`);
    return computeAnalytics(loaders.db, Prisma.join(conditions, " AND "));
  }
}
