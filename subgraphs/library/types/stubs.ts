import { Directive, Field, ID, ObjectType } from "type-graphql";
import { memberEntityKeys } from "../../../common/entity-keys";

// The members subgraph's entities, known here by key only; classes of this subgraph's own.
const keys = memberEntityKeys();
export const { Country, Network } = keys;
export type Country = InstanceType<typeof keys.Country>;
export type Network = InstanceType<typeof keys.Network>;

/** The training subgraph's material, by key: the library adds the document that is the same material. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Material {
  @Field(() => ID)
  id!: string;
}
