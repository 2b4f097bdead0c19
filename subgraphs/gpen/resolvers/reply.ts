import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { DateTimeISOResolver } from "../../../common/scalars";
import { stored } from "../../../common/validation";
import type { GpenContext } from "../loaders";
import { ForumAuthor, ForumReply, ForumThread } from "../types/forum";
import { moderatorsOnly } from "./thread";

@Resolver(() => ForumReply)
export class ForumReplyResolver {
  @FieldResolver(() => ForumThread)
  async thread(@Root() reply: ForumReply, @Ctx() { loaders }: GpenContext): Promise<ForumThread> {
    // Whoever reads a reply reads its thread: the same rule holds for both.
    return stored(await loaders.threadById.load(reply.threadId), `thread "${reply.threadId}" of reply "${reply.id}"`);
  }

  @FieldResolver(() => ForumAuthor)
  author(@Root() reply: ForumReply): ForumAuthor {
    return { sub: reply.authorSub, name: reply.authorName };
  }

  @FieldResolver(() => Boolean, { description: "Whether it is marked as the answer of its thread." })
  async isAnswer(@Root() reply: ForumReply, @Ctx() { loaders }: GpenContext): Promise<boolean> {
    return (await loaders.threadById.load(reply.threadId))?.answerReplyId === reply.id;
  }

  @FieldResolver(() => String, { nullable: true, description: "Why it is hidden; for GPEN admins." })
  @moderatorsOnly("the moderation of forum posts")
  hiddenReason(@Root() reply: ForumReply): string | null {
    return reply.hiddenReason;
  }

  @FieldResolver(() => ForumAuthor, { nullable: true, description: "Who hid it; for GPEN admins." })
  @moderatorsOnly("the moderation of forum posts")
  hiddenBy(@Root() reply: ForumReply): ForumAuthor | null {
    return reply.hiddenBySub === null ? null : { sub: reply.hiddenBySub, name: reply.hiddenByName };
  }

  @FieldResolver(() => DateTimeISOResolver, { nullable: true, description: "When it was hidden; for GPEN admins." })
  @moderatorsOnly("the moderation of forum posts")
  hiddenAt(@Root() reply: ForumReply): Date | null {
    return reply.hiddenAt;
  }
}
