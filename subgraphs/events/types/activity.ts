import { Field, ID, Int, ObjectType } from "type-graphql";
import { Network } from "./stubs";

@ObjectType({ description: "A network's events in one year (of their local start)." })
export class EventActivity {
  @Field(() => Network, { nullable: true })
  network!: Network | null;

  @Field(() => ID)
  networkId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  events!: number;

  @Field(() => Int, { description: "Distinct countries listed as taking part." })
  participatingCountries!: number;

  @Field(() => Int, { nullable: true, description: "Sum of the participants the sources count; null when none do." })
  participants!: number | null;
}
