import { Field, ID, InputType } from "type-graphql";
import { Region, TreatyStatusKind } from "./enums";

@InputType({ description: "All given conditions must hold." })
export class CountryFilter {
  @Field(() => ID, { nullable: true, description: "Countries with a current membership in this network." })
  network?: string | null;

  @Field(() => TreatyStatusKind, { nullable: true, description: "Status under the Budapest Convention." })
  budapestStatus?: TreatyStatusKind | null;

  @Field(() => Region, { nullable: true })
  region?: Region | null;

  @Field(() => String, { nullable: true, description: "Part of a name in English, French, Spanish or Portuguese, or the code; accents optional." })
  search?: string | null;
}
