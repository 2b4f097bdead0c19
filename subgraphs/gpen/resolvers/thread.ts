import crypto from "node:crypto";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { Guard, requireAllowed } from "../../../common/auth";
import { now } from "../../../common/clock";
import { badUserInput, graphError } from "../../../common/errors";
import { ConnectionType, PageArgs, pageWindow, toConnection, type Connection } from "../../../common/pagination";
import { DateTimeISOResolver } from "../../../common/scalars";
import { CheckedArg, found, intRange } from "../../../common/validation";
import {
  checkNewThread,
  checkReplyBody,
  isForumMember,
  isForumModerator,
  parsePositionKey,
  writeForum,
} from "../domain";
import type { GpenContext } from "../loaders";
import { ForumAuthor, ForumModerationAction, ForumReply, ForumThread, StartForumThreadInput } from "../types/forum";

export const ForumReplyConnection = ConnectionType("ForumReply", ForumReply);
const ForumModerationConnection = ConnectionType("ForumModerationAction", ForumModerationAction);

/** Each mutation is one transaction; concurrent writers to one thread queue on its row lock, so allow some wait. */
export const transactionOptions = { maxWait: 10_000, timeout: 20_000 };

export const moderatorsOnly = (what: string) =>
  Guard((viewer) => isForumModerator(viewer), `${what} (GPEN admins only)`);

const threadNotFound = (id: string) => `forum thread "${id}"`;

@Resolver(() => ForumThread)
export class ForumThreadResolver {
  @Mutation(() => ForumThread, {
    description: "A GPEN member starts a thread (and follows it); written in the name of their token.",
  })
  async startForumThread(
    @Arg("input", () => StartForumThreadInput) input: StartForumThreadInput,
    @Ctx() { viewer, loaders }: GpenContext,
  ): Promise<ForumThread> {
    const author = requireAllowed(viewer, isForumMember(viewer), writeForum);
    const { title, body } = checkNewThread(input);
    const thread = await loaders.db.$transaction(async (tx) => {
      const at = now();
      const created = await tx.forumThread.create({
        data: {
          id: crypto.randomUUID(),
          title,
          body,
          authorSub: author.sub,
          authorName: author.name,
          createdAt: at,
          lastActivityAt: at,
        },
      });
      await tx.forumSubscription.create({ data: { threadId: created.id, subscriberSub: author.sub, createdAt: at } });
      return created;
    }, transactionOptions);
    loaders.subscribed.prime(thread.id, true);
    return thread;
  }

  @Mutation(() => ForumReply, {
    description:
      "A GPEN member replies to a thread that is not hidden. Concurrent replies are all kept, each with the next position.",
  })
  async replyToForumThread(
    @Arg("threadId", () => ID) threadId: string,
    @Arg("body", () => String, { description: "1 to 20 000 characters." }) body: string,
    @Ctx() { viewer, loaders }: GpenContext,
  ): Promise<ForumReply> {
    const author = requireAllowed(viewer, isForumMember(viewer), writeForum);
    const text = checkReplyBody(body);
    const thread = found(await loaders.threadById.load(threadId), threadNotFound(threadId));
    const closed = () =>
      badUserInput(`thread "${threadId}" is hidden by the moderators and takes no replies`, "threadId");
    if (thread.hidden) throw closed();
    const reply = await loaders.db.$transaction(async (tx) => {
      // The row lock this update takes queues concurrent replies to the thread: each gets the next position, and
      // the count and last activity move with every one of them.
      const [locked] = await tx.forumThread.updateManyAndReturn({
        where: { id: threadId, hidden: false },
        data: { replyCount: { increment: 1 } },
        select: { replyCount: true },
      });
      if (!locked) throw closed();
      const at = now();
      const created = await tx.forumReply.create({
        data: {
          id: crypto.randomUUID(),
          threadId,
          position: locked.replyCount,
          body: text,
          authorSub: author.sub,
          authorName: author.name,
          createdAt: at,
        },
      });
      await tx.forumThread.updateMany({ where: { id: threadId }, data: { lastActivityAt: at } });
      return created;
    }, transactionOptions);
    loaders.threadById.clear(threadId);
    return reply;
  }

  @Mutation(() => ForumThread, {
    description:
      "The thread's author or a GPEN admin marks the reply that answers it, if expectedVersion is still the thread's version (else CONFLICT: reload it).",
  })
  async markForumThreadAnswered(
    @Arg("threadId", () => ID) threadId: string,
    @Arg("replyId", () => ID) replyId: string,
    @CheckedArg("expectedVersion", () => Int, intRange(1)) expectedVersion: number,
    @Ctx() { viewer, loaders }: GpenContext,
  ): Promise<ForumThread> {
    const actor = requireAllowed(viewer, isForumMember(viewer), writeForum);
    const thread = found(await loaders.threadById.load(threadId), threadNotFound(threadId));
    requireAllowed(
      actor,
      thread.authorSub === actor.sub || isForumModerator(actor),
      "mark the answer of this thread (its author or a GPEN admin)",
    );
    const stale = () =>
      graphError("CONFLICT", `thread "${threadId}" has changed since version ${expectedVersion}; reload it`, {
        field: "expectedVersion",
      });
    if (thread.version !== expectedVersion) throw stale();
    const reply = await loaders.replyById.load(replyId);
    if (!reply || reply.threadId !== threadId) throw badUserInput(`no reply "${replyId}" in this thread`, "replyId");
    if (reply.hidden) throw badUserInput("a reply hidden by the moderators cannot be the answer", "replyId");
    const updated = await loaders.db.$transaction(async (tx) => {
      // Only the version the caller saw may change: of two concurrent marks one matches nothing. Moderation of the
      // reply bumps the version too, so a reply hidden meanwhile is not marked.
      const [marked] = await tx.forumThread.updateManyAndReturn({
        where: { id: threadId, version: expectedVersion },
        data: { answerReplyId: replyId, answeredAt: now(), answeredBySub: actor.sub, version: { increment: 1 } },
      });
      if (!marked) throw stale();
      return marked;
    }, transactionOptions);
    loaders.threadById.clear(threadId).prime(threadId, updated);
    return updated;
  }

