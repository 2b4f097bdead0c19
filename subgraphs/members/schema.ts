import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "../../common/federation";
import { countryCodeOrNull, found } from "../../common/validation";
import type { MembersContext } from "./loaders";
import { AuthorityResolver } from "./resolvers/authority";
import { CountryResolver } from "./resolvers/country";
import { MembershipChangeResolver, MembershipResolver } from "./resolvers/membership";
import { NetworkResolver } from "./resolvers/network";
import { ViewerNetworkResolver, ViewerResolver } from "./resolvers/viewer";

/** Entity representations come from the gateway but are untrusted: a key of the wrong shape resolves to null. */
export function buildMembersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<MembersContext>({
    resolvers: [
      NetworkResolver,
      CountryResolver,
      AuthorityResolver,
      MembershipResolver,
      MembershipChangeResolver,
      ViewerResolver,
      ViewerNetworkResolver,
    ],
    referenceResolvers: {
      Network: ({ id }, { loaders }) => (typeof id === "string" ? loaders.networkById.load(id) : null),
      // A code that is not ISO 3166-1 alpha-2 names no country: null, as for any other key of the wrong shape.
      Country: ({ code }, { loaders }) => {
        const known = countryCodeOrNull(code);
        return known ? loaders.countryByCode.load(known) : null;
      },
      // Another subgraph refers to an authority by id: a vanished one is an error at that path, not a silent null.
      Authority: async ({ id }, { loaders }) =>
        found(typeof id === "string" ? await loaders.authorityById.load(id) : null, `authority "${String(id)}"`),
    },
  });
}
