import { memberEntityKeys } from "../../../common/entity-keys";

// The members subgraph's entities, known here by key only; classes of this subgraph's own.
const keys = memberEntityKeys();
export const { Country, Network } = keys;
export type Country = InstanceType<typeof keys.Country>;
export type Network = InstanceType<typeof keys.Network>;
