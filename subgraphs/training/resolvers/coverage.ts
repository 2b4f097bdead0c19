import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { badUserInput } from "../../../common/errors";
import { DateResolver } from "../../../common/scalars";
import { trainingCoverage } from "../coverage";
import type { TrainingContext } from "../loaders";
import { TrainingCoverage } from "../types/coverage";

@Resolver()
export class TrainingCoverageResolver {
  @Query(() => TrainingCoverage, {
    nullable: true,
    description:
      "Training sessions started in [from, to): sessions, participants' countries, courses by level per country and year.",
  })
  trainingCoverage(
    @Arg("from", () => DateResolver) from: Date,
    @Arg("to", () => DateResolver) to: Date,
    @Ctx() { prisma }: TrainingContext,
  ): Promise<TrainingCoverage> {
    if (to <= from) throw badUserInput("to must be after from", "to");
    return trainingCoverage(prisma, from, to);
  }
}
