import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, keyOnly } from "../../common/federation";
import { countryCodeOrNull } from "../../common/validation";
import type { EjcnContext } from "./loaders";
import { EjcnNoticeResolver, NetworkEjcnNoticesResolver } from "./resolvers/notice";
import { Country, Network } from "./types/stubs";

/** Entity representations come from the gateway but are untrusted: a key of the wrong shape resolves to null. */
export function buildEjcnSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<EjcnContext>({
    resolvers: [EjcnNoticeResolver, NetworkEjcnNoticesResolver],
    orphanedTypes: [Country, Network],
    referenceResolvers: {
      EjcnNotice: ({ id }, { loaders }) => (typeof id === "string" ? loaders.noticeById.load(id) : null),
      Country: ({ code }) => {
        const known = countryCodeOrNull(code);
        return known ? { code: known } : null;
      },
      Network: keyOnly("id"),
    },
  });
}