  @Mutation(() => ForumThread, { description: "A GPEN member follows a thread; following it again changes nothing." })
  async subscribeToForumThread(
    @Arg("threadId", () => ID) threadId: string,
    @Ctx() { viewer, loaders }: GpenContext,
  ): Promise<ForumThread> {
    const member = requireAllowed(viewer, isForumMember(viewer), writeForum);
    const thread = found(await loaders.threadById.load(threadId), threadNotFound(threadId));
    await loaders.db.forumSubscription.createMany({
      data: [{ threadId, subscriberSub: member.sub, createdAt: now() }],
      skipDuplicates: true,
    });
    loaders.subscribed.clear(threadId).prime(threadId, true);
    return thread;
  }

  @Mutation(() => ForumThread, {
    description: "A GPEN member stops following a thread; stopping again changes nothing.",
  })
  async unsubscribeFromForumThread(
    @Arg("threadId", () => ID) threadId: string,
    @Ctx() { viewer, loaders }: GpenContext,
  ): Promise<ForumThread> {
    const member = requireAllowed(viewer, isForumMember(viewer), writeForum);
    const thread = found(await loaders.threadById.load(threadId), threadNotFound(threadId));
    await loaders.db.forumSubscription.deleteMany({ where: { threadId, subscriberSub: member.sub } });
    loaders.subscribed.clear(threadId).prime(threadId, false);
    return thread;
  }

  @FieldResolver(() => ForumAuthor)
  author(@Root() thread: ForumThread): ForumAuthor {
    return { sub: thread.authorSub, name: thread.authorName };
  }

  @FieldResolver(() => Boolean, { description: "Whether a reply is marked as its answer." })
  answered(@Root() thread: ForumThread): boolean {
    return thread.answerReplyId !== null;
  }

  @FieldResolver(() => ForumReply, { nullable: true, description: "The reply marked as its answer." })
  answeredBy(@Root() thread: ForumThread, @Ctx() { loaders }: GpenContext): Promise<ForumReply | null> | null {
    return thread.answerReplyId === null ? null : loaders.replyById.load(thread.answerReplyId);
  }

  @FieldResolver(() => ForumReplyConnection, { description: "Its replies, oldest first." })
  async replies(
    @Root() thread: ForumThread,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { loaders }: GpenContext,
  ): Promise<Connection<ForumReply>> {
    // The cursor names the thread: a cursor of another thread's replies is refused.
    const list = `replies:${thread.id}`;
    const window = pageWindow(list, page);
    const rows = await loaders.repliesPage.load({
      threadId: thread.id,
      after: parsePositionKey(window.afterKey),
      take: window.take,
    });
    for (const row of rows) loaders.replyById.prime(row.id, row);
    return toConnection(
      list,
      window,
      rows,
      (reply) => String(reply.position),
      () => Promise.resolve(thread.replyCount),
    );
  }

  @FieldResolver(() => Boolean, { description: "Whether you follow it." })
  subscribed(@Root() thread: ForumThread, @Ctx() { loaders }: GpenContext): Promise<boolean> {
    return loaders.subscribed.load(thread.id);
  }

  @FieldResolver(() => String, { nullable: true, description: "Why it is hidden; for GPEN admins." })
  @moderatorsOnly("the moderation of forum posts")
  hiddenReason(@Root() thread: ForumThread): string | null {
    return thread.hiddenReason;
  }

  @FieldResolver(() => ForumAuthor, { nullable: true, description: "Who hid it; for GPEN admins." })
  @moderatorsOnly("the moderation of forum posts")
  hiddenBy(@Root() thread: ForumThread): ForumAuthor | null {
    return thread.hiddenBySub === null ? null : { sub: thread.hiddenBySub, name: thread.hiddenByName };
  }

  @FieldResolver(() => DateTimeISOResolver, { nullable: true, description: "When it was hidden; for GPEN admins." })
  @moderatorsOnly("the moderation of forum posts")
  hiddenAt(@Root() thread: ForumThread): Date | null {
    return thread.hiddenAt;
  }

  @FieldResolver(() => ForumModerationConnection, {
    nullable: true,
    description: "Every moderation action on the thread and its replies, oldest first (append-only); for GPEN admins.",
  })
  @moderatorsOnly("the moderation log of the GPEN forum")
  async moderationLog(
    @Root() thread: ForumThread,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { loaders }: GpenContext,
  ): Promise<Connection<ForumModerationAction>> {
    const list = `moderationLog:${thread.id}`;
    const window = pageWindow(list, page);
    const rows = await loaders.moderationPage.load({
      threadId: thread.id,
      after: parsePositionKey(window.afterKey),
      take: window.take,
    });
    return toConnection(
      list,
      window,
      rows,
      (action) => String(action.position),
      () => Promise.resolve(thread.moderationCount),
    );
  }
}
