import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { isCurrentMembership } from "../domain";
import type { MembersContext } from "../loaders";
import { Authority } from "../types/authority";
import { Country } from "../types/country";
import { Membership } from "../types/membership";
import { Network } from "../types/network";

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Network)
  async network(@Root() membership: Membership, @Ctx() { loaders }: MembersContext): Promise<Network> {
    return (await loaders.networkById.load(membership.networkId)) as Network;
  }

  @FieldResolver(() => Country)
  async country(@Root() membership: Membership, @Ctx() { loaders }: MembersContext): Promise<Country> {
    return (await loaders.countryByCode.load(membership.countryCode))!;
  }

  @FieldResolver(() => Authority, { nullable: true, description: "The authority that holds the membership, where known." })
  authority(@Root() membership: Membership, @Ctx() { loaders }: MembersContext): Promise<Authority | null> {
    return membership.authorityId ? (loaders.authorityById.load(membership.authorityId) as Promise<Authority | null>) : Promise.resolve(null);
  }

  @FieldResolver(() => Boolean, { description: "Not ended." })
  current(@Root() membership: Membership): boolean {
    return isCurrentMembership(membership);
  }
}
