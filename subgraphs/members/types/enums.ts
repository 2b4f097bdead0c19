import { registerEnumType } from "type-graphql";
import {
  AuthorityKind,
  DatePrecision,
  MembershipRole,
  Region,
  Treaty,
  TreatyStatusKind,
} from "../../../prisma/members/generated/enums";

// The stored enums are the GraphQL enums.
export { AuthorityKind, DatePrecision, MembershipRole, Region, Treaty, TreatyStatusKind };

registerEnumType(Region, { name: "Region", description: "Continent, as countries-list assigns it." });
registerEnumType(DatePrecision, { name: "DatePrecision", description: "How much of a date the sources give." });
registerEnumType(Treaty, {
  name: "Treaty",
  valuesConfig: {
    BUDAPEST_CONVENTION: { description: "Convention on Cybercrime (ETS 185)" },
    SECOND_ADDITIONAL_PROTOCOL: {
      description:
        "Second Additional Protocol on enhanced co-operation and disclosure of electronic evidence (CETS 224)",
    },
  },
});
registerEnumType(TreatyStatusKind, {
  name: "TreatyStatusKind",
  valuesConfig: {
    NONE: { description: "Neither a Party, a signatory nor an invited State, as the cited source shows." },
    UNKNOWN: { description: "No consulted source gives the status; `source` says why, and what is known." },
  },
});
registerEnumType(AuthorityKind, { name: "AuthorityKind" });
registerEnumType(MembershipRole, { name: "MembershipRole" });
