import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, keyOnly } from "../../common/federation";
import { countryCodeOrNull } from "../../common/validation";
import type { GpenContext } from "./loaders";
import { GpenNoticeResolver, NetworkGpenNoticesResolver } from "./resolvers/notice";
import { Country, Network } from "./types/stubs";

/** Entity representations come from the gateway but are untrusted: a key of the wrong shape resolves to null. */
export function buildGpenSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<GpenContext>({
    resolvers: [GpenNoticeResolver, NetworkGpenNoticesResolver],
    orphanedTypes: [Country, Network],
    referenceResolvers: {
      GpenNotice: ({ id }, { loaders }) => (typeof id === "string" ? loaders.noticeById.load(id) : null),
      Country: ({ code }) => {
        const known = countryCodeOrNull(code);
        return known ? { code: known } : null;
      },
      Network: keyOnly("id"),
    },
  });
}
