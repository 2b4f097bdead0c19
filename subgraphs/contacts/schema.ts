import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, keyOnly } from "../../common/federation";
import { countryCodeOrNull } from "../../common/validation";
import type { ContactsContext } from "./loaders";
import { ContactPointResolver } from "./resolvers/contact-point";
import { CoverageResolver } from "./resolvers/coverage";
import {
  AuthorityContactPointsResolver,
  CountryContactPointsResolver,
  NetworkContactPointsResolver,
} from "./resolvers/members-entities";
import { Authority, Country, Network } from "./types/stubs";

/** Entity representations are untrusted: a key of the wrong shape resolves to null. */
export function buildContactsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<ContactsContext>({
    resolvers: [
      ContactPointResolver,
      CoverageResolver,
      CountryContactPointsResolver,
      NetworkContactPointsResolver,
      AuthorityContactPointsResolver,
    ],
    orphanedTypes: [Country, Network, Authority],
    referenceResolvers: {
      ContactPoint: ({ id }, { loaders }) => (typeof id === "string" ? loaders.contactPointById.load(id) : null),
      // A code that is not ISO 3166-1 alpha-2 names no country: null, as in the members subgraph.
      Country: ({ code }) => {
        const known = countryCodeOrNull(code);
        return known ? { code: known } : null;
      },
      Network: keyOnly("id"),
      Authority: keyOnly("id"),
    },
  });
}
