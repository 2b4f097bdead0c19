import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Guard } from "../../../common/auth";
import {
  ConnectionType,
  PageArgs,
  pageWindow,
  parseTimeKey,
  timeKey,
  toConnection,
  type Connection,
} from "../../../common/pagination";
import type { Prisma } from "../../../prisma/gpen/generated/client";
import { forumNetworkId, fullTextQuery, isForumMember } from "../domain";
import type { GpenContext } from "../loaders";
import { Forum, ForumThread } from "../types/forum";
import { Network } from "../types/stubs";

export const ForumThreadConnection = ConnectionType("ForumThread", ForumThread);
const membersOnly = (what: string) => Guard((viewer) => isForumMember(viewer), `${what} (GPEN members only)`);

@Resolver(() => Network)
export class NetworkForumResolver {
  @FieldResolver(() => Forum, {
    nullable: true,
    description: "The network's members' forum (gpen subgraph): the GPEN forum for GPEN, null for other networks.",
  })
  forum(@Root() network: Network): Forum | null {
    return network.id === forumNetworkId ? { networkId: network.id } : null;
  }
}

@Resolver(() => Forum)
export class ForumResolver {
  @Query(() => ForumThread, {
    nullable: true,
    description: "A thread of the GPEN forum; null when unknown or when you are not a GPEN member.",
  })
  forumThread(@Arg("id", () => ID) id: string, @Ctx() { loaders }: GpenContext): Promise<ForumThread | null> {
    return loaders.threadById.load(id);
  }

  @FieldResolver(() => Network, { nullable: true })
  network(@Root() forum: Forum): Network {
    return { id: forum.networkId };
  }

  @FieldResolver(() => Int, { nullable: true, description: "How many threads it holds; for GPEN members." })
  @membersOnly("the number of threads of the GPEN forum")
  threadCount(@Ctx() { loaders }: GpenContext): Promise<number> {
    return loaders.db.forumThread.count();
  }

  @FieldResolver(() => ForumThreadConnection, {
    nullable: true,
    description:
      "Its threads, latest activity first (a reply moves a thread to the top); for GPEN members. `search` matches words of titles and bodies of threads and replies (each word as a prefix, all required; hidden text only for GPEN admins); `answered` keeps answered (true) or open (false) threads.",
  })
  @membersOnly("the threads of the GPEN forum")
  async threads(
    @Args(() => PageArgs) page: PageArgs,
    @Arg("search", () => String, { nullable: true, description: "Up to 100 characters." }) search: string | null,
    @Arg("answered", () => Boolean, { nullable: true }) answeredArg: boolean | null | undefined,
    @Ctx() { loaders }: GpenContext,
  ): Promise<Connection<ForumThread>> {
    // An argument left out arrives as undefined: no filter, as null.
    const answered = answeredArg ?? null;
    const window = pageWindow("threads", page);
    const after = parseTimeKey(window.afterKey);
    const query = search == null ? null : fullTextQuery(search, "search");
    const keyOf = (thread: ForumThread) => timeKey(thread.lastActivityAt, thread.id);
    if (query !== null) {
      const filter = { query, answered };
      const ids = await loaders.search.threadIds(filter, after, window.take);
      const threads = await loaders.threadById.loadMany(ids);
      // A thread that matched a moment ago is still there: threads are never deleted.
      const rows = threads.flatMap((thread) => {
        if (thread instanceof Error) throw thread;
        return thread === null ? [] : [thread];
      });
      return toConnection("threads", window, rows, keyOf, () => loaders.search.count(filter));
    }
    const where: Prisma.ForumThreadWhereInput =
      answered === null ? {} : { answerReplyId: answered ? { not: null } : null };
    const rows = await loaders.db.forumThread.findMany({
      where: after
        ? {
            AND: [
              where,
              { OR: [{ lastActivityAt: { lt: after.at } }, { lastActivityAt: after.at, id: { lt: after.id } }] },
            ],
          }
        : where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
      take: window.take,
    });
    for (const row of rows) loaders.threadById.prime(row.id, row);
    return toConnection("threads", window, rows, keyOf, () => loaders.db.forumThread.count({ where }));
  }
}
