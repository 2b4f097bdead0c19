import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateResolver, DateTimeISOResolver } from "../../../common/scalars";
import { Audience, CourseLevel, MaterialKind } from "../../../prisma/training/generated/enums";

export { Audience, CourseLevel, MaterialKind };
registerEnumType(CourseLevel, { name: "CourseLevel" });
registerEnumType(Audience, { name: "Audience" });
registerEnumType(MaterialKind, { name: "MaterialKind" });

@Directive('@key(fields: "id")')
@ObjectType({ description: "A course of a network or capacity-building project." })
export class Course {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => CourseLevel)
  level!: CourseLevel;

  @Field(() => [Audience])
  audiences!: Audience[];

  @Field(() => [String])
  modules!: string[];

  @Field(() => [String], { description: "ISO 639-1." })
  languages!: string[];

  @Field(() => String)
  provider!: string;

  @Field(() => String, { nullable: true })
  project!: string | null;

  networkIds!: string[];

  @Field(() => Boolean)
  online!: boolean;

  @Field(() => String)
  source!: string;
}

@ObjectType({ description: "One delivery of a course." })
export class TrainingSession {
  @Field(() => ID)
  id!: string;

  courseId!: string;

  @Field(() => DateTimeISOResolver)
  startsAt!: Date;

  @Field(() => DateTimeISOResolver, { description: "Exclusive." })
  endsAt!: Date;

  @Field(() => String)
  timeZone!: string;

  @Field(() => Boolean)
  online!: boolean;

  @Field(() => String, { nullable: true })
  city!: string | null;

  countryCode!: string | null;
  participatingCountries!: string[];

  @Field(() => [String])
  trainers!: string[];

  @Field(() => Int, { nullable: true })
  participantsCount!: number | null;

  eventId!: string | null;

  @Field(() => String)
  source!: string;
}

// An entity, so that the library subgraph can add the document that is the same material (Material.document).
@Directive('@key(fields: "id")')
@ObjectType({
  description: "A manual, concept paper, guide or other material, in one language; translations share a group.",
})
export class Material {
  @Field(() => ID)
  id!: string;

  courseId!: string | null;

  @Field(() => String)
  translationGroup!: string;

  @Field(() => String)
  title!: string;

  @Field(() => MaterialKind)
  kind!: MaterialKind;

  @Field(() => String, { description: "ISO 639-1." })
  language!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String)
  source!: string;
}

@InputType({ description: "All given conditions must hold." })
export class CourseFilter {
  @Field(() => ID, { nullable: true })
  network?: string | null;

  @Field(() => CourseLevel, { nullable: true })
  level?: CourseLevel | null;

  @Field(() => Audience, { nullable: true })
  audience?: Audience | null;

  @Field(() => String, { nullable: true, description: "ISO 639-1." })
  language?: string | null;

  @Field(() => String, { nullable: true })
  project?: string | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}

@InputType({ description: "A course of networks you administer." })
export class CourseInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => CourseLevel)
  level!: CourseLevel;

  @Field(() => [Audience])
  audiences!: Audience[];

  @Field(() => [String], { defaultValue: [] })
  modules!: string[];

  @Field(() => [String])
  languages!: string[];

  @Field(() => String)
  provider!: string;

  @Field(() => String, { nullable: true })
  project?: string | null;

  @Field(() => [ID])
  networks!: string[];

  @Field(() => Boolean, { defaultValue: false })
  online!: boolean;

  @Field(() => String)
  source!: string;
}

@InputType({ description: "A delivery of a course; dates are local days at the place." })
export class TrainingSessionInput {
  @Field(() => ID)
  course!: string;

  @Field(() => DateResolver)
  startDate!: Date;

  @Field(() => DateResolver)
  endDate!: Date;

  @Field(() => String)
  timeZone!: string;

  @Field(() => Boolean, { defaultValue: false })
  online!: boolean;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => ID, { nullable: true })
  country?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  participatingCountries!: string[];

  @Field(() => [String], { defaultValue: [] })
  trainers!: string[];

  @Field(() => Int, { nullable: true })
  participantsCount?: number | null;

  @Field(() => ID, { nullable: true, description: "The Event (events subgraph) it was part of." })
  event?: string | null;

  @Field(() => String)
  source!: string;
}

@InputType()
export class MaterialInput {
  @Field(() => ID)
  course!: string;

  @Field(() => String, {
    nullable: true,
    description: "Join the language versions of one document; default: a new group.",
  })
  translationGroup?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => MaterialKind)
  kind!: MaterialKind;

  @Field(() => String)
  language!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String)
  source!: string;
}
