import { Field, InputType, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "../../../common/scalars";

// The template content of a request (T-CY(2018)11 preservation, T-CY(2018)10 MLA, Art. 29(2)(a)-(f)). Each class is
// both the input and the output type, so what is sent is what is read. Fields are optional in a draft; sending
// checks that a preservation request has all of (a)-(f).

export const IdentifierKind = {
  IP_ADDRESS: "IP_ADDRESS",
  ACCOUNT: "ACCOUNT",
  DOMAIN: "DOMAIN",
  EMAIL: "EMAIL",
  PHONE: "PHONE",
  URL: "URL",
  OTHER: "OTHER",
} as const;
export type IdentifierKind = (typeof IdentifierKind)[keyof typeof IdentifierKind];
registerEnumType(IdentifierKind, { name: "IdentifierKind" });

export const ResponseChannel = {
  EMAIL: "EMAIL",
  PHONE: "PHONE",
  SECURE_PLATFORM: "SECURE_PLATFORM",
  FAX: "FAX",
  POST: "POST",
} as const;
export type ResponseChannel = (typeof ResponseChannel)[keyof typeof ResponseChannel];
registerEnumType(ResponseChannel, { name: "ResponseChannel" });

@ObjectType("Offence", { description: "Art. 29(2)(b): the offence and a brief summary of the facts." })
@InputType("OffenceInput")
export class Offence {
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  summaryOfFacts?: string | null;

  @Field(() => String, { nullable: true, description: "Provisions of the requesting State's law." })
  legalProvisions?: string | null;
}

@ObjectType("DataToPreserve", { description: "Art. 29(2)(c): the stored data and its relationship to the offence." })
@InputType("DataToPreserveInput")
export class DataToPreserve {
  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true })
  relationToOffence?: string | null;
}

@ObjectType("Identifier", {
  description: "An identifier of the data sought, with when it was seen and in which time zone.",
})
@InputType("IdentifierInput")
export class Identifier {
  @Field(() => IdentifierKind)
  kind!: IdentifierKind;

  @Field(() => String)
  value!: string;

  @Field(() => DateTimeISOResolver, { nullable: true })
  observedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "IANA time zone of the time stamp as the source gave it." })
  timeZone?: string | null;
}

@ObjectType("Custodian", {
  description: "Art. 29(2)(d): the custodian of the data or the location of the computer system.",
})
@InputType("CustodianInput")
export class Custodian {
  @Field(() => String, { nullable: true, description: "Service provider or other custodian." })
  serviceProvider?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => [Identifier], { nullable: true })
  identifiers?: Identifier[] | null;
}

@ObjectType("RequestContact", {
  description: "T-CY section 5: the requesting authority's person in charge, with office hours and time zone.",
})
@InputType("RequestContactInput")
export class RequestContact {
  @Field(() => String, { nullable: true })
  organisation?: string | null;

  @Field(() => String)
  personInCharge!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "As in the template, e.g. Mon-Fri 09:00-17:00." })
  officeHours?: string | null;

  @Field(() => String, { nullable: true, description: "IANA time zone." })
  timeZone?: string | null;
}

@ObjectType("RequestContent")
@InputType("RequestContentInput")
export class RequestContent {
  @Field(() => Offence, { nullable: true })
  offence?: Offence | null;

  @Field(() => [DataToPreserve], { nullable: true })
  dataToPreserve?: DataToPreserve[] | null;

  @Field(() => Custodian, { nullable: true })
  custodian?: Custodian | null;

  @Field(() => String, { nullable: true, description: "Art. 29(2)(e): why preservation is necessary." })
  necessity?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Art. 29(2)(f): a request for mutual assistance will follow." })
  mlaToFollow?: boolean | null;

  @Field(() => RequestContact, { nullable: true, description: "Art. 29(2)(a) with the template's contact details." })
  requestingContact?: RequestContact | null;

  @Field(() => ResponseChannel, { nullable: true })
  preferredResponseChannel?: ResponseChannel | null;

  @Field(() => Boolean, { nullable: true, description: "Response by e-mail or other expedited means preferred." })
  expeditedResponse?: boolean | null;
}
