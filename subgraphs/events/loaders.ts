import type { Viewer } from "../../common/auth";
import { now } from "../../common/clock";
import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader, multiGroupLoader } from "../../common/loaders";
import type { PrismaClient } from "../../prisma/events/generated/client";
import { visibleEventsWhere } from "./domain";

/** Per-request DataLoaders, scoped to the viewer: a members-only event the viewer may not see loads as null. */
export function createEventsLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  const visible = visibleEventsWhere(viewer);
  const upcomingFirst = [{ startsAt: "asc" as const }, { id: "asc" as const }];
  // "Upcoming" is decided in SQL, so a country's past years of events are not fetched to be dropped.
  const notOver = (upcoming: boolean) => (upcoming ? [{ endsAt: { gt: now() } }] : []);
  // An event of several networks (or countries) is fetched once and listed under each of the asked ones.
  const eventsByNetwork = (upcoming: boolean) =>
    multiGroupLoader(
      (ids: readonly string[]) =>
        prisma.event.findMany({
          where: { AND: [visible, ...notOver(upcoming), { networkIds: { hasSome: [...ids] } }] },
          orderBy: upcomingFirst,
          omit: { searchText: true },
        }),
      (event) => event.networkIds,
    );
  const eventsByCountry = (upcoming: boolean) =>
    multiGroupLoader(
      (codes: readonly string[]) =>
        prisma.event.findMany({
          where: {
            AND: [
              visible,
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
    eventById: entityLoader(
      (ids: readonly string[]) => prisma.event.findMany({ where: { AND: [visible, { id: { in: [...ids] } }] } }),
      (event) => event.id,
    ),
    documentsByEvent: groupLoader(
      (ids: readonly string[]) =>
        prisma.eventDocument.findMany({ where: { eventId: { in: [...ids] } }, orderBy: { id: "asc" } }),
      (document) => document.eventId,
    ),
    eventsByNetwork: eventsByNetwork(false),
    upcomingEventsByNetwork: eventsByNetwork(true),
    eventsByCountry: eventsByCountry(false),
    upcomingEventsByCountry: eventsByCountry(true),
  };
}

export type EventsLoaders = ReturnType<typeof createEventsLoaders>;
export type EventsContext = SubgraphContext<PrismaClient, EventsLoaders>;
