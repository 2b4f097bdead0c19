import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, keyOnly } from "../../common/federation";
import type { EventsContext } from "./loaders";
import { EventActivityResolver } from "./resolvers/activity";
import { CountryEventsResolver, EventResolver, NetworkEventsResolver } from "./resolvers/event";
import { Country, Network } from "./types/stubs";

/** Entity representations are untrusted: a members-only event resolves only for members, other keys by shape. */
export function buildEventsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema<EventsContext>({
    resolvers: [EventResolver, NetworkEventsResolver, CountryEventsResolver, EventActivityResolver],
    orphanedTypes: [Country, Network],
    referenceResolvers: {
      Event: ({ id }, { loaders }) => (typeof id === "string" ? loaders.eventById.load(id) : null),
      Country: keyOnly("code"),
      Network: keyOnly("id"),
    },
  });
}
