import type { SeedTable } from "../../../common/seed";
import type { Prisma } from "../generated/client";
import type { Treaty, TreatyStatusKind } from "../generated/enums";
import { authorities } from "./authorities";
import { countries } from "./countries";
import { memberships } from "./memberships";
import { networks } from "./networks";
import { sources } from "./sources";
import { budapestInvited, budapestParties, secondProtocolSignatories } from "./treaties";

/** The members subgraph's seed: real public facts, each row with its source. Order follows the foreign keys. */
export function membersSeed(): SeedTable[] {
  const treatyRow = (
    countryCode: string,
    treaty: Treaty,
    status: TreatyStatusKind,
    source: string,
    dates: { signedOn?: string | null; ratifiedOn?: string | null; inForceOn?: string | null } = {},
  ) =>
    ({
      countryCode,
      treaty,
      status,
      signedOn: dates.signedOn ?? null,
      ratifiedOn: dates.ratifiedOn ?? null,
      inForceOn: dates.inForceOn ?? null,
      source,
    }) satisfies Prisma.TreatyParticipationCreateManyInput;
  return [
    { table: "Network", key: ["id"], rows: networks },
    { table: "Country", key: ["code"], rows: countries() },
    {
      table: "TreatyParticipation",
      key: ["countryCode", "treaty"],
      rows: [
        ...budapestParties.map(({ country, inForceOn, source }) =>
          treatyRow(country, "BUDAPEST_CONVENTION", "PARTY", source, { inForceOn }),
        ),
        ...budapestInvited.map(({ country, source }) => treatyRow(country, "BUDAPEST_CONVENTION", "INVITED", source)),
        ...secondProtocolSignatories.map(({ country, signedOn, ratifiedOn }) =>
          treatyRow(country, "SECOND_ADDITIONAL_PROTOCOL", "SIGNATORY", sources.secondProtocol, {
            signedOn,
            ratifiedOn,
          }),
        ),
      ],
    },
    { table: "Authority", key: ["id"], rows: authorities },
    { table: "Membership", key: ["id"], rows: memberships },
  ];
}
