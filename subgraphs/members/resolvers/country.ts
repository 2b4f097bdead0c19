import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { Language, pickLabel } from "../../../common/language";
import { ConnectionType, PageArgs, pageWindow, toConnection, type Connection } from "../../../common/pagination";
import { CheckedArg, countryCode } from "../../../common/validation";
import { countryFilterWhere, isCurrentMembership, treatyStatusOf } from "../domain";
import type { MembersContext } from "../loaders";
import { Authority } from "../types/authority";
import { Country } from "../types/country";
import { Treaty } from "../types/enums";
import { CountryFilter } from "../types/inputs";
import { Membership } from "../types/membership";
import { Network } from "../types/network";
import { TreatyStatus } from "../types/treaty-status";

const CountryConnection = ConnectionType("Country", Country);

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, {
    nullable: true,
    description: "A country by ISO 3166-1 alpha-2 code; null when there is none.",
  })
  country(
    @CheckedArg("code", () => ID, countryCode) code: string,
    @Ctx() { loaders }: MembersContext,
  ): Promise<Country | null> {
    return loaders.countryByCode.load(code);
  }

  @Query(() => CountryConnection, { nullable: true, description: "Countries by code, filtered, a page at a time." })
  async countries(
    @Arg("filter", () => CountryFilter, { nullable: true }) filter: CountryFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { prisma, loaders }: MembersContext,
  ): Promise<Connection<Country>> {
    const window = pageWindow("countries", page);
    const where = await countryFilterWhere(filter, async (id) => (await loaders.networkById.load(id)) !== null);
    const rows = await prisma.country.findMany({
      where: window.afterKey ? { AND: [where, { code: { gt: window.afterKey } }] } : where,
      orderBy: { code: "asc" },
      take: window.take,
      omit: { searchText: true },
    });
    return toConnection(
      "countries",
      window,
      rows,
      (country) => country.code,
      () => prisma.country.count({ where }),
    );
  }

  @FieldResolver(() => String, {
    description: "In the given language, else the Accept-Language header's (from i18n-iso-countries).",
  })
  name(
    @Root() country: Country,
    @Arg("lang", () => Language, { nullable: true }) lang: Language | null,
    @Ctx() { language }: MembersContext,
  ): string {
    return pickLabel(
      { EN: country.nameEn, FR: country.nameFr, ES: country.nameEs, PT: country.namePt },
      lang ?? language,
    );
  }

  @FieldResolver(() => [Membership], { description: "Its current memberships in networks." })
  async memberships(@Root() country: Country, @Ctx() { loaders }: MembersContext): Promise<Membership[]> {
    const memberships = await loaders.membershipsByCountry.load(country.code);
    return memberships.filter((membership) => isCurrentMembership(membership));
  }

  @FieldResolver(() => [Network], { description: "Networks it currently belongs to, as member or observer." })
  async networks(@Root() country: Country, @Ctx() context: MembersContext): Promise<Network[]> {
    const networkIds = new Set((await this.memberships(country, context)).map((membership) => membership.networkId));
    const networks = await context.loaders.networkById.loadMany([...networkIds]);
    return networks.filter((network): network is Network => network !== null && !(network instanceof Error));
  }

  @FieldResolver(() => TreatyStatus, { description: "Status under the Convention on Cybercrime (ETS 185)." })
  async budapestConvention(@Root() country: Country, @Ctx() { loaders }: MembersContext): Promise<TreatyStatus> {
    return treatyStatusOf(await loaders.treatiesByCountry.load(country.code), Treaty.BUDAPEST_CONVENTION);
  }

  @FieldResolver(() => TreatyStatus, { description: "Status under the Second Additional Protocol (CETS 224)." })
  async secondAdditionalProtocol(@Root() country: Country, @Ctx() { loaders }: MembersContext): Promise<TreatyStatus> {
    return treatyStatusOf(await loaders.treatiesByCountry.load(country.code), Treaty.SECOND_ADDITIONAL_PROTOCOL);
  }

  @FieldResolver(() => [Authority], { description: "Its authorities known to the graph, by name." })
  authorities(@Root() country: Country, @Ctx() { loaders }: MembersContext): Promise<Authority[]> {
    return loaders.authoritiesByCountry.load(country.code);
  }
}
