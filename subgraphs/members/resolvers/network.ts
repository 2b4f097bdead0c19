import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Guard, isNetworkAdmin } from "../../../common/auth";
import { Language, pickLabel } from "../../../common/language";
import {
  ConnectionType,
  newestFirstPage,
  PageArgs,
  pageWindow,
  timeKey,
  toConnection,
  type Connection,
} from "../../../common/pagination";
import { isCurrentMembership } from "../domain";
import type { MembersContext } from "../loaders";
import { Membership } from "../types/membership";
import { MembershipChange } from "../types/membership-change";
import { Network } from "../types/network";

const MembershipChangeConnection = ConnectionType("MembershipChange", MembershipChange);

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => [Network], { nullable: true, description: "Every network, by id." })
  networks(@Ctx() { prisma }: MembersContext): Promise<Network[]> {
    return prisma.network.findMany({ orderBy: { id: "asc" } });
  }

  @Query(() => Network, { nullable: true })
  network(@Arg("id", () => ID) id: string, @Ctx() { loaders }: MembersContext): Promise<Network | null> {
    return loaders.networkById.load(id);
  }

  @FieldResolver(() => String, {
    description: "In the given language, else the Accept-Language header's; English where no translation is known.",
  })
  name(
    @Root() network: Network,
    @Arg("lang", () => Language, { nullable: true }) lang: Language | null,
    @Ctx() { language }: MembersContext,
  ): string {
    return pickLabel(
      { EN: network.nameEn, FR: network.nameFr, ES: network.nameEs, PT: network.namePt },
      lang ?? language,
    );
  }

  @FieldResolver(() => [Membership], { description: "Member and observer countries, by country code." })
  async members(
    @Root() network: Network,
    @Arg("includeEnded", () => Boolean, { defaultValue: false, description: "Also memberships that have ended." })
    includeEnded: boolean,
    @Ctx() { loaders }: MembersContext,
  ): Promise<Membership[]> {
    const memberships = await loaders.membershipsByNetwork.load(network.id);
    return includeEnded ? memberships : memberships.filter((membership) => isCurrentMembership(membership));
  }

  @FieldResolver(() => MembershipChangeConnection, {
    nullable: true,
    description: "Audit of membership changes, newest first; for the network's admins.",
  })
  @Guard<Network>((viewer, network) => isNetworkAdmin(viewer, network.id), "the membership changes of this network")
  async membershipChanges(
    @Root() network: Network,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { prisma }: MembersContext,
  ): Promise<Connection<MembershipChange>> {
    const window = pageWindow("membershipChanges", page);
    const where = { networkId: network.id };
    const rows = await prisma.membershipChange.findMany({
      ...newestFirstPage(where, window.afterKey),
      take: window.take,
    });
    return toConnection(
      "membershipChanges",
      window,
      rows,
      (change) => timeKey(change.at, change.id),
      () => prisma.membershipChange.count({ where }),
    );
  }
}
