import type { SubgraphContext } from "../../common/context";
import { entityLoader, groupLoader } from "../../common/loaders";
import type { PrismaClient } from "../../prisma/gpen/generated/client";

/** One DataLoader per entity fetch and relation, made per request. */
export function createGpenLoaders(prisma: PrismaClient) {
  return {
    noticeById: entityLoader(
      (ids: readonly string[]) => prisma.notice.findMany({ where: { id: { in: [...ids] } } }),
      (notice) => notice.id,
    ),
    noticesByNetwork: groupLoader(
      (ids: readonly string[]) =>
        prisma.notice.findMany({
          where: { networkId: { in: [...ids] } },
          orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        }),
      (notice) => notice.networkId,
    ),
  };
}

export type GpenLoaders = ReturnType<typeof createGpenLoaders>;
export type GpenContext = SubgraphContext<PrismaClient, GpenLoaders>;
