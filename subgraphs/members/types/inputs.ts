import { Field, ID, InputType } from "type-graphql";
import { DateResolver } from "../../../common/scalars";
import { MembershipRole, Region, TreatyStatusKind } from "./enums";

@InputType({ description: "All given conditions must hold." })
export class CountryFilter {
  @Field(() => ID, { nullable: true, description: "Countries with a current membership in this network." })
  network?: string | null;

  @Field(() => TreatyStatusKind, { nullable: true, description: "Status under the Budapest Convention." })
  budapestStatus?: TreatyStatusKind | null;

  @Field(() => Region, { nullable: true })
  region?: Region | null;

  @Field(() => String, {
    nullable: true,
    description: "Part of a name in English, French, Spanish or Portuguese, or the code; accents optional.",
  })
  search?: string | null;
}

@InputType({ description: "A country (through an authority, where known) joining a network." })
export class AddMembershipInput {
  @Field(() => ID)
  network!: string;

  @Field(() => ID, { description: "ISO 3166-1 alpha-2 code." })
  country!: string;

  @Field(() => ID, { nullable: true, description: "An authority of that country." })
  authority?: string | null;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field(() => DateResolver, { nullable: true })
  since?: Date | null;

  @Field(() => String, { description: "Where this fact comes from (a decision, a page, a letter)." })
  source!: string;
}
