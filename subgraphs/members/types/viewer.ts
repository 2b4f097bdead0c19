import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { networkRoles, type NetworkRole } from "../../../common/auth";

export const NetworkRoleEnum = Object.fromEntries(networkRoles.map((role) => [role, role])) as {
  [R in NetworkRole]: R;
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
