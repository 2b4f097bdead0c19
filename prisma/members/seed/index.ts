import type { SeedTable } from "../../../common/seed";
import type { Prisma } from "../generated/client";
import { authorities } from "./authorities";
import { countries } from "./countries";
import { memberships } from "./memberships";
import { networks } from "./networks";
import { treatyFacts } from "./treaties";

/** The members subgraph's seed: real public facts, each row with its source. Order follows the foreign keys. */
export function membersSeed(): SeedTable[] {
  const countryRows = countries();
  return [
    { table: "Network", key: ["id"], rows: networks },
    { table: "Country", key: ["code"], rows: countryRows },
    {
      table: "TreatyParticipation",
      key: ["countryCode", "treaty"],
      // Every country has a status for both treaties, each with its source or the reason it is UNKNOWN.
      rows: treatyFacts(countryRows.map((country) => country.code)).map(
        ({ country, ...fact }) =>
          ({ countryCode: country, ...fact }) satisfies Prisma.TreatyParticipationCreateManyInput,
      ),
    },
    { table: "Authority", key: ["id"], rows: authorities },
    { table: "Membership", key: ["id"], rows: memberships },
  ];
}
