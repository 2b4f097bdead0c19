import type { Viewer } from "../../common/auth";
import { now } from "../../common/clock";
import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader, multiGroupLoader } from "../../common/loaders";
import type { PrismaClient } from "../../prisma/events/generated/client";
import { eventActivity, type ActivityFilter } from "./activity";
import { eventsClientFor, visibleEventsSql } from "./visibility";

/**
 * Per-request DataLoaders over the viewer's client: a members-only event the viewer may not see loads as null. `db`
 * is that client, for the resolvers' own queries.
 */
export function createEventsLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  const db = eventsClientFor(prisma, viewer);
  const upcomingFirst = [{ startsAt: "asc" as const }, { id: "asc" as const }];
  // "Upcoming" is decided in SQL, so a country's past years of events are not fetched to be dropped.
  const notOver = (upcoming: boolean) => (upcoming ? [{ endsAt: { gt: now() } }] : []);
  // An event of several networks (or countries) is fetched once and listed under each of the asked ones.
  const eventsByNetwork = (upcoming: boolean) =>
    multiGroupLoader(
      (ids: readonly string[]) =>
        db.event.findMany({
          where: { AND: [...notOver(upcoming), { networkIds: { hasSome: [...ids] } }] },
          orderBy: upcomingFirst,
          omit: { searchText: true },
        }),
      (event) => event.networkIds,
    );
  const eventsByCountry = (upcoming: boolean) =>
    multiGroupLoader(
      (codes: readonly string[]) =>
        db.event.findMany({
          where: {
            AND: [
              ...notOver(upcoming),
              { OR: [{ countryCode: { in: [...codes] } }, { participatingCountries: { hasSome: [...codes] } }] },
            ],
          },
          orderBy: upcomingFirst,
          omit: { searchText: true },
        }),
      (event) => [...new Set([...(event.countryCode ? [event.countryCode] : []), ...event.participatingCountries])],
    );
  return {
    db,
    eventById: entityLoader(
      (ids: readonly string[]) => db.event.findMany({ where: { id: { in: [...ids] } } }),
      (event) => event.id,
    ),
    documentsByEvent: groupLoader(
      (ids: readonly string[]) =>
        db.eventDocument.findMany({ where: { eventId: { in: [...ids] } }, orderBy: { id: "asc" } }),
      (document) => document.eventId,
    ),
    eventsByNetwork: eventsByNetwork(false),
    upcomingEventsByNetwork: eventsByNetwork(true),
    eventsByCountry: eventsByCountry(false),
    upcomingEventsByCountry: eventsByCountry(true),
    /** Events per network and year, over the events this viewer may see. */
    activity: (filter: ActivityFilter) => eventActivity(prisma, visibleEventsSql(viewer), filter),
  };
}

export type EventsLoaders = ReturnType<typeof createEventsLoaders>;

/**
 * The context as this subgraph's resolvers see it: the shared client (`prisma`) is left out on purpose, so that every
 * query goes through `loaders.db`, the viewer's client (visibility.ts).
 */
export type EventsContext = Omit<SubgraphContext<PrismaClient, EventsLoaders>, "prisma">;
