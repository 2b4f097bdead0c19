import DataLoader from "dataloader";
import type { Viewer } from "../../common/auth";
import type { SubgraphContext } from "../../common/context";
import { entityLoader } from "../../common/loaders";
import type { PrismaClient } from "../../prisma/gpen/generated/client";
import { forumClientFor, forumSearchFor } from "./visibility";

/** A page of a positioned list (replies, moderation log) of one thread: positions after `after`, `take` of them. */
export interface PositionPage {
  threadId: string;
  after: number;
  take: number;
}

/**
 * Pages of lists whose rows are numbered 1, 2, … without gaps within their thread: one statement for a whole batch
 * of threads, each page a range of positions, so nested lists under a list of threads cost no statement per thread.
 */
function positionPageLoader<Row extends { threadId: string; position: number }>(
  fetch: (ranges: { threadIds: string[]; after: number; take: number }[]) => Promise<Row[]>,
) {
  return new DataLoader<PositionPage, Row[], string>(
    async (pages) => {
      const ranges = new Map<string, { threadIds: string[]; after: number; take: number }>();
      for (const { threadId, after, take } of pages) {
        const range = ranges.get(`${after}|${take}`) ?? { threadIds: [], after, take };
        range.threadIds.push(threadId);
        ranges.set(`${after}|${take}`, range);
      }
      const rows = await fetch([...ranges.values()]);
      return pages.map(({ threadId, after, take }) =>
        rows
          .filter((row) => row.threadId === threadId && row.position > after && row.position <= after + take)
          .sort((a, b) => a.position - b.position),
      );
    },
    { cacheKeyFn: ({ threadId, after, take }) => `${threadId}|${after}|${take}` },
  );
}

const inRanges = (ranges: { threadIds: string[]; after: number; take: number }[]) => ({
  OR: ranges.map(({ threadIds, after, take }) => ({
    threadId: { in: threadIds },
    position: { gt: after, lte: after + take },
  })),
});

/**
 * Per-request DataLoaders over the viewer's client (visibility.ts): what the viewer may not read loads as nothing.
 * `db` is that client and `search` its full-text search, for the resolvers' own statements.
 */
export function createGpenLoaders(prisma: PrismaClient, viewer: Viewer | null) {
  const db = forumClientFor(prisma, viewer);
  return {
    db,
    search: forumSearchFor(prisma, viewer),
    threadById: entityLoader(
      (ids: readonly string[]) => db.forumThread.findMany({ where: { id: { in: [...ids] } } }),
      (thread) => thread.id,
    ),
    replyById: entityLoader(
      (ids: readonly string[]) => db.forumReply.findMany({ where: { id: { in: [...ids] } } }),
      (reply) => reply.id,
    ),
    repliesPage: positionPageLoader((ranges) => db.forumReply.findMany({ where: inRanges(ranges) })),
    moderationPage: positionPageLoader((ranges) => db.forumModerationAction.findMany({ where: inRanges(ranges) })),
    /** Whether the viewer follows each thread (their own subscriptions only). */
    subscribed: new DataLoader<string, boolean>(async (threadIds) => {
      const rows = await db.forumSubscription.findMany({
        where: { threadId: { in: [...threadIds] } },
        select: { threadId: true },
      });
      const followed = new Set(rows.map((row) => row.threadId));
      return threadIds.map((id) => followed.has(id));
    }),
  };
}

export type GpenLoaders = ReturnType<typeof createGpenLoaders>;

/**
 * The context as this subgraph's resolvers see it: the shared client (`prisma`) is left out on purpose, so that every
 * statement goes through `loaders.db` and `loaders.search`, the viewer's (visibility.ts).
 */
export type GpenContext = Omit<SubgraphContext<PrismaClient, GpenLoaders>, "prisma">;
