import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "../../common/federation";
import type { ContactsContext } from "./loaders";
import { ContactPointResolver } from "./resolvers/contact-point";
import { AuthorityContactPointsResolver, CountryContactPointsResolver, NetworkContactPointsResolver } from "./resolvers/members-entities";
import { Authority, Country, Network } from "./types/stubs";

/** Entity representations are untrusted: a key of the wrong shape resolves to null. */
export function buildContactsSchema(): Promise<GraphQLSchema> {
  const keyed = (field: string) => (representation: Record<string, unknown>) =>
    typeof representation[field] === "string" ? { [field]: representation[field] } : null;
  return buildFederatedSchema<ContactsContext>({
    resolvers: [ContactPointResolver, CountryContactPointsResolver, NetworkContactPointsResolver, AuthorityContactPointsResolver],
    orphanedTypes: [Country, Network, Authority],
    referenceResolvers: {
      ContactPoint: ({ id }, { loaders }) => (typeof id === "string" ? loaders.contactPointById.load(id) : null),
      Country: keyed("code"),
      Network: keyed("id"),
      Authority: keyed("id"),
    },
  });
}
