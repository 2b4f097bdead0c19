import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Language, pickLabel } from "../../../common/language";
import { isCurrentMembership } from "../domain";
import type { MembersContext } from "../loaders";
import { Membership } from "../types/membership";
import { Network } from "../types/network";

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => [Network], { description: "Every network, by id." })
  networks(@Ctx() { prisma }: MembersContext): Promise<Network[]> {
    return prisma.network.findMany({ orderBy: { id: "asc" } }) as Promise<Network[]>;
  }

  @Query(() => Network, { nullable: true })
  network(@Arg("id", () => ID) id: string, @Ctx() { loaders }: MembersContext): Promise<Network | null> {
    return loaders.networkById.load(id) as Promise<Network | null>;
  }

  @FieldResolver(() => String, { description: "In the given language, else the Accept-Language header's; English where no translation is known." })
  name(
    @Root() network: Network,
    @Arg("lang", () => Language, { nullable: true }) lang: Language | null,
    @Ctx() { language }: MembersContext,
  ): string {
    return pickLabel({ EN: network.nameEn, FR: network.nameFr, ES: network.nameEs, PT: network.namePt }, lang ?? language);
  }

  @FieldResolver(() => [Membership], { description: "Member and observer countries, by country code." })
  async members(
    @Root() network: Network,
    @Arg("includeEnded", () => Boolean, { defaultValue: false, description: "Also memberships that have ended." }) includeEnded: boolean,
    @Ctx() { loaders }: MembersContext,
  ): Promise<Membership[]> {
    const memberships = (await loaders.membershipsByNetwork.load(network.id)) as Membership[];
    return includeEnded ? memberships : memberships.filter((membership) => isCurrentMembership(membership));
  }
}
