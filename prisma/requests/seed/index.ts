import type { SeedTable } from "../../../common/seed";

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
          source:
            "18 U.S.C. 2703(f): 90 days, renewable for 90 more (shared/reference/domain.md §2.1, cybertelecom and itlaw pages)",
        },
      ],
    },
  ];
}
