import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeISOResolver } from "../../../common/scalars";
import { MembershipChangeAction } from "../../../prisma/members/generated/enums";

export { MembershipChangeAction };
registerEnumType(MembershipChangeAction, { name: "MembershipChangeAction" });

@ObjectType({ description: "One change a network admin made to a membership: who, when, what." })
export class MembershipChange {
  @Field(() => ID)
  id!: string;

  membershipId!: string;

  @Field(() => MembershipChangeAction)
  action!: MembershipChangeAction;

  @Field(() => String, { description: "The `sub` of who made the change." })
  actorSub!: string;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => DateTimeISOResolver)
  at!: Date;
}
