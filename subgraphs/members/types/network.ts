import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateResolver } from "../../../common/scalars";
import { DatePrecision } from "./enums";

@Directive('@key(fields: "id")')
@ObjectType({ description: "An international network of cybercrime prosecutors or points of contact." })
export class Network {
  @Field(() => ID, { description: "Slug: gpen, ejcn, ciberred, forum-cibercrime, coe-24-7." })
  id!: string;

  @Field(() => String)
  acronym!: string;

  // `name(lang)` is resolved from these.
  nameEn!: string;
  nameFr!: string | null;
  nameEs!: string | null;
  namePt!: string | null;

  @Field(() => String)
  description!: string;

  @Field(() => DateResolver, { nullable: true, description: "When it was established; see establishedPrecision." })
  established!: Date | null;

  @Field(() => DatePrecision)
  establishedPrecision!: DatePrecision;

  @Field(() => String, { nullable: true, description: "Who hosts or coordinates it, e.g. Eurojust, IAP." })
  host!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  @Field(() => String, { description: "Public source of these facts." })
  source!: string;
}
