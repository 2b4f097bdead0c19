import { Directive, Field, ID, ObjectType } from "type-graphql";

// Entities of the members subgraph, known here by key only; this subgraph adds their contactPoints.
// Declared per subgraph: type-graphql attaches field resolvers to the class, so a shared class would carry the
// fields other subgraphs add.

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

@Directive('@key(fields: "id")')
@ObjectType()
export class Authority {
  @Field(() => ID)
  id!: string;
}
