import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { now } from "../../../common/clock";
import type { Presidency } from "../../../prisma/ejcn/generated/client";
import { boardOf, semester, semesterAt } from "../domain";
import type { EjcnContext } from "../loaders";
import { BoardSemester } from "../types/ejcn";
import { Country } from "../types/stubs";

@Resolver(() => BoardSemester)
export class BoardResolver {
  @Query(() => BoardSemester, {
    nullable: true,
    description:
      "The EJCN Presidency Board of a semester (default: the current one); null for a semester the Council's presidency calendar does not fix.",
  })
  async ejcnBoard(
    @Arg("semester", () => String, { nullable: true, description: 'e.g. "2024-S1" (January-June), "2024-S2".' })
    asked: string | null,
    @Ctx() { loaders }: EjcnContext,
  ): Promise<BoardSemester | null> {
    const which = asked == null ? semesterAt(now()) : semester(asked, "semester");
    const presidency = await loaders.presidencyBySemester.load(which);
    if (!presidency) return null;
    return boardOf(presidency, await loaders.presidenciesByTrio.load(presidency.trioId));
  }
}

@Resolver(() => Country)
export class CountryEjcnBoardResolver {
  @FieldResolver(() => [BoardSemester], {
    nullable: true,
    description: "The semesters in which it sits on the EJCN Presidency Board, oldest first (ejcn subgraph).",
  })
  async ejcnBoard(@Root() country: Country, @Ctx() { loaders }: EjcnContext): Promise<BoardSemester[]> {
    const trios = new Map<string, Presidency[]>();
    for (const { presidency } of await loaders.trioPresidenciesByCountry.load(country.code))
      trios.set(presidency.trioId, [...(trios.get(presidency.trioId) ?? []), presidency]);
    return [...trios.values()]
      .flatMap((trio) => trio.map((presidency) => boardOf(presidency, trio)))
      .sort((a, b) => a.semester.localeCompare(b.semester));
  }
}
