import { Directive, Field, ID, ObjectType } from "type-graphql";
import { AuthorityKind } from "./enums";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A prosecution service, ministry of justice, police unit or court." })
export class Authority {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AuthorityKind)
  kind!: AuthorityKind;

  countryCode!: string;

  @Field(() => String, { description: "Public source (designation, network page)." })
  source!: string;
}
