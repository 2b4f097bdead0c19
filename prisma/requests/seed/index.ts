import type { SeedTable } from "../../../common/seed";
import type { Prisma } from "../generated/client";

/** Preservation periods longer than the Convention's 60 days, where a national law sets one. */
export function requestsSeed(): SeedTable[] {
  return [
    {
      table: "PreservationPeriod",
      key: ["countryCode"],
      rows: [
        {
          countryCode: "US",
          days: 90,
          source: "18 U.S.C. 2703(f): 90 days, renewable for 90 more (cybertelecom and itlaw pages)",
        },
      ] satisfies Prisma.PreservationPeriodCreateManyInput[],
    },
  ];
}
