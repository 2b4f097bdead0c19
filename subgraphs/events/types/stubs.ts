import { Directive, Field, ID, ObjectType } from "type-graphql";

// Entities of the members subgraph, known here by key only.

@Directive('@key(fields: "code")')
@ObjectType()
export class Country {
  @Field(() => ID)
  code!: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
export class Network {
  @Field(() => ID)
  id!: string;
}
