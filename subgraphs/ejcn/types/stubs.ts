import { Directive, Field, ID, ObjectType } from "type-graphql";
import { memberEntityKeys } from "../../../common/entity-keys";

// Entities of other subgraphs (members, events), known here by key only; classes of this subgraph's own.
const keys = memberEntityKeys();
export const { Country, Network } = keys;
export type Country = InstanceType<typeof keys.Country>;
export type Network = InstanceType<typeof keys.Network>;

// The events subgraph's Event: this subgraph adds its outcome report and restricted-session material.
@Directive('@key(fields: "id")')
@ObjectType("Event")
export class Event {
  @Field(() => ID)
  id!: string;
}
