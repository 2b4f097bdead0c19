import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Classes for the members subgraph's entities, known to another subgraph by key only. Each call makes new classes:
 * type-graphql attaches field resolvers to the class, so a class shared between subgraphs would carry the fields the
 * other subgraphs add. A subgraph lists the ones it extends in `orphanedTypes` and resolves them with `keyOnly`.
 */
export function memberEntityKeys() {
  @Directive('@key(fields: "code")')
  @ObjectType("Country")
  class Country {
    @Field(() => ID)
    code!: string;
  }

  @Directive('@key(fields: "id")')
  @ObjectType("Network")
  class Network {
    @Field(() => ID)
    id!: string;
  }

  @Directive('@key(fields: "id")')
  @ObjectType("Authority")
  class Authority {
    @Field(() => ID)
    id!: string;
  }

  return { Country, Network, Authority };
}
