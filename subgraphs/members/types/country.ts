import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Region } from "./enums";

@Directive('@key(fields: "code")')
@ObjectType({ description: "A country, by ISO 3166-1 alpha-2 code." })
export class Country {
  @Field(() => ID, { description: "ISO 3166-1 alpha-2 code, e.g. PT." })
  code!: string;

  nameEn!: string;
  nameFr!: string;
  nameEs!: string;
  namePt!: string;

  @Field(() => Region, { nullable: true })
  region!: Region | null;
}
