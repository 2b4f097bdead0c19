import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "../../../common/scalars";
import { ContactPointKind } from "../../../prisma/contacts/generated/enums";

export { ContactPointKind };
registerEnumType(ContactPointKind, {
  name: "ContactPointKind",
  valuesConfig: {
    TWENTY_FOUR_SEVEN: { description: "24/7 point of contact (Budapest Convention Art. 35)" },
    CENTRAL_AUTHORITY_MLA: { description: "Central authority for mutual legal assistance (Art. 27)" },
    EXTRADITION: { description: "Authority for extradition and provisional arrest (Art. 24)" },
    NETWORK_CONTACT_POINT: { description: "Contact point designated to a network" },
    NATIONAL_CORRESPONDENT: { description: "National correspondent of a network" },
  },
});

@ObjectType({ description: "The person behind a contact point; for members of its network." })
export class ContactPerson {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;
}

@ObjectType({ description: "How to reach a contact point; for members of its network." })
export class ContactChannels {
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: "A secure channel, e.g. a platform account." })
  secureChannel!: string | null;
}

@ObjectType({ description: "Office hours in the contact point's own time zone." })
export class OfficeHours {
  @Field(() => [Int], { description: "ISO weekdays, 1 = Monday." })
  days!: number[];

  @Field(() => String, { description: "Local time HH:MM." })
  opensAt!: string;

  @Field(() => String, { description: "Local time HH:MM." })
  closesAt!: string;

  @Field(() => String, { description: "IANA time zone, e.g. Europe/Lisbon." })
  timeZone!: string;
}

@ObjectType()
export class Availability {
  @Field(() => Boolean)
  twentyFourSeven!: boolean;

  @Field(() => OfficeHours, { nullable: true })
  officeHours!: OfficeHours | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A point of contact of a country: 24/7, central authority, or designated to a network." })
export class ContactPoint {
  @Field(() => ID)
  id!: string;

  @Field(() => ContactPointKind)
  kind!: ContactPointKind;

  networkId!: string | null;
  countryCode!: string;
  authorityId!: string | null;

  @Field(() => String, { nullable: true, description: "The institution, where it is not an Authority of the graph." })
  institution!: string | null;

  personName!: string | null;
  personTitle!: string | null;
  email!: string | null;
  phone!: string | null;
  secureChannel!: string | null;

  @Field(() => [String], { description: "Working languages, ISO 639-1." })
  languages!: string[];

  twentyFourSeven!: boolean;
  officeDays!: number[];
  opensAt!: string | null;
  closesAt!: string | null;
  timeZone!: string | null;

  @Field(() => DateTimeISOResolver)
  validFrom!: Date;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "Set when the entry was replaced; replaced entries are kept.",
  })
  validTo!: Date | null;

  replacedById!: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When a network admin last confirmed the entry." })
  lastVerifiedAt!: Date | null;

  lastVerifiedBy!: string | null;

  @Field(() => String)
  source!: string;
}
