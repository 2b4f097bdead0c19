import { Field, ID, ObjectType } from "type-graphql";
import { DateResolver } from "../../../common/scalars";
import { MembershipRole } from "./enums";

@ObjectType({ description: "A country (through an authority, where known) in a network." })
export class Membership {
  @Field(() => ID)
  id!: string;

  networkId!: string;
  countryCode!: string;
  authorityId!: string | null;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field(() => DateResolver, { nullable: true })
  since!: Date | null;

  @Field(() => DateResolver, {
    nullable: true,
    description: "Set when the membership ended; ended memberships are kept.",
  })
  until!: Date | null;

  @Field(() => String, { description: "Public source; prefixed 'inferred:' where the fact is deduced." })
  source!: string;
}
