import { Field, ObjectType } from "type-graphql";
import { DateResolver } from "../../../common/scalars";
import { Treaty, TreatyStatusKind } from "./enums";

@ObjectType({ description: "A country's participation in a treaty, as far as the sources tell." })
export class TreatyStatus {
  @Field(() => Treaty)
  treaty!: Treaty;

  @Field(() => TreatyStatusKind)
  status!: TreatyStatusKind;

  @Field(() => DateResolver, { nullable: true })
  signedOn!: Date | null;

  @Field(() => DateResolver, { nullable: true, description: "Ratified, not yet in force." })
  ratifiedOn!: Date | null;

  @Field(() => DateResolver, {
    nullable: true,
    description: "Entry into force for this country, where a source gives it.",
  })
  inForceOn!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Public source; prefixed 'inferred:' where the fact is deduced, 'unsourced:' with the reason where the status is UNKNOWN.",
  })
  source!: string | null;
}
