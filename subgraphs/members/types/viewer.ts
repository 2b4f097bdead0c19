import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { type NetworkRole } from "../../../common/auth";

// Every role of common/auth.ts, each its own value; the type makes a missing or extra role a compile error.
export const NetworkRoleEnum: { [Role in NetworkRole]: Role } = {
  MEMBER: "MEMBER",
  CONTACT_POINT: "CONTACT_POINT",
  NETWORK_ADMIN: "NETWORK_ADMIN",
};
registerEnumType(NetworkRoleEnum, {
  name: "NetworkRole",
  valuesConfig: {
    MEMBER: { description: "Sees person-level details of the network's contact points and its members-only items." },
    CONTACT_POINT: { description: "Sends and answers cooperation requests for its authority." },
    NETWORK_ADMIN: {
      description: "Manages the network's memberships, contact points, events, trainings and documents.",
    },
  },
});

@ObjectType({ description: "A network the viewer belongs to, with the viewer's roles in it." })
export class ViewerNetwork {
  networkId!: string;

  @Field(() => [NetworkRoleEnum])
  roles!: NetworkRole[];
}

@ObjectType({ description: "Who the gateway takes the caller to be, from the verified token." })
export class Viewer {
  @Field(() => ID)
  sub!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Boolean, { description: "May read aggregate statistics (never request contents)." })
  analyst!: boolean;

  authorityId!: string | null;

  @Field(() => [ViewerNetwork])
  networks!: ViewerNetwork[];
}
