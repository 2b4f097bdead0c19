import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ContactsContext } from "../loaders";
import { ContactPoint } from "../types/contact-point";
import { Authority, Country, Network } from "../types/stubs";

// The contact points of the members subgraph's entities, batched per request.

@Resolver(() => Country)
export class CountryContactPointsResolver {
  @FieldResolver(() => [ContactPoint], { nullable: true, description: "Its current contact points, by kind." })
  contactPoints(@Root() country: Country, @Ctx() { loaders }: ContactsContext): Promise<ContactPoint[]> {
    return loaders.contactPointsByCountry.load(country.code);
  }
}

@Resolver(() => Network)
export class NetworkContactPointsResolver {
  @FieldResolver(() => [ContactPoint], { nullable: true, description: "Its current contact points, by country." })
  contactPoints(@Root() network: Network, @Ctx() { loaders }: ContactsContext): Promise<ContactPoint[]> {
    return loaders.contactPointsByNetwork.load(network.id);
  }
}

@Resolver(() => Authority)
export class AuthorityContactPointsResolver {
  @FieldResolver(() => [ContactPoint], { nullable: true, description: "Its current contact points, by kind." })
  contactPoints(@Root() authority: Authority, @Ctx() { loaders }: ContactsContext): Promise<ContactPoint[]> {
    return loaders.contactPointsByAuthority.load(authority.id);
  }
}
