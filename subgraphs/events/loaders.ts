import type { Viewer } from "../../common/auth";
import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader, multiGroupLoader } from "../../common/loaders";
import type { PrismaClient } from "../../prisma/events/generated/client";
import { visibleEventsWhere } from "./domain";

/** Per-request DataLoaders, scoped to the viewer: a members-only event the viewer may not see loads as null. */
export function createEventsLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  const visible = visibleEventsWhere(viewer);
  const upcomingFirst = [{ startsAt: "asc" as const }, { id: "asc" as const }];
  return {
    eventById: entityLoader(
      (ids: readonly string[]) => prisma.event.findMany({ where: { AND: [visible, { id: { in: [...ids] } }] } }),
      (event) => event.id,
    ),
    documentsByEvent: groupLoader(
      (ids: readonly string[]) => prisma.eventDocument.findMany({ where: { eventId: { in: [...ids] } }, orderBy: { id: "asc" } }),
      (document) => document.eventId,
    ),
    // An event of several networks is fetched once and listed under each of the asked ones.
    eventsByNetwork: multiGroupLoader(
      (ids: readonly string[]) => prisma.event.findMany({ where: { AND: [visible, { networkIds: { hasSome: [...ids] } }] }, orderBy: upcomingFirst }),
      (event) => event.networkIds,
    ),
    eventsByCountry: multiGroupLoader(
      (codes: readonly string[]) =>
        prisma.event.findMany({
          where: { AND: [visible, { OR: [{ countryCode: { in: [...codes] } }, { participatingCountries: { hasSome: [...codes] } }] }] },
          orderBy: upcomingFirst,
        }),
      (event) => [...new Set([...(event.countryCode ? [event.countryCode] : []), ...event.participatingCountries])],
    ),
  };
}

export type EventsLoaders = ReturnType<typeof createEventsLoaders>;
export type EventsContext = SubgraphContext<PrismaClient, EventsLoaders>;
