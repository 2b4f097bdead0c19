import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateResolver, DateTimeISOResolver } from "../../../common/scalars";
import { DatePrecision, ProductKind, RestrictedMaterialKind } from "../../../prisma/ejcn/generated/enums";
import { Country } from "./stubs";

export { DatePrecision, ProductKind, RestrictedMaterialKind };
registerEnumType(ProductKind, { name: "EjcnProductKind" });
registerEnumType(DatePrecision, { name: "EjcnDatePrecision", description: "How much of a date the sources give." });
registerEnumType(RestrictedMaterialKind, { name: "RestrictedMaterialKind" });

@Directive('@key(fields: "id")')
@ObjectType({ description: "A work programme of the EJCN and its topics." })
export class WorkProgramme {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: "First year it covers; see periodInferred." })
  fromYear!: number;

  @Field(() => Int, { description: "Last year it covers; see periodInferred." })
  toYear!: number;

  @Field(() => Boolean, {
    description: "True when the sources give its duration and adoption but not the years: the years are inferred.",
  })
  periodInferred!: boolean;

  @Field(() => [String])
  topics!: string[];

  @Field(() => String)
  source!: string;

  adoptedAtEventId!: string | null;
}

@ObjectType({
  description:
    "The EJCN's informal Presidency Board in one semester: the Member States of the trio of Council of the EU presidencies that semester belongs to (derived from the Council's presidency calendar).",
})
export class BoardSemester {
  @Field(() => String, { description: 'The semester, e.g. "2024-S1" (January-June) or "2024-S2" (July-December).' })
  semester!: string;

  @Field(() => DateResolver)
  startDate!: string;

  @Field(() => DateResolver)
  endDate!: string;

  @Field(() => [Country], {
    nullable: true,
    description: "The three States of the trio, in the order of their presidencies.",
  })
  members!: Country[];

  @Field(() => Country, { nullable: true, description: "The State holding the Council presidency in this semester." })
  presidency!: Country;

  @Field(() => String)
  source!: string;
}

@ObjectType({ description: "The public outcome report of a plenary." })
export class OutcomeReport {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => DateResolver, { nullable: true, description: "Null where the sources give no date." })
  publishedOn!: Date | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String)
  source!: string;

  eventId!: string;
}

@ObjectType({ description: "A guide, monitor, report or other product of the EJCN or to which it contributes." })
export class EjcnProduct {
  @Field(() => ID)
  id!: string;

  @Field(() => ProductKind)
  kind!: ProductKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  publisher!: string;

  @Field(() => DateResolver, { nullable: true, description: "When it was published; see publishedPrecision." })
  publishedOn!: Date | null;

  @Field(() => DatePrecision, { nullable: true })
  publishedPrecision!: DatePrecision | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String)
  source!: string;

  presentedAtEventId!: string | null;
}

@ObjectType({
  description: "National legislation, a judgment or a case shared by a member in the restricted session of a plenary.",
})
export class RestrictedMaterial {
  @Field(() => ID)
  id!: string;

  @Field(() => RestrictedMaterialKind)
  kind!: RestrictedMaterialKind;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: "Official reference: case number, ECLI, journal reference." })
  reference!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => DateTimeISOResolver)
  addedAt!: Date;

  eventId!: string;
  countryCode!: string;
}

@InputType({ description: "Material of a plenary's restricted session; EJCN network admins only." })
export class RestrictedMaterialInput {
  @Field(() => ID, { description: "The EJCN plenary (an Event of the events subgraph)." })
  event!: string;

  @Field(() => RestrictedMaterialKind)
  kind!: RestrictedMaterialKind;

  @Field(() => ID, { description: "ISO 3166-1 alpha-2 code of the country whose legislation, judgment or case it is." })
  country!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  reference?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;
}
