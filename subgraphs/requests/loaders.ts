import type { Viewer } from "../../common/auth";
import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader, multiGroupLoader } from "../../common/loaders";
import type { PrismaClient } from "../../prisma/requests/generated/client";
import { toCooperationRequest, toDelivery, toSettings } from "./rows";
import { statisticsCacheOf } from "./statistics";
import { requestsClientFor } from "./visibility";

/**
 * Per-request DataLoaders over the viewer's client: a request the viewer may not read loads as null. `db` is that
 * client, for the resolvers' own queries.
 */
export function createRequestsLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  const db = requestsClientFor(prisma, viewer);
  return {
    db,
    /** Figures per statistics filter, shared by every analyst of this database. */
    statistics: statisticsCacheOf(prisma),
    requestById: entityLoader(
      async (ids: readonly string[]) =>
        (await db.cooperationRequest.findMany({ where: { id: { in: [...ids] } } })).map(toCooperationRequest),
      (request) => request.id,
    ),
    followUpsByRequest: multiGroupLoader(
      async (ids: readonly string[]) =>
        (
          await db.cooperationRequest.findMany({
            where: { previousRequestId: { in: [...ids] } },
            orderBy: { createdAt: "asc" },
          })
        ).map(toCooperationRequest),
      (request) => (request.previousRequestId === null ? [] : [request.previousRequestId]),
    ),
    eventsByRequest: groupLoader(
      (ids: readonly string[]) =>
        db.requestEvent.findMany({
          where: { requestId: { in: [...ids] } },
          orderBy: [{ at: "asc" }, { version: "asc" }],
        }),
      (event) => event.requestId,
    ),
    notificationsByRequest: groupLoader(
      async (ids: readonly string[]) =>
        (
          await db.notification.findMany({
            where: { requestId: { in: [...ids] } },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          })
        ).map(toDelivery),
      (notification) => notification.requestId,
    ),
    // The resolvers check who may read an authority's settings and parked notifications before loading them.
    notificationSettingsByAuthority: entityLoader(
      async (ids: readonly string[]) =>
        (await db.notificationSettings.findMany({ where: { authorityId: { in: [...ids] } } })).map(toSettings),
      (settings) => settings.authorityId,
    ),
    parkedNotificationsByAuthority: groupLoader(
      async (ids: readonly string[]) =>
        (
          await db.notification.findMany({
            where: { recipientAuthorityId: { in: [...ids] }, state: "PARKED" },
            orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          })
        ).map(toDelivery),
      (notification) => notification.recipientAuthorityId,
    ),
  };
}

export type RequestsLoaders = ReturnType<typeof createRequestsLoaders>;

/**
 * The context as this subgraph's resolvers see it: the shared client (`prisma`) is left out on purpose, so that every
 * query goes through `loaders.db`, the viewer's client (visibility.ts).
 */
export type RequestsContext = Omit<SubgraphContext<PrismaClient, RequestsLoaders>, "prisma">;
