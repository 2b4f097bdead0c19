import type { GraphQLSchema } from "graphql";
import { graphError } from "../../common/errors";
import { buildFederatedSchema } from "../../common/federation";
import { normalizeCountryCode } from "./domain";
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
      Country: ({ code }, { loaders }) => {
        const normalized = typeof code === "string" ? normalizeCountryCode(code) : null;
        return normalized ? loaders.countryByCode.load(normalized) : null;
      },
      // Another subgraph refers to an authority by id: a vanished one is an error at that path, not a silent null.
      Authority: async ({ id }, { loaders }) => {
        const authority = typeof id === "string" ? await loaders.authorityById.load(id) : null;
        if (!authority) throw graphError("NOT_FOUND", `no authority "${String(id)}"`);
        return authority;
      },
    },
  });
}
