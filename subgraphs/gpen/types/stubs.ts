import { memberEntityKeys } from "../../../common/entity-keys";

// The members subgraph's entities, known here by key only; classes of this subgraph's own.
const keys = memberEntityKeys();
export const { Network } = keys;
export type Network = InstanceType<typeof keys.Network>;
