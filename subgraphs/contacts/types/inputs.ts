import { Field, ID, InputType, Int } from "type-graphql";
import { ContactPointKind } from "./contact-point";

@InputType({ description: "All given conditions must hold." })
export class ContactPointFilter {
  @Field(() => ID, { nullable: true, description: "ISO 3166-1 alpha-2 code." })
  country?: string | null;

  @Field(() => ID, { nullable: true })
  network?: string | null;

  @Field(() => ContactPointKind, { nullable: true })
  kind?: ContactPointKind | null;

  @Field(() => String, { nullable: true, description: "A working language, ISO 639-1 (e.g. pt)." })
  language?: string | null;

  @Field(() => Boolean, { defaultValue: true, description: "Only entries valid now (false: also replaced ones)." })
  current!: boolean;
}

@InputType()
export class OfficeHoursInput {
  @Field(() => [Int], { description: "ISO weekdays, 1 = Monday." })
  days!: number[];

  @Field(() => String, { description: "Local time HH:MM." })
  opensAt!: string;

  @Field(() => String, { description: "Local time HH:MM, after opensAt." })
  closesAt!: string;

  @Field(() => String, { description: "IANA time zone, e.g. America/Santiago." })
  timeZone!: string;
}

@InputType({ description: "The new details of a contact point that replace the current ones." })
export class ContactPointDetailsInput {
  @Field(() => ID, { nullable: true, description: "An Authority of the same country (members subgraph)." })
  authority?: string | null;

  @Field(() => String, { nullable: true })
  institution?: string | null;

  @Field(() => String, { nullable: true })
  personName?: string | null;

  @Field(() => String, { nullable: true })
  personTitle?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  secureChannel?: string | null;

  @Field(() => [String], { description: "ISO 639-1 codes." })
  languages!: string[];

  @Field(() => Boolean)
  twentyFourSeven!: boolean;

  @Field(() => OfficeHoursInput, { nullable: true, description: "Required unless twentyFourSeven." })
  officeHours?: OfficeHoursInput | null;

  @Field(() => String)
  source!: string;
}
