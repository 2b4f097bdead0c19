import type { Viewer } from "../../common/auth";
import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader } from "../../common/loaders";
import type { Prisma, PrismaClient } from "../../prisma/requests/generated/client";
import { actingAuthority } from "./domain";

/** Only the two authorities' contact points read a request: the condition every fetch of requests carries. */
export function visibleTo(viewer: Viewer | null): Prisma.CooperationRequestWhereInput | null {
  const authority = actingAuthority(viewer);
  return authority ? { OR: [{ requestingAuthorityId: authority }, { requestedAuthorityId: authority }] } : null;
}

/** Per-request DataLoaders, scoped to the viewer: a request the viewer may not read loads as null. */
export function createRequestsLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  const visible = visibleTo(viewer);
  return {
    requestById: entityLoader(
      (ids: readonly string[]) =>
        visible
          ? prisma.cooperationRequest.findMany({ where: { id: { in: [...ids] }, ...visible } })
          : Promise.resolve([]),
      (request) => request.id,
    ),
    followUpsByRequest: groupLoader(
      (ids: readonly string[]) =>
        visible
          ? prisma.cooperationRequest.findMany({
              where: { previousRequestId: { in: [...ids] }, ...visible },
              orderBy: { createdAt: "asc" },
            })
          : Promise.resolve([]),
      (request) => request.previousRequestId!,
    ),
    eventsByRequest: groupLoader(
      (ids: readonly string[]) =>
        prisma.requestEvent.findMany({
          where: { requestId: { in: [...ids] } },
          orderBy: [{ at: "asc" }, { version: "asc" }],
        }),
      (event) => event.requestId,
    ),
  };
}

export type RequestsLoaders = ReturnType<typeof createRequestsLoaders>;
export type RequestsContext = SubgraphContext<PrismaClient, RequestsLoaders>;
