import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, keyOnly } from "../../common/federation";
import type { RequestsContext } from "./loaders";
import { RequestAnalyticsResolver } from "./resolvers/analytics";
import { AuthorityNotificationsResolver } from "./resolvers/notifications";
import { CooperationRequestResolver } from "./resolvers/request";
import { RequestStatisticsResolver } from "./resolvers/statistics";
import { Authority, Country } from "./types/stubs";

/** Entity representations are untrusted: a request resolves only for its two authorities, other keys by shape. */
export function buildRequestsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<RequestsContext>({
    resolvers: [
      CooperationRequestResolver,
      RequestStatisticsResolver,
      RequestAnalyticsResolver,
      AuthorityNotificationsResolver,
    ],
    orphanedTypes: [Country, Authority],
    referenceResolvers: {
      CooperationRequest: ({ id }, { loaders }) => (typeof id === "string" ? loaders.requestById.load(id) : null),
      Country: keyOnly("code"),
      Authority: keyOnly("id"),
    },
  });
}
