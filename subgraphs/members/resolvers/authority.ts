import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { stored } from "../../../common/validation";
import type { MembersContext } from "../loaders";
import { Authority } from "../types/authority";
import { Country } from "../types/country";
import { Membership } from "../types/membership";

@Resolver(() => Authority)
export class AuthorityResolver {
  @Query(() => Authority, { nullable: true })
  authority(@Arg("id", () => ID) id: string, @Ctx() { loaders }: MembersContext): Promise<Authority | null> {
    return loaders.authorityById.load(id);
  }

  @FieldResolver(() => Country)
  async country(@Root() authority: Authority, @Ctx() { loaders }: MembersContext): Promise<Country> {
    return stored(await loaders.countryByCode.load(authority.countryCode), `country ${authority.countryCode}`);
  }

  @FieldResolver(() => [Membership], { description: "Network memberships held through this authority." })
  memberships(@Root() authority: Authority, @Ctx() { loaders }: MembersContext): Promise<Membership[]> {
    return loaders.membershipsByAuthority.load(authority.id);
  }
}
