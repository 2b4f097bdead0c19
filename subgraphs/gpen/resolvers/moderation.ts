import crypto from "node:crypto";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { requireAllowed, type Viewer } from "../../../common/auth";
import { now } from "../../../common/clock";
import { graphError } from "../../../common/errors";
import { stored } from "../../../common/validation";
import { checkHideReason, checkUnhideReason, isForumModerator, moderateForum } from "../domain";
import type { GpenContext } from "../loaders";
import { ForumAuthor, ForumModerationAction, ForumModerationKind, ForumReply, ForumThread } from "../types/forum";
import { transactionOptions } from "./thread";

@Resolver(() => ForumModerationAction)
export class ForumModerationResolver {
  @Mutation(() => ForumModerationAction, {
    description:
      "A GPEN admin hides a post (a thread's opening post or a reply, by id) from members, with a reason; the post stays in place as a marker. Appended to the thread's moderation log.",
  })
  hideForumPost(
    @Arg("postId", () => ID) postId: string,
    @Arg("reason", () => String, { description: "1 to 1000 characters; kept in the moderation log." }) reason: string,
    @Ctx() context: GpenContext,
  ): Promise<ForumModerationAction> {
    const moderator = requireAllowed(context.viewer, isForumModerator(context.viewer), moderateForum);
    return moderate(context, moderator, postId, ForumModerationKind.HIDE, checkHideReason(reason));
  }

  @Mutation(() => ForumModerationAction, {
    description: "A GPEN admin shows a hidden post again. Appended to the thread's moderation log.",
  })
  unhideForumPost(
    @Arg("postId", () => ID) postId: string,
    @Arg("reason", () => String, { nullable: true, description: "Up to 1000 characters." }) reason: string | null,
    @Ctx() context: GpenContext,
  ): Promise<ForumModerationAction> {
    const moderator = requireAllowed(context.viewer, isForumModerator(context.viewer), moderateForum);
    return moderate(context, moderator, postId, ForumModerationKind.UNHIDE, checkUnhideReason(reason));
  }

  @FieldResolver(() => ForumAuthor)
  moderator(@Root() action: ForumModerationAction): ForumAuthor {
    return { sub: action.actorSub, name: action.actorName };
  }

  @FieldResolver(() => ForumThread)
  async thread(@Root() action: ForumModerationAction, @Ctx() { loaders }: GpenContext): Promise<ForumThread> {
    return stored(await loaders.threadById.load(action.threadId), `thread "${action.threadId}" of a moderation action`);
  }

  @FieldResolver(() => ForumReply, {
    nullable: true,
    description: "The reply acted on; null when the action concerns the thread's opening post.",
  })
  reply(@Root() action: ForumModerationAction, @Ctx() { loaders }: GpenContext): Promise<ForumReply | null> | null {
    return action.replyId === null ? null : loaders.replyById.load(action.replyId);
  }
}

/**
 * One moderation action, in one transaction: the thread's row is locked first (as every write to a thread's posts
 * does), so actions on one thread take effect one at a time, each with the next position in the log, and the post's
 * final state is that of the last action logged. The thread's version moves, so an answer marked on what a moderator
 * has just changed is refused as stale.
 */
async function moderate(
  { loaders }: GpenContext,
  moderator: Viewer,
  postId: string,
  kind: ForumModerationKind,
  reason: string | null,
): Promise<ForumModerationAction> {
  const [thread, reply] = await Promise.all([loaders.threadById.load(postId), loaders.replyById.load(postId)]);
  const threadId = thread?.id ?? reply?.threadId;
  if (threadId === undefined) throw graphError("NOT_FOUND", `no forum post "${postId}"`);
  const action = await loaders.db.$transaction(async (tx) => {
    const at = now();
    const post =
      kind === ForumModerationKind.HIDE
        ? { hidden: true, hiddenReason: reason, hiddenAt: at, hiddenBySub: moderator.sub, hiddenByName: moderator.name }
        : { hidden: false, hiddenReason: null, hiddenAt: null, hiddenBySub: null, hiddenByName: null };
    const [locked] = await tx.forumThread.updateManyAndReturn({
      where: { id: threadId },
      data: { moderationCount: { increment: 1 }, version: { increment: 1 }, ...(thread ? post : {}) },
      select: { moderationCount: true },
    });
    if (!locked) throw graphError("NOT_FOUND", `no forum post "${postId}"`);
    if (reply) await tx.forumReply.updateMany({ where: { id: reply.id }, data: post });
    return tx.forumModerationAction.create({
      data: {
        id: crypto.randomUUID(),
        threadId,
        position: locked.moderationCount,
        replyId: reply?.id ?? null,
        kind,
        reason,
        actorSub: moderator.sub,
        actorName: moderator.name,
        at,
      },
    });
  }, transactionOptions);
  loaders.threadById.clear(threadId);
  if (reply) loaders.replyById.clear(reply.id);
  return action;
}
