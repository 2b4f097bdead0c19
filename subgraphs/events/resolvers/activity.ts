import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { badUserInput } from "../../../common/errors";
import { intInRange, networkId } from "../../../common/validation";
import type { EventsContext } from "../loaders";
import { EventActivity } from "../types/activity";

@Resolver()
export class EventActivityResolver {
  @Query(() => [EventActivity], {
    nullable: true,
    description: "Events per network and year, computed in SQL over the events you may see.",
  })
  eventActivity(
    @Arg("network", () => ID, { nullable: true }) network: string | null,
    @Arg("fromYear", () => Int, { nullable: true }) fromYear: number | null,
    @Arg("toYear", () => Int, { nullable: true }) toYear: number | null,
    @Ctx() { loaders }: EventsContext,
  ): Promise<EventActivity[]> {
    const from = fromYear == null ? null : intInRange(fromYear, "fromYear", 1900, 2200);
    const to = toYear == null ? null : intInRange(toYear, "toYear", 1900, 2200);
    if (from !== null && to !== null && to < from) throw badUserInput("toYear must not be before fromYear", "toYear");
    return loaders.activity({
      networkId: network == null ? null : networkId(network, "network"),
      fromYear: from,
      toYear: to,
    });
  }
}
