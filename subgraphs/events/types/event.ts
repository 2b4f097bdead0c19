import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateResolver, DateTimeISOResolver } from "../../../common/scalars";
import { DatePrecision, DocumentKind, EventKind, Visibility } from "../../../prisma/events/generated/enums";

export { DatePrecision, DocumentKind, EventKind, Visibility };
registerEnumType(EventKind, { name: "EventKind" });
registerEnumType(DatePrecision, { name: "EventDatePrecision", description: "How much of the dates the sources give." });
registerEnumType(Visibility, {
  name: "Visibility",
  valuesConfig: { MEMBERS: { description: "Only members of the event's networks see it." } },
});
registerEnumType(DocumentKind, { name: "EventDocumentKind" });

@ObjectType()
export class EventDocument {
  @Field(() => ID)
  id!: string;

  eventId!: string;

  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "ISO 639-1." })
  language!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A plenary, meeting, conference, workshop, webinar, training or study visit." })
export class Event {
  @Field(() => ID)
  id!: string;

  @Field(() => EventKind)
  kind!: EventKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => DateTimeISOResolver, { description: "Start of the first day at the place (UTC)." })
  startsAt!: Date;

  @Field(() => DateTimeISOResolver, { description: "End of the last day at the place (UTC), exclusive." })
  endsAt!: Date;

  @Field(() => String, { description: "IANA time zone of the place (UTC online)." })
  timeZone!: string;

  @Field(() => DatePrecision)
  datePrecision!: DatePrecision;

  @Field(() => Boolean)
  online!: boolean;

  @Field(() => String, { nullable: true })
  city!: string | null;

  countryCode!: string | null;

  @Field(() => [String])
  organisers!: string[];

  networkIds!: string[];

  @Field(() => String, { nullable: true, description: "Capacity-building project, e.g. CyberCrime@IPA, GLACY+." })
  project!: string | null;

  @Field(() => [String], {
    description:
      "Every project of the event, `project` first: a joint activity names each (CyberCrime@IPA and CyberCrime@EAP).",
  })
  projects!: string[];

  participatingCountries!: string[];

  @Field(() => Int, { nullable: true })
  participantsCount!: number | null;

  @Field(() => Visibility)
  visibility!: Visibility;

  @Field(() => String)
  source!: string;
}

@InputType()
export class EventDocumentInput {
  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  language!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;
}

@InputType({ description: "An event of networks you administer. Dates are local days at the place." })
export class EventInput {
  @Field(() => EventKind)
  kind!: EventKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => DateResolver)
  startDate!: Date;

  @Field(() => DateResolver, { description: "Last day, not before startDate." })
  endDate!: Date;

  @Field(() => String, { description: "IANA time zone of the place; UTC online." })
  timeZone!: string;

  @Field(() => Boolean, { defaultValue: false })
  online!: boolean;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => ID, { nullable: true, description: "ISO 3166-1 alpha-2, where the event takes place." })
  country?: string | null;

  @Field(() => [String], { defaultValue: [] })
  organisers!: string[];

  @Field(() => [ID], { description: "Networks of the event; you must administer each." })
  networks!: string[];

  @Field(() => String, { nullable: true })
  project?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  participatingCountries!: string[];

  @Field(() => Int, { nullable: true })
  participantsCount?: number | null;

  @Field(() => Visibility, { defaultValue: "PUBLIC" })
  visibility!: Visibility;

  @Field(() => [EventDocumentInput], { defaultValue: [] })
  documents!: EventDocumentInput[];

  @Field(() => String)
  source!: string;
}

@InputType({ description: "All given conditions must hold; from/to select events overlapping [from, to)." })
export class EventFilter {
  @Field(() => ID, { nullable: true })
  network?: string | null;

  @Field(() => ID, { nullable: true, description: "Held in, or with participants from, this country." })
  country?: string | null;

  @Field(() => EventKind, { nullable: true })
  kind?: EventKind | null;

  @Field(() => String, { nullable: true, description: "Events of this project, lead or joint." })
  project?: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  from?: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true })
  to?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: "Words of the title, description, city or project; accents optional.",
  })
  search?: string | null;
}
