import { registerEnumType } from "type-graphql";
import {
  AuthorityKind,
  DatePrecision,
  MembershipRole,
  Region,
  TreatyStatusKind as StoredTreatyStatusKind,
  Treaty,
} from "../../../prisma/members/generated/enums";

// The stored enums are the GraphQL enums; only the treaty status adds NONE, which is never stored.
export { AuthorityKind, DatePrecision, MembershipRole, Region, Treaty };

export const TreatyStatusKind = { ...StoredTreatyStatusKind, NONE: "NONE" } as const;
export type TreatyStatusKind = (typeof TreatyStatusKind)[keyof typeof TreatyStatusKind];

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
  valuesConfig: { NONE: { description: "No participation found in the sources the graph holds." } },
});
registerEnumType(AuthorityKind, { name: "AuthorityKind" });
registerEnumType(MembershipRole, { name: "MembershipRole" });
